import assert from 'node:assert/strict';
import { defaultRules } from '../../../service/domain/rules.ts';
import { errorColumns, evaluatorFor, messages, nodeOf } from '../../helpers/ledgers.ts';

const evaluate = evaluatorFor('refusals');
const SOURCE = '《关于办理拒不执行判决、裁定刑事案件若干问题的意见》(法发〔2025〕8号) 第五条';
const ROLL = '；期间最后一日为节假日的，以节假日后的第一日为期满日期（《中华人民共和国刑事诉讼法》第一百零五条）';
/** Transferred on Monday 2026-03-02: 7 days end on Monday 2026-03-09, 30 days on Wednesday 2026-04-01. */
const ROW = { person: '钱七', route: '移送公安', transferredOn: '2026-03-02' };
const EXTENDED = { ...ROW, policeExtended: '是' };

describe('refusals ledger', () => {
  it('counts 7 days without a recorded extension, and is 超期 from the 8th day', () => {
    const first = nodeOf(evaluate(ROW, { asOf: '2026-03-03' }), 'policeDecision');
    assert.equal(first.basis, `${SOURCE}：移送之日起7日内决定是否立案（未记录公安延长审查）`);
    assert.equal(first.steps, '移送日期 2026-03-02 起算 7 日，届满日 2026-03-09');
    assert.equal(first.dueOn, '2026-03-09');
    const late = evaluate(ROW, { asOf: '2026-03-10' });
    assert.deepEqual(late.status, { ...late.status, phase: '公安逾期未决定', alert: '超期', nextDue: '2026-03-09', daysLeft: -1 });
    assert.deepEqual(messages(late, 'policeFiledOn', 'warning'), [
      `移送公安已超过7日（2026-03-09）未收到立案决定，请督促公安机关作出决定；公安机关以重大疑难复杂延长审查的，请在「公安延长审查」填「是」，按30日计（${SOURCE}）`,
    ]);
    assert.equal(evaluate({ ...ROW, policeExtended: '否' }, { asOf: '2026-03-10' }).status.alert, '超期');
  });

  it('counts 30 days for a case the police extended', () => {
    const result = evaluate(EXTENDED, { asOf: '2026-03-10' });
    const node = nodeOf(result, 'policeDecision');
    assert.equal(node.basis, `${SOURCE}：公安机关以重大疑难复杂延长审查的，移送之日起30日内决定是否立案`);
    assert.equal(node.steps, '移送日期 2026-03-02 起算 30 日，届满日 2026-04-01');
    assert.deepEqual(result.status, { ...result.status, phase: '待公安决定', alert: '正常', nextDue: '2026-04-01', daysLeft: 22 });
    assert.deepEqual(messages(result, 'policeFiledOn', 'warning'), []);
    assert.deepEqual(messages(evaluate(EXTENDED, { asOf: '2026-04-02' }), 'policeFiledOn', 'warning'), [
      `移送公安已超过延长审查的30日（2026-04-01）仍未收到立案决定，请督促公安机关作出决定（${SOURCE}）`,
    ]);
  });

  it('judges a decision on the 8th day by the recorded extension', () => {
    const eighth = { ...ROW, policeReplyOn: '2026-03-10' };
    assert.equal(nodeOf(evaluate(eighth, { asOf: '2026-04-10' }), 'policeDecision').state, '超期完成');
    assert.equal(nodeOf(evaluate({ ...eighth, policeExtended: '是' }, { asOf: '2026-04-10' }), 'policeDecision').state, '已完成');
  });

  it('rolls an end in 国庆 2026 to the next working day and cites 刑事诉讼法 第一百零五条', () => {
    // 2026-09-27 + 7 = Sunday 10-04, inside 国庆 (10-01..10-07): the first working day after is 10-08.
    const node = nodeOf(evaluate({ ...ROW, transferredOn: '2026-09-27' }, { asOf: '2026-09-28' }), 'policeDecision');
    assert.equal(node.dueOn, '2026-10-08');
    assert.equal(node.steps, '移送日期 2026-09-27 起算 7 日，届满日 2026-10-04 为法定休假日（国庆节），顺延至 2026-10-08');
    assert.equal(node.basis, `${SOURCE}：移送之日起7日内决定是否立案（未记录公安延长审查）${ROLL}`);
    assert.equal(evaluate({ ...ROW, transferredOn: '2026-09-27' }, { asOf: '2026-10-08' }).status.alert, '临期');
    assert.equal(evaluate({ ...ROW, transferredOn: '2026-09-27' }, { asOf: '2026-10-09' }).status.alert, '超期');
    // Extended: 2026-09-04 + 30 = 10-04, also rolled to 10-08.
    assert.equal(nodeOf(evaluate({ ...EXTENDED, transferredOn: '2026-09-04' }), 'policeDecision').dueOn, '2026-10-08');
  });

  it('keeps an end on the 调休 Saturday 2026-10-10, a working day', () => {
    const node = nodeOf(evaluate({ ...ROW, transferredOn: '2026-10-03' }, { asOf: '2026-10-05' }), 'policeDecision');
    assert.equal(node.dueOn, '2026-10-10');
    assert.equal(node.steps, '移送日期 2026-10-03 起算 7 日，届满日 2026-10-10');
    assert.equal(node.basis, `${SOURCE}：移送之日起7日内决定是否立案（未记录公安延长审查）`);
  });

  it('rolls an end in 春节 2026 and keeps one on its 调休 Saturdays', () => {
    // 春节 2026-02-15..02-23; Saturdays 02-14 and 02-28 are working days.
    const due = (changes: Record<string, string>) => nodeOf(evaluate({ ...ROW, ...changes }), 'policeDecision');
    const rolled = due({ transferredOn: '2026-02-08' });
    assert.equal(rolled.dueOn, '2026-02-24');
    assert.equal(rolled.steps, '移送日期 2026-02-08 起算 7 日，届满日 2026-02-15 为法定休假日（春节），顺延至 2026-02-24');
    assert.ok(rolled.basis.endsWith(ROLL));
    assert.equal(due({ transferredOn: '2026-02-07' }).dueOn, '2026-02-14');
    assert.equal(due({ transferredOn: '2026-01-20', policeExtended: '是' }).dueOn, '2026-02-24');
    assert.equal(due({ transferredOn: '2026-01-29', policeExtended: '是' }).dueOn, '2026-02-28');
  });

  it('refuses a value other than 是 or 否 in 公安延长审查, in Chinese', () => {
    const result = evaluate({ ...ROW, policeExtended: '待定' });
    assert.deepEqual(errorColumns(result), ['policeExtended']);
    assert.match(messages(result, 'policeExtended', 'error')[0] ?? '', /公安延长审查.*应填 是 或 否/);
  });

  it('takes both periods and the roll from the rules configuration', () => {
    const rules = defaultRules();
    (rules.ledgers.refusals as { policeDecision: object }).policeDecision = {
      period: { kind: 'days', n: 3 },
      extendedPeriod: { kind: 'days', n: 10 },
      roll: false,
      source: '某规定',
      rollSource: '某法',
    };
    assert.equal(evaluate(ROW, { asOf: '2026-03-03', rules }).status.nextDue, '2026-03-05');
    assert.equal(evaluate(EXTENDED, { asOf: '2026-03-03', rules }).status.nextDue, '2026-03-12');
    assert.equal(evaluate({ ...ROW, transferredOn: '2026-10-01' }, { asOf: '2026-10-01', rules }).status.nextDue, '2026-10-04');
  });
});
