import assert from 'node:assert/strict';
import { defaultRules } from '../../../service/domain/rules.ts';
import { evaluateIn, nodeOf } from '../../helpers/ledgers.ts';

const CASE = '（2026）豫0102执100号';
const register = (changes: Record<string, string> = {}) => ({
  cases: [{ caseNo: CASE, filedOn: '2026-01-05', respondent: '甲', ...changes }],
});
const ROW = { caseNo: CASE, subject: '被控人', requestedOn: '2026-03-01', expiresOn: '2026-06-01' };

describe('control ledgers', () => {
  it("take the expiry from the clerk's control document, and say so", () => {
    const node = nodeOf(evaluateIn('person-controls', ROW), 'expiry');
    assert.equal(node.basis, '布控文书载明的到期日（临控无全国统一期限）');
    assert.equal(node.steps, '布控到期日 2026-06-01（按布控文书填写）');
  });

  it('show 待撤控 while the case is closed, and 布控中 again once it is reopened', () => {
    const closed = evaluateIn('person-controls', ROW, {
      asOf: '2026-05-06',
      stored: register({ closedOn: '2026-04-30', closureMode: '终结执行' }),
    });
    assert.equal(closed.status.phase, '待撤控');
    const reopened = evaluateIn('person-controls', ROW, { asOf: '2026-05-06', stored: register() });
    assert.equal(reopened.status.phase, '布控中');
  });

  it('take the closures that call for revocation and the warning window from the rules configuration', () => {
    const rules = defaultRules();
    Object.assign(rules.ledgers['vehicle-controls'] as object, { revokeOnClosure: ['执行完毕'], expiryWarnDays: 10 });
    const vehicle = { ...ROW, subject: undefined, plate: '豫A12345' };
    const terminated = register({ closedOn: '2026-04-30', closureMode: '终结本次执行程序' });
    assert.equal(evaluateIn('vehicle-controls', vehicle, { asOf: '2026-05-06', stored: terminated, rules }).status.phase, '布控中');
    assert.equal(evaluateIn('vehicle-controls', vehicle, { asOf: '2026-05-22', rules }).status.phase, '临期');
    assert.equal(evaluateIn('person-controls', ROW, { asOf: '2026-05-22', rules }).status.phase, '布控中');
  });
});
