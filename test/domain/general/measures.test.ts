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
const DISHONEST = '《最高人民法院关于公布失信被执行人名单信息的若干规定》';
/** A listing without a term (第一条第一项): the clerk enters 无; 第十条第一款 applies to it. */
const UNTERMED = { ...ROW, measure: '纳入失信', expiresOn: '无' };

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
    const row = UNTERMED;
    assert.equal(evaluate(row, { asOf: '2026-05-06', stored: paid }).status.phase, '待解除');
    const reopened = evaluate(row, { asOf: '2026-05-06', stored: register() });
    assert.equal(reopened.status.phase, '生效中');
    assert.ok(!reopened.nodes.some((node) => node.id === 'release'));
  });

  it('names the deadline and its source in the 待解除 warning', () => {
    assert.deepEqual(messages(evaluate(UNTERMED, { asOf: '2026-05-06', stored: paid }), 'revokedOn', 'warning'), [
      `案件（2026）豫0102执100号已于 2026-04-30 结案（执行完毕），纳入失信尚未解除，应于 2026-05-08 前解除（${DISHONEST}第十条第一款第一项）`,
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
    const listed = UNTERMED;

    it('makes a live measure 待解除 from the day the payments received add up to the 执行标的额', () => {
      assert.equal(evaluate(listed, { asOf: '2026-05-05', stored }).status.phase, '生效中');
      const paid = evaluate(listed, { asOf: '2026-05-06', stored });
      assert.equal(paid.status.phase, '待解除');
      const release = nodeOf(paid, 'release');
      assert.equal(release.steps, '足额到账日期 2026-05-06 起算 3 个工作日，第 3 个工作日为 2026-05-09');
      assert.equal(release.basis, `${DISHONEST}第十条第一款第一项：案款足额到账后3个工作日内解除`);
      assert.deepEqual(messages(paid, 'revokedOn', 'warning'), [
        '案件（2026）豫0102执100号的案款已于 2026-05-06 足额到账（案款台账累计 100,000 元，达到执行标的额 100,000 元），' +
          `纳入失信尚未解除，应于 2026-05-09 前解除（${DISHONEST}第十条第一款第一项）`,
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

  describe('失信 at the end of its term: deleted within 3 working days, never lapsing by itself (第十条第二款)', () => {
    /** Effective 2024-02-12: the 2 years, first day counted, end on Wednesday 2026-02-11. */
    const listed = { ...ROW, measure: '纳入失信', effectiveOn: '2024-02-12' };
    const removal = (changes: Record<string, string>, asOf = '2026-01-05') =>
      nodeOf(evaluate({ ...listed, ...changes }, { asOf }), 'removal');

    it('counts 3 working days after the last day, the 调休 Saturday 2026-02-14 among them', () => {
      const node = removal({});
      assert.equal(node.name, '删除');
      // Thursday 02-12, Friday 02-13, Saturday 02-14 (a working day before 春节).
      assert.equal(node.dueOn, '2026-02-14');
      assert.equal(node.steps, '期限届满日 2026-02-11 起算 3 个工作日，第 3 个工作日为 2026-02-14');
      assert.equal(node.basis, `${DISHONEST}第十条第二款：期限届满后3个工作日内删除`);
    });

    it('is 生效中 to its last day, then 待删除 until deleted, 超期 after the third working day', () => {
      const lastDay = evaluate(listed, { asOf: '2026-02-11' });
      assert.deepEqual(lastDay.status, { ...lastDay.status, phase: '生效中', nextNode: '删除', nextDue: '2026-02-14', alert: '临期' });
      assert.deepEqual(messages(lastDay, 'revokedOn', 'warning'), []);
      const after = evaluate(listed, { asOf: '2026-02-12' });
      assert.deepEqual(after.status, { ...after.status, phase: '待删除', alert: '临期', daysLeft: 2 });
      assert.deepEqual(messages(after, 'revokedOn', 'warning'), [
        `纳入失信期限已于 2026-02-11 届满，不会自动失效，尚未删除，应于 2026-02-14 前删除（${DISHONEST}第十条第二款）`,
      ]);
      const late = evaluate(listed, { asOf: '2026-02-15' });
      assert.deepEqual(late.status, { ...late.status, phase: '待删除', alert: '超期', daysLeft: -1 });
      assert.equal(evaluate(listed, { asOf: '2026-06-01' }).status.phase, '待删除');
    });

    it('skips 春节 after an end on the Friday before it, and 国庆 after an end in September', () => {
      // Ends Friday 2026-02-13: Saturday 02-14 (调休), then 春节 02-15..02-23, Tuesday 02-24, Wednesday 02-25.
      assert.equal(removal({ effectiveOn: '2024-02-14' }).dueOn, '2026-02-25');
      const spring = evaluate({ ...listed, effectiveOn: '2024-02-14' }, { asOf: '2026-02-24' });
      assert.deepEqual(spring.status, { ...spring.status, phase: '待删除', alert: '临期', nextDue: '2026-02-25', daysLeft: 1 });
      // Ends Tuesday 2026-09-29: Wednesday 09-30, then 国庆 10-01..10-07, Thursday 10-08, Friday 10-09.
      assert.equal(removal({ effectiveOn: '2024-09-30' }).dueOn, '2026-10-09');
      // Ends Wednesday 09-30: 10-08, 10-09 and the 调休 Saturday 10-10.
      assert.equal(removal({ effectiveOn: '2024-10-01' }).dueOn, '2026-10-10');
      // Ends inside 国庆, on Friday 10-02: the same three working days.
      const inHoliday = removal({ effectiveOn: '2024-10-03' });
      assert.deepEqual(
        [inHoliday.dueOn, inHoliday.steps],
        ['2026-10-10', '期限届满日 2026-10-02 起算 3 个工作日，第 3 个工作日为 2026-10-10'],
      );
    });

    it('counts from the end the clerk typed, and is done by the 撤销/解除日期', () => {
      // Thursday 2026-05-07: Friday 05-08, the 调休 Saturday 05-09, Monday 05-11.
      assert.equal(removal({ effectiveOn: '2026-03-01', expiresOn: '2026-05-07' }).dueOn, '2026-05-11');
      const onTime = evaluate({ ...listed, revokedOn: '2026-02-14' }, { asOf: '2026-03-02' });
      assert.deepEqual([onTime.status.phase, nodeOf(onTime, 'removal').state], ['已解除', '已完成']);
      assert.equal(nodeOf(evaluate({ ...listed, revokedOn: '2026-02-24' }, { asOf: '2026-03-02' }), 'removal').state, '超期完成');
    });

    it('has no deletion node without a term (无), and freezes still lapse', () => {
      assert.ok(!evaluate({ ...listed, expiresOn: '无' }, { asOf: '2026-03-02' }).nodes.some((node) => node.id === 'removal'));
      const freeze = evaluate({ ...listed, measure: '冻结银行存款', effectiveOn: '2025-02-12' }, { asOf: '2026-02-12' });
      assert.equal(freeze.status.phase, '已失效');
      assert.ok(!freeze.nodes.some((node) => node.id === 'removal'));
    });

    it('names a year without holiday data only when the deletion is near', () => {
      // Effective 2026-03-01: ends 2028-02-29, due Friday 2028-03-03 counted by weekends only.
      const far = evaluate({ ...ROW, measure: '纳入失信' }, { asOf: '2026-03-02', stored: register() });
      assert.equal(nodeOf(far, 'removal').dueOn, '2028-03-03');
      assert.match(nodeOf(far, 'removal').steps, /按周末推算（2028年无节假日数据）/);
      assert.deepEqual(messages(far, 'caseNo', 'warning'), []);
      assert.deepEqual(
        messages(evaluate({ ...ROW, measure: '纳入失信' }, { asOf: '2028-02-01', stored: register() }), 'caseNo', 'warning'),
        ['删除：2028年无节假日数据，期限暂按周末推算，请管理员在系统管理的节假日设置中补录该年安排'],
      );
    });

    it('takes the period from the rules configuration', () => {
      const rules = defaultRules();
      const terms = (rules.ledgers.measures as { terms: Record<string, { removal: { period: unknown; source: string } }> }).terms;
      terms.纳入失信.removal.period = { kind: 'workdays', n: 1 };
      terms.纳入失信.removal.source = '某院规定';
      const node = nodeOf(evaluate(listed, { asOf: '2026-02-12', rules }), 'removal');
      assert.deepEqual([node.dueOn, node.basis], ['2026-02-12', '某院规定：期限届满后1个工作日内删除']);
    });
  });

  describe('the closures that oblige lifting, per measure (第十条第一款; 限制消费 第九条)', () => {
    const closed = (closureMode: string, closedOn = '2026-04-30') => register({ closedOn, closureMode });

    it('lifts a listing without a term after 终结执行 and 不予执行, naming the item of 第十条第一款', () => {
      const ended = evaluate(UNTERMED, { asOf: '2026-05-06', stored: closed('终结执行') });
      assert.deepEqual(ended.status, { ...ended.status, phase: '待解除', nextNode: '解除', nextDue: '2026-05-08' });
      const release = nodeOf(ended, 'release');
      // Thursday 04-30; May Day 05-01..05-05; Wednesday 05-06, Thursday 05-07, Friday 05-08.
      assert.equal(release.steps, '结案日期 2026-04-30 起算 3 个工作日，第 3 个工作日为 2026-05-08');
      assert.equal(release.basis, `${DISHONEST}第十条第一款第七项：案件终结执行后3个工作日内解除`);
      assert.deepEqual(messages(ended, 'revokedOn', 'warning'), [
        `案件（2026）豫0102执100号已于 2026-04-30 结案（终结执行），纳入失信尚未解除，应于 2026-05-08 前解除（${DISHONEST}第十条第一款第七项）`,
      ]);
      const refused = nodeOf(evaluate(UNTERMED, { asOf: '2026-05-06', stored: closed('不予执行') }), 'release');
      assert.equal(refused.basis, `${DISHONEST}第十条第一款第六项：案件不予执行后3个工作日内解除`);
    });

    it('counts a closure before 春节 across it, the 调休 Saturday a working day', () => {
      // Closed Thursday 2026-02-12: Friday 02-13, Saturday 02-14 (调休), then 春节 to 02-23, Tuesday 02-24.
      const release = nodeOf(evaluate(UNTERMED, { asOf: '2026-02-13', stored: closed('终结执行', '2026-02-12') }), 'release');
      assert.equal(release.dueOn, '2026-02-24');
    });

    it('does not lift either on 终结本次执行程序', () => {
      for (const measure of ['纳入失信', '限制消费']) {
        const result = evaluate({ ...UNTERMED, measure }, { asOf: '2026-05-06', stored: closed('终结本次执行程序') });
        assert.equal(result.status.phase, '生效中', measure);
        assert.deepEqual(messages(result, 'revokedOn', 'warning'), []);
      }
    });

    it('lifts 限制消费 only once the respondent has performed (第九条): 执行完毕, not 终结执行 or 不予执行', () => {
      const row = { ...ROW, measure: '限制消费' };
      const performed = nodeOf(evaluate(row, { asOf: '2026-05-06', stored: paid }), 'release');
      assert.equal(performed.basis, '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第九条：案件执行完毕后3个工作日内解除');
      assert.equal(evaluate(row, { asOf: '2026-05-06', stored: closed('终结执行') }).status.phase, '生效中');
      assert.equal(evaluate(row, { asOf: '2026-05-06', stored: closed('不予执行') }).status.phase, '生效中');
    });

    it('keeps the general list for freezes and seizures: 执行完毕 only', () => {
      const row = { ...ROW, measure: '冻结银行存款' };
      assert.equal(evaluate(row, { asOf: '2026-05-06', stored: paid }).status.phase, '待解除');
      assert.equal(evaluate(row, { asOf: '2026-05-06', stored: closed('终结执行') }).status.phase, '生效中');
    });

    it('lifts a listing with a term on the closure by default; with closureLifts off it stays until its term, and says why', () => {
      const lifted = evaluate({ ...ROW, measure: '纳入失信' }, { asOf: '2026-05-06', stored: closed('终结执行') });
      assert.deepEqual([lifted.status.phase, lifted.status.nextDue], ['待解除', '2026-05-08']);
      const strict = defaultRules();
      const strictTerms = (strict.ledgers.measures as { terms: Record<string, { removal: { closureLifts: boolean } }> }).terms;
      strictTerms.纳入失信.removal.closureLifts = false;
      const termed = evaluate({ ...ROW, measure: '纳入失信' }, { asOf: '2026-05-06', stored: closed('终结执行'), rules: strict });
      assert.deepEqual(termed.status, { ...termed.status, phase: '生效中', nextNode: '删除', nextDue: '2028-03-03' });
      assert.ok(!termed.nodes.some((node) => node.id === 'release'));
      assert.deepEqual(messages(termed, 'revokedOn', 'warning'), [
        `案件（2026）豫0102执100号已于 2026-04-30 结案（终结执行）。该名单有期限（至 2028-02-29），依${DISHONEST}第十条第二款不因此删除，应于期限届满后3个工作日内删除；` +
          `被执行人积极履行的，可以决定提前删除（${DISHONEST}第二条）；未设期限的，请在「到期日」填「无」`,
      ]);
    });
  });

  it('takes terms, the renewal window, the closures and the deadlines from the rules configuration', () => {
    const rules = defaultRules();
    const measures = rules.ledgers.measures as {
      terms: Record<string, unknown>;
      renewalWarnDays: number;
      release: { byMeasure: Record<string, { closures: Array<{ mode: string; source: string }> }>; deadlines: Record<string, unknown> };
    };
    measures.terms.冻结银行存款 = { period: { kind: 'months', n: 6 }, renewable: true, source: '某规定' };
    measures.renewalWarnDays = 10;
    measures.release.byMeasure.限制消费.closures.push({ mode: '终结执行', source: '某院规定' });
    measures.release.deadlines.限制消费 = { period: { kind: 'workdays', n: 1 }, source: '某院规定' };
    assert.equal(evaluate({ ...ROW, measure: '冻结银行存款' }, { rules }).status.expiry, '2026-08-31');
    assert.equal(evaluate({ ...ROW, measure: '冻结银行存款' }, { asOf: '2026-08-20', rules }).status.phase, '生效中');
    assert.equal(evaluate({ ...ROW, measure: '冻结银行存款' }, { asOf: '2026-08-21', rules }).status.phase, '续行临期');
    const ended = register({ closedOn: '2026-04-30', closureMode: '终结执行' });
    const lifted = evaluate({ ...ROW, measure: '限制消费' }, { asOf: '2026-05-06', stored: ended, rules });
    assert.equal(lifted.status.nextDue, '2026-05-06');
    assert.equal(nodeOf(lifted, 'release').basis, '某院规定：案件终结执行后1个工作日内解除');
    // A deadline from another source is named beside the closure's article: 04-30 + 5 working days, the 调休 Saturday 05-09 the 4th.
    measures.release.deadlines.纳入失信 = { period: { kind: 'workdays', n: 5 }, source: '某院规定' };
    const listing = nodeOf(evaluate(UNTERMED, { asOf: '2026-05-06', stored: paid, rules }), 'release');
    assert.deepEqual(
      [listing.dueOn, listing.basis],
      ['2026-05-11', `${DISHONEST}第十条第一款第一项：案件执行完毕后5个工作日内解除（期限：某院规定）`],
    );
  });
});
