// Local date-times ('YYYY-MM-DD HH:mm' at the court, as date-time cells are normalised) and the
// moment a row is evaluated at. Arithmetic goes through a minute number, so no time zone applies.

import { addDays, civilDateTimeAt, fromDayNumber, toDayNumber, type CivilDate } from './civil-date.ts';

export type LocalDateTime = string;

const MINUTES_PER_DAY = 1440;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/;

export function isLocalDateTime(value: unknown): value is LocalDateTime {
  return typeof value === 'string' && DATE_TIME.test(value);
}

/** Minutes since 1970-01-01 00:00 of a local date-time. */
export function toMinuteNumber(dateTime: LocalDateTime): number {
  const match = DATE_TIME.exec(dateTime);
  if (!match) throw new RangeError(`not a local date-time: ${dateTime}`);
  return toDayNumber(match[1]) * MINUTES_PER_DAY + Number(match[2]) * 60 + Number(match[3]);
}

export function fromMinuteNumber(minutes: number): LocalDateTime {
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  const rest = minutes - day * MINUTES_PER_DAY;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${fromDayNumber(day)} ${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`;
}

/** The local date-time at `instant` in the court's time zone (a clock reading for EvalContext.now). */
export function localDateTimeAt(instant: Date, timeZone: string): LocalDateTime {
  const { date, minutes } = civilDateTimeAt(instant, timeZone);
  return fromMinuteNumber(toDayNumber(date) * MINUTES_PER_DAY + minutes);
}

export function dateOf(dateTime: LocalDateTime): CivilDate {
  return dateTime.slice(0, 10);
}

/**
 * The moment "as of" means, as a minute number: the clock reading when it falls on `asOf` (a sync
 * of today), else the end of `asOf` (24:00) — a past or future date is looked at as a whole day.
 */
export function evaluationMoment(context: { asOf: CivilDate; now?: LocalDateTime }): number {
  if (context.now !== undefined && isLocalDateTime(context.now) && dateOf(context.now) === context.asOf) {
    return toMinuteNumber(context.now);
  }
  return toMinuteNumber(`${addDays(context.asOf, 1)} 00:00`);
}

/** A duration in hours, to two decimals (8 h 1 min is 8.02, never rounded down to a legal 8). */
export function hoursBetween(from: LocalDateTime, to: LocalDateTime): number {
  return Math.round(((toMinuteNumber(to) - toMinuteNumber(from)) / 60) * 100) / 100;
}
