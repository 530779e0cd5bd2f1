import assert from 'node:assert/strict';
import { lastDueWeek, parseWeek, weekAfter, weekBefore, weekOf, weeksInYear } from '../../../service/domain/report/week.ts';

const span = (week: { id: string; from: string; to: string }) => [week.id, week.from, week.to];

describe('ISO weeks', () => {
  it('runs Monday to Sunday', () => {
    assert.deepEqual(span(weekOf('2026-11-23')), ['2026-W48', '2026-11-23', '2026-11-29']);
    assert.deepEqual(span(weekOf('2026-11-29')), ['2026-W48', '2026-11-23', '2026-11-29']);
    assert.deepEqual(span(weekOf('2026-11-30')), ['2026-W49', '2026-11-30', '2026-12-06']);
  });

  it('starts week 1 in the week of the first Thursday, even in December', () => {
    assert.deepEqual(span(weekOf('2025-12-29')), ['2026-W01', '2025-12-29', '2026-01-04']);
    assert.deepEqual(span(weekOf('2026-01-04')), ['2026-W01', '2025-12-29', '2026-01-04']);
    assert.deepEqual(span(weekOf('2021-01-03')), ['2020-W53', '2020-12-28', '2021-01-03']);
  });

  it('gives 2026 (starting on a Thursday) 53 weeks, ending in 2027', () => {
    assert.equal(weeksInYear(2026), 53);
    assert.equal(weeksInYear(2025), 52);
    assert.deepEqual(span(weekOf('2027-01-03')), ['2026-W53', '2026-12-28', '2027-01-03']);
    assert.deepEqual(span(weekAfter(weekOf('2026-12-28'))), ['2027-W01', '2027-01-04', '2027-01-10']);
    assert.deepEqual(span(weekBefore(weekOf('2026-01-01'))), ['2025-W52', '2025-12-22', '2025-12-28']);
  });

  it('reads a week id, and says in Chinese what is wrong with a bad one', () => {
    const parsed = parseWeek('2026-W53');
    assert.ok(parsed.ok);
    assert.deepEqual(span(parsed.week), ['2026-W53', '2026-12-28', '2027-01-03']);
    const reasons = ['2025-W53', '2026-W00', '2026-W54', '2026W48', '2026-w48', '2026-W4', '1899-W01'].map((text) => {
      const result = parseWeek(text);
      return result.ok ? 'ok' : result.reason;
    });
    assert.deepEqual(reasons, [
      '2025 年的 ISO 周为第 01 至第 52 周',
      '2026 年的 ISO 周为第 01 至第 53 周',
      '2026 年的 ISO 周为第 01 至第 53 周',
      '应为 YYYY-Www 形式的 ISO 周，例如 2026-W48',
      '应为 YYYY-Www 形式的 ISO 周，例如 2026-W48',
      '应为 YYYY-Www 形式的 ISO 周，例如 2026-W48',
      '年份应在 1900 至 9998 之间',
    ]);
  });

  it('knows which report is due: Monday 08:30 makes the week before', () => {
    const at = 8 * 60 + 30;
    assert.equal(lastDueWeek('2026-11-29', 23 * 60 + 59, at).id, '2026-W47', 'Sunday 23:59: W48 is not over');
    assert.equal(lastDueWeek('2026-11-30', 0, at).id, '2026-W47', 'Monday 00:00: W48 is over, its report not yet due');
    assert.equal(lastDueWeek('2026-11-30', at - 1, at).id, '2026-W47');
    assert.equal(lastDueWeek('2026-11-30', at, at).id, '2026-W48');
    assert.equal(lastDueWeek('2026-12-03', 0, at).id, '2026-W48');
    assert.equal(lastDueWeek('2027-01-04', at, at).id, '2026-W53');
    assert.equal(lastDueWeek('2026-01-05', at, at).id, '2026-W01');
  });
});
