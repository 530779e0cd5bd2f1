// ISO weeks (Monday to Sunday), as the weekly report names them: 2026-W48. Week 1 is the week
// holding the year's first Thursday, so it may start in December and a year may have 53 weeks.

import { addDays, formatYmd, toDayNumber, weekday, yearOf, type CivilDate } from '../civil-date.ts';

export interface IsoWeek {
  /** '2026-W48' */
  id: string;
  year: number;
  week: number;
  /** Monday. */
  from: CivilDate;
  /** Sunday. */
  to: CivilDate;
}

const WEEK_ID = /^(\d{4})-W(\d{2})$/;
/** Years a week may be asked for: the ledgers' dates are civil dates of four-digit years. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9998;

/** 1 = Monday … 7 = Sunday. */
function isoWeekday(date: CivilDate): number {
  return weekday(date) || 7;
}

function mondayOfWeekOne(year: number): CivilDate {
  const jan4 = formatYmd(year, 1, 4);
  return addDays(jan4, 1 - isoWeekday(jan4));
}

function weekStarting(year: number, week: number): IsoWeek {
  const from = addDays(mondayOfWeekOne(year), 7 * (week - 1));
  return { id: `${year}-W${String(week).padStart(2, '0')}`, year, week, from, to: addDays(from, 6) };
}

/** The ISO week a date falls in. */
export function weekOf(date: CivilDate): IsoWeek {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = yearOf(thursday);
  const week = Math.floor((toDayNumber(thursday) - toDayNumber(formatYmd(year, 1, 1))) / 7) + 1;
  return weekStarting(year, week);
}

export function weeksInYear(year: number): number {
  return weekOf(formatYmd(year, 12, 28)).week;
}

/** A week id as typed, or why it is not one (in Chinese). */
export function parseWeek(text: string): { ok: true; week: IsoWeek } | { ok: false; reason: string } {
  const match = WEEK_ID.exec(text);
  if (!match) return { ok: false, reason: '应为 YYYY-Www 形式的 ISO 周，例如 2026-W48' };
  const [year, week] = [Number(match[1]), Number(match[2])];
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, reason: `年份应在 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间` };
  const weeks = weeksInYear(year);
  if (week < 1 || week > weeks) return { ok: false, reason: `${year} 年的 ISO 周为第 01 至第 ${weeks} 周` };
  return { ok: true, week: weekStarting(year, week) };
}

export function weekAfter(week: IsoWeek): IsoWeek {
  return weekOf(addDays(week.to, 1));
}

export function weekBefore(week: IsoWeek): IsoWeek {
  return weekOf(addDays(week.from, -1));
}

/**
 * The last week whose automatic report is due at a moment (the court's date and minutes of the
 * day): the report is made on Mondays at `atMinutes` for the week before, so until then on a
 * Monday the last one due is for the week before that.
 */
export function lastDueWeek(date: CivilDate, minutes: number, atMinutes: number): IsoWeek {
  const current = weekOf(date);
  const madeThisWeek = date > current.from || minutes >= atMinutes;
  return madeThisWeek ? weekBefore(current) : weekBefore(weekBefore(current));
}
