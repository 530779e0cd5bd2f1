// Civil dates ('YYYY-MM-DD', no time zone) and the arithmetic the rules need.
// Computations go through a UTC day number so no local time zone or DST can shift a date.

export type CivilDate = string;

const MS_PER_DAY = 86_400_000;
const CIVIL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatYmd(year: number, month: number, day: number): CivilDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function splitCivil(date: CivilDate): { year: number; month: number; day: number } {
  const match = CIVIL_PATTERN.exec(date);
  if (!match) throw new RangeError(`not a civil date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * Day numbers of the date texts met so far, NaN for a text that is no real date: a ledger holds a
 * few thousand distinct dates, each read thousands of times by the rules. A full table starts over.
 */
const dayNumbers = new Map<string, number>();
const DAY_NUMBERS_KEPT = 100_000;

function knownDayNumber(date: string): number {
  let known = dayNumbers.get(date);
  if (known === undefined) {
    const match = CIVIL_PATTERN.exec(date);
    const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
    known = match && isValidYmd(year, month, day) ? countDays(year, month, day) : NaN;
    if (dayNumbers.size >= DAY_NUMBERS_KEPT) dayNumbers.clear();
    dayNumbers.set(date, known);
  }
  return known;
}

export function isCivilDate(value: unknown): value is CivilDate {
  return typeof value === 'string' && !Number.isNaN(knownDayNumber(value));
}

/** A cell's value as a civil date, or null when it is empty or not a real date. */
export function asDate(value: unknown): CivilDate | null {
  return isCivilDate(value) ? value : null;
}

/** Days since 1970-01-01 of a civil date. */
export function toDayNumber(date: CivilDate): number {
  const known = knownDayNumber(date);
  if (!Number.isNaN(known)) return known;
  // Not a real date (2026-02-30): counted on as the Date arithmetic does, as before.
  const { year, month, day } = splitCivil(date);
  return countDays(year, month, day);
}

function countDays(year: number, month: number, day: number): number {
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / MS_PER_DAY);
}

const datesOfDays = new Map<number, CivilDate>();

export function fromDayNumber(dayNumber: number): CivilDate {
  let date = datesOfDays.get(dayNumber);
  if (date === undefined) {
    const utc = new Date(dayNumber * MS_PER_DAY);
    date = formatYmd(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
    if (datesOfDays.size >= DAY_NUMBERS_KEPT) datesOfDays.clear();
    datesOfDays.set(dayNumber, date);
  }
  return date;
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** a − b in calendar days. */
export function diffDays(a: CivilDate, b: CivilDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/**
 * The corresponding day `months` months later (or earlier, when negative); when the target month
 * has no such day, its last day (民法典 第二百零二条). `clamped` says the last-day rule applied.
 */
export function addMonths(date: CivilDate, months: number): { date: CivilDate; clamped: boolean } {
  const { year, month, day } = splitCivil(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const last = daysInMonth(targetYear, targetMonth);
  return { date: formatYmd(targetYear, targetMonth, Math.min(day, last)), clamped: day > last };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CivilDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: CivilDate): number {
  return splitCivil(date).year;
}

/** The civil date at `instant` in the given IANA time zone (e.g. Asia/Shanghai). */
export function civilDateAt(instant: Date, timeZone: string): CivilDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return formatYmd(get('year'), get('month'), get('day'));
}

/** Civil date and minutes of the day at `instant` in the given time zone. */
export function civilDateTimeAt(instant: Date, timeZone: string): { date: CivilDate; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { date: formatYmd(get('year'), get('month'), get('day')), minutes: get('hour') * 60 + get('minute') };
}

const EXCEL_EPOCH = toDayNumber('1899-12-30');

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the non-existent 1900-02-29
 * (Lotus compatibility), so serials from 61 on count from 1899-12-30.
 */
export function fromExcelSerial(serial: number): CivilDate | null {
  const whole = Math.floor(serial);
  if (!Number.isFinite(serial) || whole < 1 || whole === 60) return null;
  return fromDayNumber(EXCEL_EPOCH + (whole < 60 ? whole + 1 : whole));
}
