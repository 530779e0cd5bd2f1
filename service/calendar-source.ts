// Holiday data for the Calendar: the `chinese-days` package, with the years an administrator
// entered in `<dataDir>/calendar.json` (e.g. a State Council schedule the package does not have yet).

import { createRequire } from 'node:module';
import type { HolidayData } from './domain/calendar.ts';
import { isCivilDate, weekday, yearOf } from './domain/civil-date.ts';

export interface CalendarOverride {
  years: Record<string, { holidays: Record<string, string>; workdays: Record<string, string> }>;
}

type Validation = { ok: true; value: CalendarOverride } | { ok: false; message: string };

/** The package's values read "National Day,国庆节,3": English name, Chinese name, length in days. */
interface PackageDays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let packageData: HolidayData | null = null;

export function packageHolidayData(): HolidayData {
  packageData ??= readPackage();
  return packageData;
}

function readPackage(): HolidayData {
  const raw = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as PackageDays;
  const holidays = chineseNames(raw.holidays);
  const workdays = chineseNames(raw.workdays);
  const years = new Set([...Object.keys(holidays), ...Object.keys(workdays)].map(yearOf));
  return { holidays, workdays, years: [...years].sort((a, b) => a - b) };
}

function chineseNames(days: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(days).map(([date, value]) => [date, value.split(',')[1]]));
}

/** Each year in the override replaces the base data of that year entirely. */
export function mergeHolidayData(base: HolidayData, override: CalendarOverride): HolidayData {
  const replaced = new Set(Object.keys(override.years).map(Number));
  const keep = (days: Record<string, string>) => Object.fromEntries(Object.entries(days).filter(([date]) => !replaced.has(yearOf(date))));
  const holidays = keep(base.holidays);
  const workdays = keep(base.workdays);
  for (const year of Object.values(override.years)) {
    Object.assign(holidays, year.holidays);
    Object.assign(workdays, year.workdays);
  }
  return { holidays, workdays, years: [...new Set([...base.years, ...replaced])].sort((a, b) => a - b) };
}

const DAY_KINDS = { holidays: '法定休假日', workdays: '调休上班日' } as const;
const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function validateCalendarOverride(input: unknown): Validation {
  if (!isRecord(input) || !isRecord(input.years)) {
    return { ok: false, message: '应为 { "years": { "2027": { "holidays": {…}, "workdays": {…} } } } 形式的对象' };
  }
  const unknown = Object.keys(input).find((key) => key !== 'years');
  if (unknown !== undefined) return { ok: false, message: `不认识的键“${unknown}”，顶层只能有 years` };
  for (const [yearKey, entry] of Object.entries(input.years)) {
    const message = yearProblem(yearKey, entry);
    if (message !== null) return { ok: false, message };
  }
  return { ok: true, value: input as unknown as CalendarOverride };
}

function yearProblem(yearKey: string, entry: unknown): string | null {
  const year = Number(yearKey);
  if (!/^\d{4}$/.test(yearKey) || year < 2000 || year > 2100) return `年份“${yearKey}”无效，应为 2000–2100 之间的四位数年份`;
  if (!isRecord(entry) || !isRecord(entry.holidays) || !isRecord(entry.workdays)) {
    return `${yearKey}年应为含 holidays 和 workdays 两个对象的对象`;
  }
  const unknown = Object.keys(entry).find((key) => !Object.hasOwn(DAY_KINDS, key));
  if (unknown !== undefined) return `${yearKey}年中不认识的键“${unknown}”，只能有 holidays 和 workdays`;

  const days = { holidays: entry.holidays, workdays: entry.workdays };
  for (const kind of ['holidays', 'workdays'] as const) {
    for (const [date, name] of Object.entries(days[kind])) {
      if (!isCivilDate(date) || yearOf(date) !== year) {
        return `${yearKey}年${DAY_KINDS[kind]}中的日期“${date}”无效，应为该年内的 YYYY-MM-DD 日期`;
      }
      if (typeof name !== 'string' || name.trim() === '') return `${DAY_KINDS[kind]} ${date} 的名称“${String(name)}”无效，应填写节日名称`;
    }
  }
  for (const date of Object.keys(days.workdays)) {
    if (Object.hasOwn(days.holidays, date)) return `${date} 不能既是法定休假日又是调休上班日`;
    const day = weekday(date);
    if (day !== 0 && day !== 6) return `调休上班日 ${date} 是${WEEKDAY_NAMES[day]}，调休上班日只能是星期六或星期日`;
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
