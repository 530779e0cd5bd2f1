import assert from 'node:assert/strict';
import { closureAsOf, describeClosure, lookUpCase } from '../../../service/domain/ledgers/cases/lookup.ts';
import { viewOver } from '../../helpers/ledgers.ts';

const OPEN = '（2026）豫0102执1号';
const PAID = '（2026）豫0102执2号';
const view = () =>
  viewOver({
    cases: [
      { caseNo: OPEN, filedOn: '2026-01-05', respondent: '甲' },
      { caseNo: PAID, filedOn: '2026-01-05', respondent: '乙', closedOn: '2026-04-30', closureMode: '执行完毕' },
    ],
  });

describe('cases ledger: the lookup other ledgers use', () => {
  it('finds a registered case and warns about an unknown one on its cell, naming header and value', () => {
    assert.deepEqual(lookUpCase({ caseNo: OPEN }, view(), '案号'), {
      found: { caseNo: OPEN, closedOn: null, closureMode: null, amount: null },
      problems: [],
    });
    const unknown = lookUpCase({ caseNo: '（2026）豫0102执3号' }, view(), '案号');
    assert.equal(unknown.found, null);
    assert.deepEqual(unknown.problems, [
      {
        column: 'caseNo',
        level: 'warning',
        cell: true,
        message: '案号「（2026）豫0102执3号」在执行案件流转台账中不存在，请核对案号；案件登记后才能核对其结案情况',
      },
    ]);
  });

  it('says nothing about an empty (or unreadable) case number: its own column already does', () => {
    assert.deepEqual(lookUpCase({ caseNo: null }, view(), '案号'), { found: null, problems: [] });
  });

  it('tells a closure from the closing date on, and by the given modes only', () => {
    const paid = lookUpCase({ caseNo: PAID }, view(), '案号').found;
    assert.equal(closureAsOf(paid, '2026-04-29'), null);
    assert.deepEqual(closureAsOf(paid, '2026-04-30'), { closedOn: '2026-04-30', closureMode: '执行完毕' });
    assert.ok(closureAsOf(paid, '2026-05-06', ['执行完毕']));
    assert.equal(closureAsOf(paid, '2026-05-06', ['终结本次执行程序']), null);
    assert.equal(closureAsOf(lookUpCase({ caseNo: OPEN }, view(), '案号').found, '2026-05-06'), null);
    assert.equal(describeClosure(PAID, { closedOn: '2026-04-30', closureMode: '执行完毕' }), `${PAID}已于 2026-04-30 结案（执行完毕）`);
  });
});
