// The 执行期限 of a case: 非诉执行 3 months, approved extensions, and the periods not counted
// (扣除期间). Every date below is counted by hand on 2025–2026's calendar: 春节 2026-02-15…02-23
// with the 调休 Saturday 02-14; 国庆 2026-10-01…10-07 with the 调休 Sunday 09-20 and Saturday 10-10.

import assert from 'node:assert/strict';
import { BASE_CASE, evaluateCase, node } from '../../helpers/cases.ts';
import { defaultRules } from '../../../service/domain/rules.ts';
import type { CasesRules } from '../../../service/domain/ledgers/cases/rules.ts';
import type { RawValue } from '../../../service/domain/problem.ts';

const STATUTE = '《最高人民法院关于人民法院办理执行案件若干期限的规定》';
const NON_LITIGATION = { ...BASE_CASE, tags: '非诉执行' };

function messages(raw: Record<string, RawValue>, asOf: string, level: 'error' | 'warning') {
  return evaluateCase(raw, { asOf })
    .errors.filter((problem) => problem.level === level)
    .map((problem) => `${problem.column}:${problem.message}`);
}

describe('cases ledger: the 执行期限 (statutory term)', () => {
  describe('非诉执行 cases have 3 months (若干期限规定 第一条)', () => {
    it('filed 2026-07-01: 3 months end on 2026-10-01 (国庆) and roll to 2026-10-08', () => {
      const result = evaluateCase({ ...NON_LITIGATION, filedOn: '2026-07-01' }, { asOf: '2026-07-02' });
      assert.equal(result.status.statutoryDue, '2026-10-08');
      const close = node(result, 'close');
      assert.equal(close.steps, '立案日期 2026-07-01 起算 3 个月，届满日 2026-10-01 为法定休假日（国庆节），顺延至 2026-10-08');
      assert.equal(
        close.basis,
        `${STATUTE}第一条（非诉执行案件）；《最高人民法院关于严格执行案件审理期限制度的若干规定》第五条：立案之日起3个月内执结`,
      );
    });

    it('filed 2026-07-10: ends on the 调休 workday Saturday 2026-10-10 without rolling', () => {
      assert.equal(evaluateCase({ ...NON_LITIGATION, filedOn: '2026-07-10' }).status.statutoryDue, '2026-10-10');
    });

    it('filed 2025-11-20: ends in 春节 on 2026-02-20 and rolls to 2026-02-24; filed 2025-11-14: the 调休 Saturday 2026-02-14', () => {
      assert.equal(evaluateCase({ ...NON_LITIGATION, filedOn: '2025-11-20' }).status.statutoryDue, '2026-02-24');
      assert.equal(evaluateCase({ ...NON_LITIGATION, filedOn: '2025-11-14' }).status.statutoryDue, '2026-02-14');
    });

    it('an ordinary case keeps 6 months: filed 2026-04-04 ends on 2026-10-04 (国庆), rolled to 2026-10-08', () => {
      const result = evaluateCase({ ...BASE_CASE, filedOn: '2026-04-04' });
      assert.equal(result.status.statutoryDue, '2026-10-08');
      assert.match(node(result, 'close').basis, /第一条；民事诉讼法 \(2023\) 第二百三十七条：立案之日起6个月内执结$/);
    });

    it('takes the term of a tag from the rules configuration', () => {
      const rules = defaultRules();
      (rules.ledgers.cases as CasesRules).statutory.byTag[0].period = { kind: 'months', n: 2 };
      assert.equal(evaluateCase({ ...NON_LITIGATION, filedOn: '2026-03-02' }, { rules }).status.statutoryDue, '2026-05-06');
    });
  });

  describe('an approved extension (延长审批日期, 延长至)', () => {
    const approved = { ...BASE_CASE, extensionApprovedOn: '2026-08-20' };

    it('by months: filed 2026-03-02, due 2026-09-02, extended 3 months to 2026-12-02, and says so in the basis', () => {
      for (const months of ['3个月', 3, '三个月', '延长3个月']) {
        const result = evaluateCase({ ...approved, extendedTo: months }, { asOf: '2026-09-10' });
        assert.equal(result.status.statutoryDue, '2026-12-02', String(months));
        const close = node(result, 'close');
        assert.deepEqual([close.state, close.daysLeft], ['正常', 83]);
        assert.equal(close.steps, '立案日期 2026-03-02 起算 6 个月，届满日 2026-09-02；2026-08-20 经批准延长 3 个月，至 2026-12-02');
        assert.match(close.basis, /；2026-08-20 经批准延长 3 个月（《最高人民法院关于人民法院办理执行案件若干期限的规定》第一条第二款：/);
      }
    });

    it('to a date in 国庆: 延长至 2026-10-03 rolls to 2026-10-08', () => {
      const close = node(evaluateCase({ ...approved, extendedTo: '2026-10-03' }, { asOf: '2026-09-10' }), 'close');
      assert.equal(close.dueOn, '2026-10-08');
      assert.equal(
        close.steps,
        '立案日期 2026-03-02 起算 6 个月，届满日 2026-09-02；2026-08-20 经批准延长至 2026-10-03，该日为法定休假日（国庆节），顺延至 2026-10-08',
      );
      assert.match(close.basis, /；2026-08-20 经批准延长至 2026-10-03（/);
    });

    it('is an error when 延长至 is earlier than the original due date, and leaves the term as it was', () => {
      const raw = { ...approved, extendedTo: '2026-08-31' };
      assert.deepEqual(messages(raw, '2026-09-10', 'error'), [
        'extendedTo:延长至「2026-08-31」早于原法定期限 2026-09-02，延长后的期限不能早于原期限',
      ]);
      const close = node(evaluateCase(raw, { asOf: '2026-09-10' }), 'close');
      assert.deepEqual([close.dueOn, close.state], ['2026-09-02', '超期']);
    });

    it('warns and does not extend without 延长审批日期: an extension not approved does not count', () => {
      const raw = { ...BASE_CASE, extendedTo: '2026-12-01' };
      assert.deepEqual(messages(raw, '2026-09-10', 'warning'), [
        'extensionApprovedOn:已填延长至「2026-12-01」，但未填延长审批日期：未经批准的延长不计入法定期限',
      ]);
      assert.equal(evaluateCase(raw, { asOf: '2026-09-10' }).status.statutoryDue, '2026-09-02');
    });

    it('warns when the approval came after the original term had run out, and still extends', () => {
      const raw = { ...BASE_CASE, extensionApprovedOn: '2026-09-05', extendedTo: '2026-11-30' };
      assert.deepEqual(messages(raw, '2026-09-10', 'warning'), [
        'extensionApprovedOn:延长审批日期「2026-09-05」晚于原法定期限 2026-09-02：延长执行期限应当在期限届满前申请并批准',
      ]);
      assert.equal(evaluateCase(raw, { asOf: '2026-09-10' }).status.statutoryDue, '2026-11-30');
    });

    it('rejects a month count out of range in the cell itself', () => {
      assert.ok(
        messages({ ...approved, extendedTo: '30个月' }, '2026-09-10', 'error').includes(
          'extendedTo:延长至「30个月」的月数应为 1 至 24 个月',
        ),
      );
    });

    it('a case closed within the extended term is 已完成', () => {
      const closed = { ...approved, extendedTo: 3, closedOn: '2026-11-30', closureMode: '执行完毕' };
      const result = evaluateCase(closed, { asOf: '2026-12-10' });
      assert.equal(node(result, 'close').state, '已完成');
      assert.equal(result.status.phase, '已结案');
    });
  });

  describe('扣除期间: periods not counted toward the term', () => {
    it('deducts each period, both ends counted: 20 + 9 days move 2026-09-02 to 2026-10-01 (国庆), rolled to 2026-10-08', () => {
      const raw = { ...BASE_CASE, deductions: '中止执行 2026-04-01至2026-04-20；公告 2026-05-02至05-10' };
      const result = evaluateCase(raw, { asOf: '2026-06-01' });
      assert.equal(result.status.statutoryDue, '2026-10-08');
      assert.equal(result.status.phase, '在办');
      const close = node(result, 'close');
      assert.equal(
        close.steps,
        '立案日期 2026-03-02 起算 6 个月，届满日 2026-09-02；扣除中止执行 20 日（2026-04-01至2026-04-20），至 2026-09-22；' +
          '扣除公告送达 9 日（2026-05-02至2026-05-10），至 2026-10-01，该日为法定休假日（国庆节），顺延至 2026-10-08',
      );
      assert.match(
        close.basis,
        /；扣除不计入执行期限的期间（《最高人民法院关于人民法院办理执行案件若干期限的规定》\(法发〔2006〕35号\) 第十二条/,
      );
    });

    it('pushes a term into 春节: filed 2025-08-01, ends Sunday 2026-02-01; 中止 14 days → 2026-02-15 (春节) → 2026-02-24', () => {
      const raw = { ...BASE_CASE, filedOn: '2025-08-01', deductions: '中止 2025-09-01至2025-09-14' };
      const close = node(evaluateCase(raw, { asOf: '2025-10-01' }), 'close');
      assert.equal(close.dueOn, '2026-02-24');
      assert.equal(
        close.steps,
        '立案日期 2025-08-01 起算 6 个月，届满日 2026-02-01；扣除中止执行 14 日（2025-09-01至2025-09-14），至 2026-02-15，该日为法定休假日（春节），顺延至 2026-02-24',
      );
    });

    it('a case inside a running 中止 shows 中止 and is not overdue: its days so far are deducted, to 2026-09-20 (调休 Sunday)', () => {
      const raw = { ...BASE_CASE, deductions: '中止执行 2026-08-25至' };
      const result = evaluateCase(raw, { asOf: '2026-09-10' });
      assert.equal(result.status.phase, '中止');
      const close = node(result, 'close');
      assert.deepEqual([close.dueOn, close.state, close.daysLeft], ['2026-09-20', '正常', 10]);
      assert.equal(
        close.steps,
        '立案日期 2026-03-02 起算 6 个月，届满日 2026-09-02；扣除中止执行 17 日（2026-08-25起尚未结束，计至 2026-09-10），至 2026-09-19，该日为星期六（休息日），顺延至 2026-09-20',
      );
      // Without the period the same day is 8 days past the term.
      assert.equal(node(evaluateCase(BASE_CASE, { asOf: '2026-09-10' }), 'close').state, '超期');
    });

    it('keeps the days left while the period runs: as of 2026-09-28 the term ends 2026-10-08 (国庆 rolled)', () => {
      const close = node(evaluateCase({ ...BASE_CASE, deductions: '中止执行 2026-08-25至' }, { asOf: '2026-09-28' }), 'close');
      // 08-25 … 09-28 is 35 days: 09-02 + 35 = 10-07 (国庆), rolled to 10-08.
      assert.deepEqual([close.dueOn, close.state], ['2026-10-08', '正常']);
    });

    it('a period ending after the day evaluated is still running: 暂缓执行 2026-08-01至2026-08-31 as of 08-15 shows 暂缓', () => {
      const result = evaluateCase({ ...BASE_CASE, deductions: '暂缓执行 2026-08-01至2026-08-31' }, { asOf: '2026-08-15' });
      assert.equal(result.status.phase, '暂缓');
      // 08-01 … 08-15 is 15 days: 09-02 + 15 = 09-17, a Thursday.
      assert.equal(result.status.statutoryDue, '2026-09-17');
      assert.equal(
        evaluateCase({ ...BASE_CASE, deductions: '暂缓执行 2026-08-01至2026-08-31' }, { asOf: '2026-09-01' }).status.phase,
        '在办',
      );
    });

    it('saves nothing for a period that began after the term had run out: still 超期, phase 中止', () => {
      const result = evaluateCase({ ...BASE_CASE, deductions: '中止执行 2026-09-10至' }, { asOf: '2026-09-20' });
      assert.equal(result.status.phase, '中止');
      const close = node(result, 'close');
      assert.deepEqual([close.dueOn, close.state], ['2026-09-02', '超期']);
      assert.match(close.steps, /；中止执行自 2026-09-10 起，已在期限届满之后，不予扣除/);
    });

    it('says so when the deducted days push the term into 2027, a year without holiday data: weekends only, and a warning', () => {
      // Filed 2026-06-01, 6 months end 2026-12-01; 中止 31 days (07-01 … 07-31) → 2027-01-01, a Friday.
      const result = evaluateCase(
        { ...BASE_CASE, filedOn: '2026-06-01', deductions: '中止执行 2026-07-01至2026-07-31' },
        { asOf: '2026-08-01' },
      );
      assert.equal(result.status.statutoryDue, '2027-01-01');
      assert.match(node(result, 'close').steps, /至 2027-01-01，按周末推算（2027年无节假日数据）$/);
      // Received, notified, transferred and triaged: 结案 is the case's current node.
      const UNDER_WAY = { receptionOn: '2026-06-01', noticeIssuedOn: '2026-06-02', transferredOn: '2026-06-03', triagedOn: '2026-06-03' };
      const gapNoted = (asOf: string) =>
        evaluateCase(
          { ...BASE_CASE, ...UNDER_WAY, filedOn: '2026-06-01', deductions: '中止执行 2026-07-01至2026-07-31' },
          { asOf },
        ).errors.some((problem) => problem.level === 'warning' && problem.message.includes('2027年无节假日数据'));
      assert.equal(gapNoted('2026-08-01'), false, 'five months ahead: the steps say it, the remarks do not');
      assert.equal(gapNoted('2026-11-15'), true, 'within 60 days of the term: the remarks say it too');
    });

    it("extends the team's deadline the same way: 速执 7 days from 2026-03-10, 中止 5 days → 2026-03-22 (Sunday) → 2026-03-23", () => {
      const raw = { ...BASE_CASE, propertyResult: '足额', triagedOn: '2026-03-10', deductions: '中止执行 2026-03-12至2026-03-16' };
      const result = evaluateCase(raw, { asOf: '2026-03-20' });
      assert.equal(result.status.closeDue, '2026-03-23');
      assert.equal(
        node(result, 'close').steps,
        '分流日期 2026-03-10 起算 7 日，届满日 2026-03-17；扣除中止执行 5 日（2026-03-12至2026-03-16），至 2026-03-22，该日为星期日（休息日），顺延至 2026-03-23',
      );
      const rules = defaultRules();
      (rules.ledgers.cases as CasesRules).deductions.teamDeadline = false;
      assert.equal(evaluateCase(raw, { asOf: '2026-03-20', rules }).status.closeDue, '2026-03-17');
    });

    it('adds the days after the start of a team deadline only: a 公告送达 before triage does not move it', () => {
      const raw = { ...BASE_CASE, propertyResult: '足额', triagedOn: '2026-03-10', deductions: '公告送达 2026-03-03至2026-03-09' };
      const result = evaluateCase(raw, { asOf: '2026-03-12' });
      assert.equal(result.status.closeDue, '2026-03-17');
      assert.equal(result.status.statutoryDue, '2026-09-09');
    });

    describe('tells the clerk, in Chinese, what is wrong, and deducts nothing until it is fixed', () => {
      const wrong = (deductions: string) => messages({ ...BASE_CASE, deductions }, '2026-06-01', 'error');
      const suffix = '（本列有误，暂不扣除）';
      const kinds = '公告送达、暂缓执行、中止执行、请示上级法院、协调执行争议';

      it('a bad date', () => {
        assert.deepEqual(wrong('中止执行 2026-02-30至2026-03-10'), [
          'deductions:扣除期间「中止执行 2026-02-30至2026-03-10」的开始日期「2026-02-30」不是有效日期，' +
            `请按「中止执行 2026-03-01至2026-03-20」填写，尚未结束的写「中止执行 2026-03-01至」，多项以「；」分隔${suffix}`,
        ]);
      });

      it('an end before the start', () => {
        assert.deepEqual(wrong('中止 2026-04-25至04-10'), [
          `deductions:扣除期间「中止 2026-04-25至04-10」的结束日期 2026-04-10 早于开始日期 2026-04-25${suffix}`,
        ]);
      });

      it('an unknown kind, and a missing one', () => {
        assert.deepEqual(wrong('停止执行 2026-04-01至2026-04-20；2026-05-01至05-02'), [
          `deductions:扣除期间「停止执行 2026-04-01至2026-04-20」的类型「停止执行」不是不计入执行期限的期间，应为 ${kinds} 之一${suffix}`,
          `deductions:扣除期间「2026-05-01至05-02」未写明期间类型，应为 ${kinds} 之一${suffix}`,
        ]);
      });

      it('overlapping periods, and two still running', () => {
        assert.deepEqual(wrong('中止执行 2026-04-01至2026-04-20，公告送达 2026-04-20至04-25'), [
          `deductions:扣除期间「中止执行 2026-04-01至2026-04-20」与「公告送达 2026-04-20至04-25」的期间重叠，同一日只能扣除一次${suffix}`,
        ]);
        assert.equal(wrong('中止执行 2026-04-01至；暂缓执行 2026-05-01至').length, 1);
      });

      it('a period with no end written, and one before the filing', () => {
        assert.deepEqual(wrong('中止执行 2026-04-01'), [
          `deductions:扣除期间「中止执行 2026-04-01」未写明结束日期：尚未结束的写「中止执行 2026-04-01至」${suffix}`,
        ]);
        assert.deepEqual(wrong('中止执行 2026-03-01至2026-03-20'), [
          `deductions:扣除期间「中止执行 2026-03-01至2026-03-20」开始于立案日期 2026-03-02 之前${suffix}`,
        ]);
      });

      it('while wrong, the term is not moved', () => {
        assert.equal(evaluateCase({ ...BASE_CASE, deductions: '中止 2026-04-25至04-10' }).status.statutoryDue, '2026-09-02');
      });
    });

    it('reads full-width punctuation, Chinese dates and 到 as a clerk types them', () => {
      const result = evaluateCase(
        { ...BASE_CASE, deductions: '中止执行　2026年4月1日到4月20日；请示 2026.05.02～2026.05.10' },
        { asOf: '2026-06-01' },
      );
      assert.equal(result.errors.length, 0, JSON.stringify(result.errors));
      assert.equal(result.status.statutoryDue, '2026-10-08');
    });
  });
});
