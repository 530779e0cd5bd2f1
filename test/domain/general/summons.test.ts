import assert from 'node:assert/strict';
import { defaultRules } from '../../../service/domain/rules.ts';
import { evaluatorFor, messages, nodeOf } from '../../helpers/ledgers.ts';

const evaluate = evaluatorFor('summons');
const ROW = { person: '张三', summonedOn: '2026-03-02', warrantOn: '2026-03-04', arrivedAt: '2026-03-05 09:30' };

describe('summons ledger: the questioning limit explained', () => {
  it('counts the limit from arrival and says so', () => {
    const node = nodeOf(evaluate(ROW, { asOf: '2026-03-05', now: '2026-03-05 10:00' }), 'questioning');
    assert.equal(node.steps, '到案时间 2026-03-05 09:30 起算 8 小时，至 2026-03-05 17:30 届满');
    assert.equal(node.basis, '民诉法解释 (2022) 第四百八十二条：到案后调查询问不得超过8小时');
    const detainable = nodeOf(evaluate({ ...ROW, mayDetain: '是' }, { asOf: '2026-03-05' }), 'questioning');
    assert.match(detainable.basis, /不得超过24小时（情况复杂，依法可能采取拘留措施）/);
  });

  it('names the hours and the limit in the over-limit error, and points to 可能采取拘留措施 when it would help', () => {
    const over = evaluate({ ...ROW, endedAt: '2026-03-05 18:00' }, { asOf: '2026-03-06' });
    assert.deepEqual(messages(over, 'endedAt', 'error'), [
      '询问结束时间「2026-03-05 18:00」距到案时间 2026-03-05 09:30 已 8.5 小时，超过 8 小时的询问时限（民诉法解释 (2022) 第四百八十二条）；' +
        '如情况复杂、依法可能采取拘留措施，请将可能采取拘留措施填为「是」（时限 24 小时）',
    ]);
    const beyondAny = evaluate({ ...ROW, endedAt: '2026-03-06 10:00' }, { asOf: '2026-03-06' });
    assert.ok(!messages(beyondAny, 'endedAt', 'error')[0].includes('请将'));
  });

  it('takes its limits and warning window from the rules configuration', () => {
    const rules = defaultRules();
    Object.assign(rules.ledgers.summons as object, { questioningHours: 6, warnHours: 2 });
    assert.equal(evaluate(ROW, { asOf: '2026-03-05', rules }).status.limitAt, '2026-03-05 15:30');
    assert.equal(evaluate(ROW, { asOf: '2026-03-05', now: '2026-03-05 13:30', rules }).status.alert, '临期');
    assert.equal(evaluate(ROW, { asOf: '2026-03-05', now: '2026-03-05 13:29', rules }).status.alert, '正常');
  });
});
