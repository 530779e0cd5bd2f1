import assert from 'node:assert/strict';
import { LEDGERS } from '../../../service/domain/ledgers/index.ts';
import type { RowResult } from '../../../service/domain/evaluate-row.ts';
import { evaluateIn } from '../../helpers/ledgers.ts';
import { sampleRow } from '../../helpers/sample-rows.ts';

/** What the weekly report reads of an evaluation: everything but the problems (and 校验意见, made of them). */
const read = ({ status: { remarks: _remarks, ...status }, nodes, fixed }: RowResult) => ({ status, nodes, fixed });

const UNKNOWN_CASE = /在执行案件流转台账中不存在/;

describe('evaluating for the weekly report (status only)', () => {
  // Every ledger but cases names a case number; with no case rows stored, none of them is registered.
  for (const ledger of LEDGERS.filter((candidate) => candidate.id !== 'cases')) {
    it(`${ledger.name}: the same statuses, nodes and fixed facts, without the checks that only add problems`, () => {
      const row = sampleRow(ledger, 1);
      const full = evaluateIn(ledger.id, row, { asOf: '2026-03-10' });
      const statusOnly = evaluateIn(ledger.id, row, { asOf: '2026-03-10', statusOnly: true });
      assert.deepEqual(read(statusOnly), read(full));
      assert.ok(
        full.errors.some((problem) => UNKNOWN_CASE.test(problem.message)),
        `${ledger.id}: ${full.errors.map((problem) => problem.message).join('\n')}`,
      );
      // The measures and temporary-control ledgers read the case's closure for their own status: the lookup stays.
      const readsTheCase = ['measures', 'person-controls', 'vehicle-controls'].includes(ledger.id);
      assert.equal(
        statusOnly.errors.some((problem) => UNKNOWN_CASE.test(problem.message)),
        readsTheCase,
        statusOnly.errors.map((problem) => problem.message).join('\n'),
      );
    });
  }

  it('leaves out a fine beyond its bounds, which is a problem and not a status', () => {
    const row = { caseNo: '（2026）豫0102执1号', subject: '王五', subjectType: '个人', amount: '10.5万', decidedOn: '2026-03-02' };
    const full = evaluateIn('fines', row, { asOf: '2026-03-10' });
    const statusOnly = evaluateIn('fines', row, { asOf: '2026-03-10', statusOnly: true });
    assert.ok(full.errors.some((problem) => problem.column === 'amount' && problem.level === 'error'));
    assert.deepEqual(statusOnly.errors, []);
    assert.deepEqual(read(statusOnly), read(full));
  });
});
