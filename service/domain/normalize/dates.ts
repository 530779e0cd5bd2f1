// Dates ('YYYY-MM-DD') and date-times ('YYYY-MM-DD HH:mm') as clerks type them or as Excel sends
// them (serial numbers of the 1900 system), plus ISO timestamps read in the court's time zone.

import { civilDateTimeAt, formatYmd, fromExcelSerial, isValidYmd, type CivilDate } from '../civil-date.ts';
import type { Normalized, RawValue } from '../problem.ts';
import { accepted, blank, isBlank, rejected } from './outcome.ts';
import { foldWidth } from './text.ts';

export interface DateOptions {
  /** IANA zone in which ISO timestamps are read; default Asia/Shanghai. */
  timeZone?: string;
}

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const MINUTES_PER_DAY = 1440;
const LAST_EXCEL_SERIAL = 2_958_465; // 9999-12-31

const NUMERIC_DATE = /^(?<year>\d{4})(?<sep>[-/.])(?<month>\d{1,2})\k<sep>(?<day>\d{1,2})(?=$|[\sT])/;
const CHINESE_DATE = /^(?<year>\d{4})\s*年\s*(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*[日号]/;
const COLON_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const CHINESE_TIME = /^(\d{1,2})\s*[时点]\s*(?:(\d{1,2})\s*分\s*(?:(\d{1,2})\s*秒)?)?$/;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const TWO_DIGIT_YEAR = /^\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)/;
const YEAR_LAST = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(?!\d)/;

/** Years a ledger date can plausibly have; beyond them a date is a typing error, not a deadline. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

const DATE_EXAMPLE = '请填写如 2026-03-05 的日期';
const DATE_TIME_EXAMPLE = '请填写到分钟，如 2026-03-05 10:30';

/** A civil date with the minutes of the day when a time was given, or why the value is unusable. */
type Reading = { date: CivilDate; minutes: number | null } | { reason: string };

export function normalizeDate(raw: RawValue, header: string, options: DateOptions = {}): Normalized<CivilDate> {
  if (isBlank(raw)) return blank();
  const reading = plausible(typeof raw === 'number' ? readSerial(raw, false) : read(raw, options));
  if ('reason' in reading) return rejected(header, raw, reading.reason);
  return accepted(reading.date);
}

/** What a date-or-none cell holds when the clerk wrote that there is no date (e.g. a 失信 listing without a term). */
export const NO_DATE = '无';
const NO_DATE_WORDS = new Set([NO_DATE, '无期限', '不定期']);

export function normalizeDateOrNone(raw: RawValue, header: string, options: DateOptions = {}): Normalized<string> {
  if (typeof raw === 'string' && NO_DATE_WORDS.has(foldWidth(raw))) return accepted(NO_DATE);
  const date = normalizeDate(raw, header, options);
  return {
    value: date.value,
    problems: date.problems.map((problem) => ({ ...problem, message: `${problem.message}；没有期限的填「${NO_DATE}」` })),
  };
}

/** What a date-or-months cell holds for a number of months: e.g. 3个月 (an approved extension of the 执行期限). */
export const MONTHS_SUFFIX = '个月';
const MAX_MONTHS = 24;
/** Below this a number is a count of months a clerk typed, not an Excel date serial. */
const SMALLEST_SERIAL = 1000;
const MONTHS_TEXT = /^(?:延长)?\s*(?<count>\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:个月|月)?$/;
const CHINESE_DIGITS = '一二三四五六七八九';

/** 一 … 二十四 as clerks write a count of months. */
function chineseNumeral(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n - 1];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? CHINESE_DIGITS[tens - 1] : ''}十${ones > 0 ? CHINESE_DIGITS[ones - 1] : ''}`;
}

const CHINESE_COUNTS = new Map(Array.from({ length: MAX_MONTHS }, (_, index) => [chineseNumeral(index + 1), index + 1]));

/** The text a count of months would be in: a small number as typed, a string folded; '' for a date serial. */
function monthsText(raw: RawValue): string {
  if (typeof raw === 'number') return raw < SMALLEST_SERIAL ? String(raw) : '';
  return typeof raw === 'string' ? foldWidth(raw) : '';
}

/** A date (延长至 2026-12-31) or a number of months (3, 3个月, 三个月), read as `N个月`. */
export function normalizeDateOrMonths(raw: RawValue, header: string, options: DateOptions = {}): Normalized<string> {
  if (isBlank(raw)) return blank();
  const match = MONTHS_TEXT.exec(monthsText(raw));
  if (match?.groups) {
    const word = match.groups.count;
    const months = /^\d+$/.test(word) ? Number(word) : (CHINESE_COUNTS.get(word) ?? 0);
    if (months >= 1 && months <= MAX_MONTHS) return accepted(`${months}${MONTHS_SUFFIX}`);
    return rejected(header, raw, `的月数应为 1 至 ${MAX_MONTHS} 个月`);
  }
  const date = normalizeDate(raw, header, options);
  return {
    value: date.value,
    problems: date.problems.map((problem) => ({ ...problem, message: `${problem.message}；延长月数填如「3个月」` })),
  };
}

/** A bare date is an error here: the hours counted from these columns need the time of day. */
export function normalizeDateTime(raw: RawValue, header: string, options: DateOptions = {}): Normalized<string> {
  if (isBlank(raw)) return blank();
  const reading = plausible(typeof raw === 'number' ? readSerial(raw, true) : read(raw, options));
  if ('reason' in reading) return rejected(header, raw, reading.reason);
  if (reading.minutes === null) return rejected(header, raw, `只有日期（${reading.date}），缺少时间，${DATE_TIME_EXAMPLE}`);
  return accepted(`${reading.date} ${formatMinutes(reading.minutes)}`);
}

function plausible(reading: Reading): Reading {
  if ('reason' in reading) return reading;
  const year = Number(reading.date.slice(0, 4));
  return year < FIRST_YEAR || year > LAST_YEAR ? { reason: `的年份 ${year} 超出 ${FIRST_YEAR}–${LAST_YEAR}，请核对` } : reading;
}

/**
 * Excel's serial: whole days plus a fraction of a day. With `withTime` the value is rounded to the
 * minute first (Excel stores 10:31 as an inexact fraction), which may carry into the next day;
 * a whole serial carries no time.
 */
function readSerial(serial: number, withTime: boolean): Reading {
  if (!Number.isFinite(serial) || serial < 1 || serial >= LAST_EXCEL_SERIAL + 1) {
    return { reason: `不是有效的 Excel 日期序号（应在 1 至 ${LAST_EXCEL_SERIAL} 之间）` };
  }
  const total = withTime ? Math.round(serial * MINUTES_PER_DAY) : Math.floor(serial) * MINUTES_PER_DAY;
  const date = fromExcelSerial(Math.floor(total / MINUTES_PER_DAY));
  if (date === null) return { reason: '是 Excel 虚设的 1900-02-29，该日不存在' };
  return { date, minutes: Number.isInteger(serial) ? null : total % MINUTES_PER_DAY };
}

function read(raw: string | boolean, options: DateOptions): Reading {
  if (typeof raw === 'boolean') return { reason: `是逻辑值，不是日期，${DATE_EXAMPLE}` };
  const text = foldWidth(raw);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  return readInstant(text, timeZone) ?? readWritten(text);
}

/** ISO timestamps carry a zone (Z or an offset); the civil date and time are those in `timeZone`. */
function readInstant(text: string, timeZone: string): Reading | null {
  const match = ISO_INSTANT.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  if (!isValidYmd(year, month, day)) return { reason: '不是存在的日期' };
  if (!isValidTime(hour, minute, second)) return { reason: '中的时间不存在' };
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute - offsetMinutes(match[8]), second, Number((match[7] ?? '0').padEnd(3, '0')));
  return civilDateTimeAt(instant, timeZone);
}

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return zone.startsWith('-') ? -minutes : minutes;
}

/** 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日 (or 号), each optionally followed by a time. */
function readWritten(text: string): Reading {
  const match = NUMERIC_DATE.exec(text) ?? CHINESE_DATE.exec(text);
  if (!match?.groups) return { reason: misreadReason(text) };
  const [year, month, day] = [match.groups.year, match.groups.month, match.groups.day].map(Number);
  if (!isValidYmd(year, month, day)) return { reason: '不是存在的日期' };
  const date = formatYmd(year, month, day);
  const rest = text.slice(match[0].length).replace(/^T/i, '').trim();
  if (rest === '') return { date, minutes: null };
  const time = COLON_TIME.exec(rest) ?? CHINESE_TIME.exec(rest);
  if (!time) return { reason: `不是可识别的日期，${DATE_EXAMPLE}` };
  const [hour, minute, second] = time.slice(1, 4).map((part) => Number(part ?? 0));
  if (!isValidTime(hour, minute, second)) return { reason: '中的时间不存在（时应为 0–23，分应为 0–59）' };
  return { date, minutes: hour * 60 + minute };
}

function misreadReason(text: string): string {
  if (TWO_DIGIT_YEAR.test(text)) return `的年份应写四位，${DATE_EXAMPLE}`;
  if (YEAR_LAST.test(text)) return `应按年、月、日的顺序填写，${DATE_EXAMPLE}`;
  return `不是可识别的日期，${DATE_EXAMPLE}`;
}

function isValidTime(hour: number, minute: number, second: number): boolean {
  return hour <= 23 && minute <= 59 && second <= 59;
}

function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
