import assert from 'node:assert/strict';
import { packageHolidayData } from '../../service/calendar-source.ts';
import { Calendar } from '../../service/domain/calendar.ts';
import { countPeriod, describePeriod, lengthenPeriod } from '../../service/domain/periods.ts';

const NO_2027 = '2027年无节假日数据，期限暂按周末推算，请管理员在系统管理的节假日设置中补录该年安排';

describe('countPeriod', () => {
  const calendar = new Calendar(packageHolidayData());
  const filed = (date: string) => ({ date, label: '立案日' });

  describe('days', () => {
    it('rolls a due date on National Day to the first working day after it', () => {
      assert.deepEqual(countPeriod(calendar, filed('2026-09-24'), { kind: 'days', n: 10 }), {
        dueOn: '2026-10-08',
        steps: '立案日 2026-09-24 起算 10 日，届满日 2026-10-04 为法定休假日（国庆节），顺延至 2026-10-08',
        warnings: [],
      });
    });

    it('keeps a due date on a working day', () => {
      assert.deepEqual(countPeriod(calendar, filed('2026-03-02'), { kind: 'days', n: 10 }), {
        dueOn: '2026-03-12',
        steps: '立案日 2026-03-02 起算 10 日，届满日 2026-03-12',
        warnings: [],
      });
    });

    it('keeps a due date on a make-up workday (调休上班)', () => {
      const due = countPeriod(calendar, filed('2026-09-10'), { kind: 'days', n: 10 });
      assert.equal(due.dueOn, '2026-09-20');
      assert.equal(due.steps, '立案日 2026-09-10 起算 10 日，届满日 2026-09-20');
    });

    it('rolls a weekend due date to Monday', () => {
      const due = countPeriod(calendar, filed('2026-09-03'), { kind: 'days', n: 10 });
      assert.equal(due.dueOn, '2026-09-14');
      assert.equal(due.steps, '立案日 2026-09-03 起算 10 日，届满日 2026-09-13 为星期日（休息日），顺延至 2026-09-14');
    });

    it('does not roll when the rule opts out', () => {
      const due = countPeriod(calendar, filed('2026-09-24'), { kind: 'days', n: 10 }, { roll: false });
      assert.deepEqual(due, { dueOn: '2026-10-04', steps: '立案日 2026-09-24 起算 10 日，届满日 2026-10-04', warnings: [] });
    });

    it('rejects a period length that is not a positive integer', () => {
      assert.throws(() => countPeriod(calendar, filed('2026-09-24'), { kind: 'days', n: 0 }), RangeError);
      assert.throws(() => countPeriod(calendar, filed('2026-09-24'), { kind: 'months', n: 1.5 }), RangeError);
    });
  });

  describe('当日', () => {
    it('is due on the anchor day and never rolls, even on a holiday', () => {
      assert.deepEqual(countPeriod(calendar, { date: '2026-10-01', label: '流转日期' }, { kind: 'sameDay' }), {
        dueOn: '2026-10-01',
        steps: '流转日期 2026-10-01 当日',
        warnings: [],
      });
    });
  });

  describe('working days', () => {
    it('skips the Spring Festival and counts its make-up workday', () => {
      const due = countPeriod(calendar, filed('2026-02-13'), { kind: 'workdays', n: 3 });
      assert.equal(due.dueOn, '2026-02-25');
      assert.equal(due.steps, '立案日 2026-02-13 起算 3 个工作日，第 3 个工作日为 2026-02-25');
      assert.deepEqual(due.warnings, []);
    });

    it('skips National Day and counts the make-up Saturday after it', () => {
      assert.equal(countPeriod(calendar, filed('2026-09-30'), { kind: 'workdays', n: 3 }).dueOn, '2026-10-10');
    });

    it('warns when the counted working days reach a year without data', () => {
      const due = countPeriod(calendar, filed('2026-12-30'), { kind: 'workdays', n: 3 });
      assert.equal(due.dueOn, '2027-01-04');
      assert.deepEqual(due.warnings, [NO_2027]);
    });

    it('warns about a year without data among the counted days, not only the due date', () => {
      const due = countPeriod(calendar, filed('2003-12-30'), { kind: 'workdays', n: 3 });
      assert.equal(due.dueOn, '2004-01-05');
      assert.deepEqual(due.warnings, ['2003年无节假日数据，期限暂按周末推算，请管理员在系统管理的节假日设置中补录该年安排']);
    });

    it('refuses an inclusive working-day term', () => {
      assert.throws(() => countPeriod(calendar, filed('2026-09-30'), { kind: 'workdays', n: 3 }, { inclusive: true }), RangeError);
    });
  });

  describe('months and years', () => {
    it('rolls a six-month period ending on a Sunday to Monday', () => {
      const due = countPeriod(calendar, filed('2026-03-13'), { kind: 'months', n: 6 });
      assert.equal(due.dueOn, '2026-09-14');
      assert.equal(due.steps, '立案日 2026-03-13 起算 6 个月，届满日 2026-09-13 为星期日（休息日），顺延至 2026-09-14');
    });

    it('ends on the last day of a month without the corresponding day', () => {
      assert.deepEqual(countPeriod(calendar, filed('2026-03-31'), { kind: 'months', n: 6 }), {
        dueOn: '2026-09-30',
        steps: '立案日 2026-03-31 起算 6 个月，2026-09 无对应日，以该月末日 2026-09-30 为届满日',
        warnings: [],
      });
    });

    it('rolls a month-end due date on a Sunday in a year without data, and warns', () => {
      assert.deepEqual(countPeriod(calendar, filed('2026-08-31'), { kind: 'months', n: 6 }), {
        dueOn: '2027-03-01',
        steps:
          '立案日 2026-08-31 起算 6 个月，2027-02 无对应日，以该月末日 2027-02-28 为届满日，该日为星期日（休息日），' +
          '顺延至 2027-03-01，按周末推算（2027年无节假日数据）',
        warnings: [NO_2027],
      });
    });

    it('warns without rolling when the due date is a weekday in a year without data', () => {
      const due = countPeriod(calendar, filed('2026-09-15'), { kind: 'months', n: 6 });
      assert.equal(due.dueOn, '2027-03-15');
      assert.deepEqual(due.warnings, [NO_2027]);
    });

    it('warns once for each year without data that the rolling touches', () => {
      const due = countPeriod(calendar, filed('2026-12-30'), { kind: 'years', n: 2 });
      assert.equal(due.dueOn, '2029-01-01');
      assert.match(due.steps, /顺延至 2029-01-01，按周末推算（2028年、2029年无节假日数据）$/);
      assert.deepEqual(due.warnings, [
        '2028年无节假日数据，期限暂按周末推算，请管理员在系统管理的节假日设置中补录该年安排',
        '2029年无节假日数据，期限暂按周末推算，请管理员在系统管理的节假日设置中补录该年安排',
      ]);
    });

    it('does not warn about the anchor year, which the counting never looks up', () => {
      const due = countPeriod(calendar, filed('2003-12-31'), { kind: 'days', n: 10 });
      assert.equal(due.dueOn, '2004-01-12');
      assert.deepEqual(due.warnings, []);
    });

    it('counts years to the corresponding day and rolls', () => {
      const due = countPeriod(calendar, filed('2024-03-15'), { kind: 'years', n: 2 });
      assert.equal(due.dueOn, '2026-03-16');
      assert.equal(due.steps, '立案日 2024-03-15 起算 2 年，届满日 2026-03-15 为星期日（休息日），顺延至 2026-03-16');
    });

    it('ends a year counted from 29 February on 28 February', () => {
      const due = countPeriod(calendar, filed('2028-02-29'), { kind: 'years', n: 1 });
      assert.equal(due.dueOn, '2029-02-28');
      assert.equal(
        due.steps,
        '立案日 2028-02-29 起算 1 年，2029-02 无对应日，以该月末日 2029-02-28 为届满日，按周末推算（2029年无节假日数据）',
      );
      assert.deepEqual(due.warnings, ['2029年无节假日数据，期限暂按周末推算，请管理员在系统管理的节假日设置中补录该年安排']);
    });
  });

  describe('inclusive terms', () => {
    const effective = (date: string) => ({ date, label: '生效日期' });

    it('ends a one-year term the day before the anniversary, without rolling or warning', () => {
      assert.deepEqual(countPeriod(calendar, effective('2026-03-01'), { kind: 'years', n: 1 }, { inclusive: true }), {
        dueOn: '2027-02-28',
        steps: '生效日期 2026-03-01 起算 1 年（含首日），至 2027-02-28 届满',
        warnings: [],
      });
    });

    it('ends a two-year term the day before the anniversary', () => {
      const due = countPeriod(calendar, effective('2026-01-15'), { kind: 'years', n: 2 }, { inclusive: true });
      assert.equal(due.dueOn, '2028-01-14');
    });

    it('does not roll a term ending on a holiday', () => {
      const due = countPeriod(calendar, effective('2025-10-05'), { kind: 'years', n: 1 }, { inclusive: true });
      assert.equal(due.dueOn, '2026-10-04');
    });

    it('ends on the month-end when the due month has no corresponding day', () => {
      assert.deepEqual(countPeriod(calendar, effective('2028-02-29'), { kind: 'years', n: 1 }, { inclusive: true }), {
        dueOn: '2029-02-28',
        steps: '生效日期 2028-02-29 起算 1 年（含首日），2029-02 无对应日，至该月末日 2029-02-28 届满',
        warnings: [],
      });
      assert.equal(countPeriod(calendar, effective('2026-03-31'), { kind: 'months', n: 1 }, { inclusive: true }).dueOn, '2026-04-30');
    });

    it('ends a month counted from the 1st on the last day of that month', () => {
      assert.equal(countPeriod(calendar, effective('2026-03-01'), { kind: 'months', n: 1 }, { inclusive: true }).dueOn, '2026-03-31');
    });

    it('counts days including the first', () => {
      const due = countPeriod(calendar, effective('2026-09-24'), { kind: 'days', n: 10 }, { inclusive: true });
      assert.deepEqual(due, { dueOn: '2026-10-03', steps: '生效日期 2026-09-24 起算 10 日（含首日），至 2026-10-03 届满', warnings: [] });
    });
  });
});

describe('lengthenPeriod', () => {
  const calendar = new Calendar(packageHolidayData());
  const received = { date: '2026-08-20', label: '到账日' };
  const unrolled = countPeriod(calendar, received, { kind: 'days', n: 30 }, { roll: false });

  it('moves the last day on by the days not counted, then rolls it past 国庆', () => {
    // 08-20 + 30 = 09-19; + 12 = 10-01, 国庆, so 10-08.
    assert.deepEqual(lengthenPeriod(calendar, unrolled, 12, '暂缓 12 日，不计入'), {
      dueOn: '2026-10-08',
      steps:
        '到账日 2026-08-20 起算 30 日，届满日 2026-09-19；暂缓 12 日，不计入，届满日延至 2026-10-01 为法定休假日（国庆节），顺延至 2026-10-08',
      warnings: [],
    });
  });

  it('keeps a last day moved onto a make-up workday, and does not roll when told not to', () => {
    assert.equal(lengthenPeriod(calendar, unrolled, 1, '暂缓 1 日').dueOn, '2026-09-20');
    assert.equal(lengthenPeriod(calendar, unrolled, 12, '暂缓 12 日', { roll: false }).dueOn, '2026-10-01');
  });

  it('warns when the moved day is in a year without holiday data', () => {
    const december = countPeriod(calendar, received, { kind: 'months', n: 4 }, { roll: false });
    assert.deepEqual(lengthenPeriod(calendar, december, 20, '暂缓 20 日').warnings, [NO_2027]);
  });
});

describe('describePeriod', () => {
  it('names each kind of period', () => {
    assert.equal(describePeriod({ kind: 'sameDay' }), '当日');
    assert.equal(describePeriod({ kind: 'days', n: 10 }), '10日');
    assert.equal(describePeriod({ kind: 'workdays', n: 3 }), '3个工作日');
    assert.equal(describePeriod({ kind: 'months', n: 6 }), '6个月');
    assert.equal(describePeriod({ kind: 'years', n: 2 }), '2年');
  });
});
