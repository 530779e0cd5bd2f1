import assert from 'node:assert/strict';
import { defaultRules } from '../../../service/domain/rules.ts';
import { evaluatorFor, messages, nodeOf } from '../../helpers/ledgers.ts';

const evaluate = evaluatorFor('refusals');
const ROW = { person: '钱七', route: '移送公安', transferredOn: '2026-03-02' };

describe('refusals ledger', () => {
  it('explains the 7 days, and the extended 30 once the 7 have passed', () => {
    const first = nodeOf(evaluate(ROW, { asOf: '2026-03-03' }), 'policeDecision');
    assert.equal(
      first.basis,
      '《关于办理拒不执行判决、裁定刑事案件若干问题的意见》(法发〔2025〕8号) 第五条：移送之日起7日内决定是否立案，经批准可延长至30日',
    );
    assert.equal(first.steps, '移送日期 2026-03-02 起算 7 日，届满日 2026-03-09');
    const extended = nodeOf(evaluate(ROW, { asOf: '2026-03-10' }), 'policeDecision');
    assert.match(extended.basis, /（按延长后的期限计）$/);
    assert.equal(
      extended.steps,
      '移送日期 2026-03-02 起算 7 日，届满日 2026-03-09；该期限内未作出决定，按延长后的期限：移送日期 2026-03-02 起算 30 日，届满日 2026-04-01',
    );
    assert.deepEqual(messages(evaluate(ROW, { asOf: '2026-03-10' }), 'policeFiledOn', 'warning'), [
      '移送公安已超过7日（2026-03-09）未收到立案决定：如公安机关未经批准延长，请督促其作出决定；延长的最迟至 2026-04-01（《关于办理拒不执行判决、裁定刑事案件若干问题的意见》(法发〔2025〕8号) 第五条）',
    ]);
  });

  it('rolls a 7th day on a rest day to the next working day', () => {
    assert.equal(evaluate({ ...ROW, transferredOn: '2026-09-27' }, { asOf: '2026-09-28' }).status.nextDue, '2026-10-08');
  });

  it('takes both periods from the rules configuration', () => {
    const rules = defaultRules();
    (rules.ledgers.refusals as { policeDecision: object }).policeDecision = {
      period: { kind: 'days', n: 3 },
      extendedPeriod: { kind: 'days', n: 10 },
      roll: false,
      source: '某规定',
    };
    assert.equal(evaluate(ROW, { asOf: '2026-03-03', rules }).status.nextDue, '2026-03-05');
    assert.equal(evaluate(ROW, { asOf: '2026-03-06', rules }).status.nextDue, '2026-03-12');
  });
});
