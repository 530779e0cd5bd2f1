import assert from 'node:assert/strict';
import { defaultRules } from '../../../service/domain/rules.ts';
import { evaluatorFor, messages, nodeOf } from '../../helpers/ledgers.ts';

const evaluate = evaluatorFor('measures');
const CASE = '（2026）豫0102执100号';
const register = (changes: Record<string, string> = {}) => ({
  cases: [{ caseNo: CASE, filedOn: '2026-01-05', respondent: '甲', ...changes }],
});
const paid = register({ closedOn: '2026-04-30', closureMode: '执行完毕' });
const ROW = { caseNo: CASE, subject: '甲', effectiveOn: '2026-03-01' };

describe('measures ledger', () => {
  it('explains an expiry: the term counts its first day; a renewal continues it from the day after', () => {
    const first = nodeOf(evaluate({ ...ROW, measure: '冻结银行存款' }), 'renewal');
    assert.equal(first.steps, '生效/发布日期 2026-03-01 起算 1 年（含首日），至 2027-02-28 届满');
    assert.equal(first.basis, '民诉法解释 (2022) 第四百八十五条：冻结银行存款期限不超过1年，届满前可续行');
    const renewed = nodeOf(evaluate({ ...ROW, measure: '冻结银行存款', renewedOn: '2027-02-20' }), 'renewal');
    assert.equal(
      renewed.steps,
      '生效/发布日期 2026-03-01 起算 1 年（含首日），至 2027-02-28 届满；续行日期 2027-02-20 在届满前，续行1年：原到期日次日 2027-03-01 起算 1 年（含首日），至 2028-02-29 届满',
    );
  });

  it('follows the case: 待解除 once closed by 执行完毕, 生效中 again once reopened', () => {
    const row = { ...ROW, measure: '纳入失信' };
    assert.equal(evaluate(row, { asOf: '2026-05-06', stored: paid }).status.phase, '待解除');
    const reopened = evaluate(row, { asOf: '2026-05-06', stored: register() });
    assert.equal(reopened.status.phase, '生效中');
    assert.ok(!reopened.nodes.some((node) => node.id === 'release'));
  });

  it('names the deadline and its source in the 待解除 warning', () => {
    assert.deepEqual(messages(evaluate({ ...ROW, measure: '纳入失信' }, { asOf: '2026-05-06', stored: paid }), 'revokedOn', 'warning'), [
      '案件（2026）豫0102执100号已于 2026-04-30 结案（执行完毕），纳入失信尚未解除，应于 2026-05-08 前解除（《最高人民法院关于公布失信被执行人名单信息的若干规定》第十条）',
    ]);
    const release = nodeOf(evaluate({ ...ROW, measure: '限制消费' }, { asOf: '2026-05-06', stored: paid }), 'release');
    assert.equal(release.steps, '结案日期 2026-04-30 起算 3 个工作日，第 3 个工作日为 2026-05-08');
  });

  describe('payment in full (案款台账)', () => {
    const payment = (receiptNo: string, receivedOn: string, amount: number | string) => ({ caseNo: CASE, receiptNo, receivedOn, amount });
    const owed = (payments: Array<Record<string, unknown>>, changes: Record<string, string> = {}) => ({
      cases: [{ caseNo: CASE, filedOn: '2026-01-05', respondent: '甲', amount: 100_000, ...changes }],
      payments: payments as Array<Record<string, string | number>>,
    });
    const stored = owed([payment('1', '2026-04-20', 60_000), payment('2', '2026-05-06', '4万'), payment('3', '2026-05-20', 500)]);
    const listed = { ...ROW, measure: '纳入失信' };

    it('makes a live measure 待解除 from the day the payments received add up to the 执行标的额', () => {
      assert.equal(evaluate(listed, { asOf: '2026-05-05', stored }).status.phase, '生效中');
      const paid = evaluate(listed, { asOf: '2026-05-06', stored });
      assert.equal(paid.status.phase, '待解除');
      const release = nodeOf(paid, 'release');
      assert.equal(release.steps, '足额到账日期 2026-05-06 起算 3 个工作日，第 3 个工作日为 2026-05-09');
      assert.equal(release.basis, '《最高人民法院关于公布失信被执行人名单信息的若干规定》第十条：案款足额到账后3个工作日内解除');
      assert.deepEqual(messages(paid, 'revokedOn', 'warning'), [
        '案件（2026）豫0102执100号的案款已于 2026-05-06 足额到账（案款台账累计 100,000 元，达到执行标的额 100,000 元），' +
          '纳入失信尚未解除，应于 2026-05-09 前解除（《最高人民法院关于公布失信被执行人名单信息的若干规定》第十条）',
      ]);
    });

    it('does not count payments short of the amount, a case without an amount, or when the rules turn it off', () => {
      assert.equal(evaluate(listed, { asOf: '2026-06-01', stored: owed([payment('1', '2026-04-20', 99_999.99)]) }).status.phase, '生效中');
      assert.equal(
        evaluate(listed, { asOf: '2026-06-01', stored: { ...stored, cases: [{ caseNo: CASE, filedOn: '2026-01-05', respondent: '甲' }] } })
          .status.phase,
        '生效中',
      );
      const rules = defaultRules();
      (rules.ledgers.measures as { release: { onFullPayment: boolean } }).release.onFullPayment = false;
      assert.equal(evaluate(listed, { asOf: '2026-06-01', stored, rules }).status.phase, '生效中');
    });

    it('counts from the earlier of the closure and the payment in full', () => {
      const closedFirst = owed([payment('1', '2026-05-06', 100_000)], { closedOn: '2026-04-30', closureMode: '执行完毕' });
      assert.equal(nodeOf(evaluate(listed, { asOf: '2026-05-06', stored: closedFirst }), 'release').dueOn, '2026-05-08');
      const paidFirst = owed([payment('1', '2026-04-27', 100_000)], { closedOn: '2026-04-30', closureMode: '执行完毕' });
      const release = nodeOf(evaluate(listed, { asOf: '2026-05-06', stored: paidFirst }), 'release');
      assert.deepEqual([release.dueOn, release.steps.slice(0, 17)], ['2026-04-30', '足额到账日期 2026-04-27']);
    });
  });

  it('takes terms, the renewal window, the closures and the deadlines from the rules configuration', () => {
    const rules = defaultRules();
    const measures = rules.ledgers.measures as {
      terms: Record<string, unknown>;
      renewalWarnDays: number;
      release: { closureModes: string[]; deadlines: Record<string, unknown> };
    };
    measures.terms.冻结银行存款 = { period: { kind: 'months', n: 6 }, renewable: true, source: '某规定' };
    measures.renewalWarnDays = 10;
    measures.release.closureModes = ['执行完毕', '终结执行'];
    measures.release.deadlines.限制消费 = { period: { kind: 'workdays', n: 1 }, source: '某院规定' };
    assert.equal(evaluate({ ...ROW, measure: '冻结银行存款' }, { rules }).status.expiry, '2026-08-31');
    assert.equal(evaluate({ ...ROW, measure: '冻结银行存款' }, { asOf: '2026-08-20', rules }).status.phase, '生效中');
    assert.equal(evaluate({ ...ROW, measure: '冻结银行存款' }, { asOf: '2026-08-21', rules }).status.phase, '续行临期');
    const ended = register({ closedOn: '2026-04-30', closureMode: '终结执行' });
    assert.equal(evaluate({ ...ROW, measure: '限制消费' }, { asOf: '2026-05-06', stored: ended, rules }).status.nextDue, '2026-05-06');
  });
});
