// A year's holidays as an admin enters them from the State Council's notice: per festival the days
// off and the 调休 workdays, written as the notice writes them — single dates and ranges
// (2027-02-06至02-12, 2027-02-06至2027-02-12, 2月6日至12日), one per line or separated by 、；,.
// Read into a calendar override year, and shown back as twelve small months.

import { validateCalendarOverride, type CalendarOverride } from './calendar-source.ts';
import { addDays, daysInMonth, diffDays, formatYmd, isValidYmd, splitCivil, weekday, yearOf, type CivilDate } from './domain/civil-date.ts';
import type { HolidayData } from './domain/calendar.ts';

/** The festivals of 《全国年节及纪念日放假办法》, offered as the form's rows. */
export const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
const LONGEST_RANGE_DAYS = 31;

export interface FestivalEntry {
  name: string;
  /** The days off, as written in the notice. */
  holidays: string;
  /** The 调休 workdays (weekend days worked), as written. */
  workdays: string;
}

export type YearDays = CalendarOverride['years'][string];

export type DayKind = 'holiday' | 'workday' | 'weekend' | 'work';

export interface MonthGrid {
  month: number;
  /** Each day of the month: 0 = Sunday … 6 = Saturday, and whether one works. */
  days: Array<{ date: CivilDate; day: number; weekday: number; kind: DayKind; name?: string }>;
}

export class EntryError extends Error {}

const FULL = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const MONTH_DAY = /^(\d{1,2})[-/.月](\d{1,2})日?$/;
const DAY = /^(\d{1,2})日?$/;
const KIND_WORDS = { holidays: '放假日期', workdays: '调休上班日期' } as const;

/** The days of each festival read into the year's holidays and workdays; an EntryError says what is wrong, in Chinese. */
export function readYearEntry(year: number, festivals: unknown): YearDays {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new EntryError(`年份「${year}」无效，应为 2000–2100 之间的年份`);
  if (!Array.isArray(festivals)) throw new EntryError('请按节日填写放假日期');
  const days: YearDays = { holidays: {}, workdays: {} };
  for (const festival of festivals as Array<Partial<FestivalEntry>>) {
    const name = typeof festival?.name === 'string' ? festival.name.trim() : '';
    for (const kind of ['holidays', 'workdays'] as const) {
      const text = festival?.[kind];
      if (text !== undefined && typeof text !== 'string') throw new EntryError(`「${name}」的${KIND_WORDS[kind]}应为文字`);
      const dates = readDates(year, text ?? '', `${name || '未命名节日'}的${KIND_WORDS[kind]}`);
      if (dates.length > 0 && name === '') throw new EntryError(`填了${KIND_WORDS[kind]}的一行缺少节日名称`);
      for (const date of dates) addDay(days, kind, date, name);
    }
  }
  const checked = validateCalendarOverride({ years: { [String(year)]: days } });
  if (!checked.ok) throw new EntryError(checked.message);
  return days;
}

function addDay(days: YearDays, kind: 'holidays' | 'workdays', date: CivilDate, name: string): void {
  const other = kind === 'holidays' ? 'workdays' : 'holidays';
  if (Object.hasOwn(days[other], date)) throw new EntryError(`${date} 既填为放假日又填为调休上班日，请核对`);
  const taken = days[kind][date];
  if (taken !== undefined && taken !== name) throw new EntryError(`${date} 同时填在「${taken}」和「${name}」的${KIND_WORDS[kind]}中`);
  days[kind][date] = name;
}

/** The dates a text lists, in order; `what` names the field in messages. */
export function readDates(year: number, text: string, what: string): CivilDate[] {
  const tokens = text
    .replace(/\s*(至|到|~|～|—|－)\s*/g, '至')
    .split(/[\s、；;,，]+/)
    .filter(Boolean);
  const dates: CivilDate[] = [];
  for (const token of tokens) {
    const [from, to, extra] = token.split('至');
    if (extra !== undefined || from === '' || to === '') throw unreadable(token, what);
    const start = startDate(year, from, token, what);
    if (to === undefined) {
      dates.push(start);
      continue;
    }
    const end = endDate(start, to, token, what);
    const length = diffDays(end, start);
    if (length < 0) throw new EntryError(`${what}「${token}」的结束日早于开始日`);
    if (length >= LONGEST_RANGE_DAYS) throw new EntryError(`${what}「${token}」长达 ${length + 1} 天，请核对`);
    for (let day = 0; day <= length; day++) dates.push(addDays(start, day));
  }
  for (const date of dates) if (yearOf(date) !== year) throw new EntryError(`${what}中的 ${date} 不在 ${year} 年内`);
  return dates;
}

function startDate(year: number, text: string, token: string, what: string): CivilDate {
  const full = FULL.exec(text);
  if (full) return dateOf(Number(full[1]), Number(full[2]), Number(full[3]), token, what);
  const monthDay = MONTH_DAY.exec(text);
  if (monthDay) return dateOf(year, Number(monthDay[1]), Number(monthDay[2]), token, what);
  throw unreadable(token, what);
}

/** A range's end: a full date, a month and day in the start's year, or a day in the start's month. */
function endDate(start: CivilDate, text: string, token: string, what: string): CivilDate {
  const { year, month } = splitCivil(start);
  const day = DAY.exec(text);
  if (day) return dateOf(year, month, Number(day[1]), token, what);
  return startDate(year, text, token, what);
}

function dateOf(year: number, month: number, day: number, token: string, what: string): CivilDate {
  if (!isValidYmd(year, month, day)) throw new EntryError(`${what}「${token}」中有不存在的日期（${year}年${month}月${day}日）`);
  return formatYmd(year, month, day);
}

function unreadable(token: string, what: string): EntryError {
  return new EntryError(`${what}中的「${token}」无法识别，应写成 2027-02-06、2027-02-06至02-12 或 2027-02-06至2027-02-12`);
}

/** Twelve months of the year: holidays, 调休 workdays, other weekends and working days. */
export function monthGrid(year: number, data: Pick<HolidayData, 'holidays' | 'workdays'>): MonthGrid[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    const days = Array.from({ length: daysInMonth(year, month) }, (__, dayIndex) => {
      const date = formatYmd(year, month, dayIndex + 1);
      const day = weekday(date);
      const holiday = data.holidays[date];
      const workday = data.workdays[date];
      if (holiday !== undefined) return { date, day: dayIndex + 1, weekday: day, kind: 'holiday' as const, name: holiday };
      if (workday !== undefined) return { date, day: dayIndex + 1, weekday: day, kind: 'workday' as const, name: workday };
      return { date, day: dayIndex + 1, weekday: day, kind: day === 0 || day === 6 ? ('weekend' as const) : ('work' as const) };
    });
    return { month, days };
  });
}

/** A year's days back as the form's rows: the seven festivals first, each range written 2027-02-06至02-12. */
export function festivalsOf(days: Pick<HolidayData, 'holidays' | 'workdays'>): FestivalEntry[] {
  const names = [...FESTIVALS];
  for (const name of [...Object.values(days.holidays), ...Object.values(days.workdays)]) if (!names.includes(name)) names.push(name);
  return names.map((name) => ({
    name,
    holidays: writeDates(datesNamed(days.holidays, name)),
    workdays: writeDates(datesNamed(days.workdays, name)),
  }));
}

function datesNamed(days: Record<string, string>, name: string): CivilDate[] {
  return Object.keys(days)
    .filter((date) => days[date] === name)
    .sort();
}

/** Consecutive dates as one range (2027-02-06至02-12), others one by one, separated by 、. */
function writeDates(dates: CivilDate[]): string {
  const parts: string[] = [];
  let index = 0;
  while (index < dates.length) {
    let end = index;
    while (end + 1 < dates.length && diffDays(dates[end + 1], dates[end]) === 1) end++;
    const first = dates[index];
    const last = dates[end];
    parts.push(first === last ? first : `${first}至${last.slice(yearOf(first) === yearOf(last) ? 5 : 0)}`);
    index = end + 1;
  }
  return parts.join('、');
}
