// Counting statutory periods. 民事诉讼法 第八十五条: the start day is not counted, and a period whose
// last day is a rest day ends on the first working day after it. 民法典 第二百零二条: months and
// years end on the corresponding day of the due month, or on its last day when it has none.

import { addDays, addMonths, yearOf, type CivilDate } from './civil-date.ts';
import type { Calendar } from './calendar.ts';

export type Period =
  | { kind: 'sameDay' }
  | { kind: 'days'; n: number }
  | { kind: 'workdays'; n: number }
  | { kind: 'months'; n: number }
  | { kind: 'years'; n: number };

export interface DueDate {
  dueOn: CivilDate;
  /** The counting in words, for the clerk who asks why. */
  steps: string;
  warnings: string[];
}

/** A due date with the rule it rests on (来源：锚点起N日内), as a node shows it to the clerk. */
export interface BasedDue extends DueDate {
  basis: string;
}

export interface CountOptions {
  /** Roll a due date that falls on a rest day forward to the next working day (default true). */
  roll?: boolean;
  /** An expiry term that counts its first day (e.g. a freeze): ends the day before the corresponding date, never rolls. */
  inclusive?: boolean;
}

type CountedPeriod = Exclude<Period, { kind: 'sameDay' }>;
type CalendarPeriod = Exclude<CountedPeriod, { kind: 'workdays' }>;

const UNITS: Record<CountedPeriod['kind'], string> = { days: '日', workdays: '个工作日', months: '个月', years: '年' };

export function describePeriod(period: Period): string {
  return period.kind === 'sameDay' ? '当日' : `${period.n}${UNITS[period.kind]}`;
}

/**
 * Counted periods by calendar, since thousands of rows share the same anchors and periods. The
 * results are frozen: a caller copies one to add to it. Looked up through maps keyed by the parts
 * themselves (period and options as one number, then the anchor's label and date), not by one
 * string made per call: a weekly report asks about a million times.
 */
const counted = new WeakMap<Calendar, Map<number, Map<string, Map<CivilDate, DueDate>>>>();

const KINDS: Array<Period['kind']> = ['sameDay', 'days', 'workdays', 'months', 'years'];

/** The period and options as one number: its length, its kind and the two options. */
function periodCode(period: Period, options: CountOptions): number {
  const times = 'n' in period ? period.n : 0;
  return ((times * KINDS.length + KINDS.indexOf(period.kind)) * 2 + Number(options.roll !== false)) * 2 + Number(!!options.inclusive);
}

/**
 * A due date with its basis. A shared count (one countPeriod answered, frozen) gets one, frozen and
 * shared too, per basis: most of 100,000 cases have neither deductions nor an extension.
 */
export function withBasis(due: DueDate, basis: string): BasedDue {
  if (!Object.isFrozen(due)) return { ...due, basis };
  let byBasis = based.get(due);
  if (!byBasis) based.set(due, (byBasis = new Map()));
  let found = byBasis.get(basis);
  if (!found) byBasis.set(basis, (found = Object.freeze({ ...due, basis })));
  return found;
}

const based = new WeakMap<DueDate, Map<string, BasedDue>>();

export function countPeriod(
  calendar: Calendar,
  anchor: { date: CivilDate; label: string },
  period: Period,
  options: CountOptions = {},
): DueDate {
  return countsOf(calendar, anchor.label, period, options)(anchor.date);
}

/**
 * countPeriod for one calendar, anchor label, period and options, as a function of the anchor's
 * date: a caller that counts the same period for every row (a node of a ledger) keeps it and is
 * left one lookup per row.
 */
export function countsOf(calendar: Calendar, label: string, period: Period, options: CountOptions = {}): (date: CivilDate) => DueDate {
  let byPeriod = counted.get(calendar);
  if (!byPeriod) counted.set(calendar, (byPeriod = new Map()));
  const code = periodCode(period, options);
  let byLabel = byPeriod.get(code);
  if (!byLabel) byPeriod.set(code, (byLabel = new Map()));
  let byDate = byLabel.get(label);
  if (!byDate) byLabel.set(label, (byDate = new Map()));
  const dues = byDate;
  return (date) => {
    let due = dues.get(date);
    if (!due) {
      due = Object.freeze(count(calendar, { date, label }, period, options));
      Object.freeze(due.warnings);
      dues.set(date, due);
    }
    return due;
  };
}

function count(calendar: Calendar, anchor: { date: CivilDate; label: string }, period: Period, options: CountOptions): DueDate {
  const start = `${anchor.label} ${anchor.date}`;
  if (period.kind === 'sameDay') return { dueOn: anchor.date, steps: `${start} 当日`, warnings: [] };
  if (!Number.isInteger(period.n) || period.n < 1) {
    throw new RangeError(`period length must be a positive integer, got ${period.n}`);
  }
  const counted = `${start} 起算 ${period.n} ${UNITS[period.kind]}`;
  if (period.kind === 'workdays') {
    if (options.inclusive) throw new RangeError('inclusive terms count days, months or years, not working days');
    let dueOn = anchor.date;
    for (let i = 0; i < period.n; i++) dueOn = calendar.nextWorkingDay(dueOn);
    return withDataWarnings(calendar, addDays(anchor.date, 1), dueOn, `${counted}，第 ${period.n} 个工作日为 ${dueOn}`);
  }
  if (options.inclusive) return countInclusive(anchor.date, period, `${counted}（含首日）`);

  const { date: last, clamped } =
    period.kind === 'days' ? { date: addDays(anchor.date, period.n), clamped: false } : addMonths(anchor.date, months(period));
  const lastDay = clamped ? `${last.slice(0, 7)} 无对应日，以该月末日 ${last} 为届满日` : `届满日 ${last}`;
  const steps = `${counted}，${lastDay}`;
  if (options.roll === false) return { dueOn: last, steps, warnings: [] };
  return rollOffRestDay(calendar, last, steps, clamped ? '，该日为' : ' 为');
}

/**
 * A period counted without the roll, lengthened by days that did not count (a lawful hold, in
 * words in `why`): its last day moves on by them, then rolls past a rest day as the period does.
 */
export function lengthenPeriod(calendar: Calendar, unrolled: DueDate, days: number, why: string, options: CountOptions = {}): DueDate {
  const last = addDays(unrolled.dueOn, days);
  const steps = `${unrolled.steps}；${why}，届满日延至 ${last}`;
  if (options.roll === false) return { dueOn: last, steps, warnings: [] };
  return rollOffRestDay(calendar, last, steps);
}

/**
 * The end of a period whose last day is `last` (counted, then perhaps moved by an extension or by
 * deducted days): a rest day moves it to the next working day (民事诉讼法 第八十五条). `joiner`
 * leads from the steps so far to the words naming the rest day.
 */
export function rollOffRestDay(calendar: Calendar, last: CivilDate, steps: string, joiner = ' 为'): DueDate {
  const reason = calendar.restDayReason(last);
  if (reason === null) return withDataWarnings(calendar, last, last, steps);
  const dueOn = calendar.nextWorkingDay(last);
  // A weekend's reason is the bare weekday name; a holiday's already says 法定休假日.
  const rest = reason.startsWith('法定休假日') ? reason : `${reason}（休息日）`;
  return withDataWarnings(calendar, last, dueOn, `${steps}${joiner}${rest}，顺延至 ${dueOn}`);
}

function months(period: CalendarPeriod): number {
  return period.kind === 'years' ? 12 * period.n : period.n;
}

/**
 * A term counted from its first day ends the day before the corresponding date; when the due
 * month has no corresponding day, it ends on that month's last day (民法典 第二百零二条).
 */
function countInclusive(anchor: CivilDate, period: CalendarPeriod, counted: string): DueDate {
  if (period.kind === 'days') {
    const dueOn = addDays(anchor, period.n - 1);
    return { dueOn, steps: `${counted}，至 ${dueOn} 届满`, warnings: [] };
  }
  const { date, clamped } = addMonths(anchor, months(period));
  if (clamped) return { dueOn: date, steps: `${counted}，${date.slice(0, 7)} 无对应日，至该月末日 ${date} 届满`, warnings: [] };
  const dueOn = addDays(date, -1);
  return { dueOn, steps: `${counted}，至 ${dueOn} 届满`, warnings: [] };
}

/** Warn about every year between the first date the calendar was asked about and the due date that it has no data for. */
function withDataWarnings(calendar: Calendar, firstExamined: CivilDate, dueOn: CivilDate, steps: string): DueDate {
  const missing: number[] = [];
  for (let year = yearOf(firstExamined); year <= yearOf(dueOn); year++) {
    if (!calendar.hasDataFor(year)) missing.push(year);
  }
  if (missing.length === 0) return { dueOn, steps, warnings: [] };
  return {
    dueOn,
    steps: `${steps}，按周末推算（${missing.map((year) => `${year}年`).join('、')}无节假日数据）`,
    warnings: missing.map((year) => `${year}年无节假日数据，期限暂按周末推算，请管理员在系统管理的节假日设置中补录该年安排`),
  };
}
