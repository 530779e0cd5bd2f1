// What the 周通报 document is headed and signed with, set by the admin: the court, the issuing
// unit, the week counted as 第1期, and who signs it (落款); and the time of day the daily 分案清单
// are made. Pure: the service stores and audits it.

import { toDayNumber } from '../civil-date.ts';
import { parseWeek, type IsoWeek } from './week.ts';

export interface ReportSettings {
  /** 法院名称, e.g. ××市××区人民法院 */
  court: string;
  /** 发文单位, e.g. 执行局 执行指挥中心 */
  unit: string;
  /** The ISO week that is 第1期, e.g. 2026-W01. */
  startWeek: string;
  /** 落款, e.g. 执行指挥中心 */
  signedBy: string;
  /** When the day's 分案清单 are made on working days, 'HH:mm' at the court (after the day's triage). */
  listAt: string;
}

export const DEFAULT_START_WEEK = '2026-W01';
/** The file center triages through the day; the lists go to the teams' 内勤 before the day ends. */
export const DEFAULT_LIST_AT = '17:30';
/** Longest text a field may hold: a heading line, not a paragraph. */
const MAX_LENGTH = 60;

/** The settings never saved: placeholders, numbered from the first stored report's week (or 2026-W01). */
export function defaultReportSettings(firstStoredWeek: string | null = null): ReportSettings {
  const startWeek = firstStoredWeek !== null && parseWeek(firstStoredWeek).ok ? firstStoredWeek : DEFAULT_START_WEEK;
  return { court: '××人民法院', unit: '执行局 执行指挥中心', startWeek, signedBy: '执行指挥中心', listAt: DEFAULT_LIST_AT };
}

/** The issue number (第N期) of a week: 1 for the start week, one more each week after; null before the start. */
export function issueNumberOf(week: IsoWeek | string, settings: Pick<ReportSettings, 'startWeek'>): number | null {
  const target = typeof week === 'string' ? parseWeek(week) : { ok: true as const, week };
  const start = parseWeek(settings.startWeek);
  if (!target.ok || !start.ok) return null;
  const weeks = (toDayNumber(target.week.from) - toDayNumber(start.week.from)) / 7;
  return weeks < 0 ? null : weeks + 1;
}

/** The line a report is headed with: 郑州市金水区人民法院执行局 执行指挥中心 第20期 (no 期 before the start week). */
export function reportHeading(week: string, settings: ReportSettings): string {
  const issue = issueNumberOf(week, settings);
  return `${settings.court}${settings.unit}${issue === null ? '' : ` 第${issue}期`}`;
}

type Checked = { ok: true; value: ReportSettings } | { ok: false; message: string };

const FIELDS: Array<{ key: Exclude<keyof ReportSettings, 'listAt'>; label: string }> = [
  { key: 'court', label: '法院名称' },
  { key: 'unit', label: '发文单位' },
  { key: 'startWeek', label: '起始周' },
  { key: 'signedBy', label: '落款' },
];

/** The settings as the admin sent them, trimmed, or the first mistake in Chinese. `latestStart` is the last week allowed as start. */
export function validateReportSettings(input: unknown, latestStart: IsoWeek): Checked {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, message: '通报设置应包含法院名称、发文单位、起始周和落款' };
  const record = input as Record<string, unknown>;
  const value = {} as ReportSettings;
  for (const { key, label } of FIELDS) {
    const text = record[key];
    if (typeof text !== 'string' || text.trim() === '') return { ok: false, message: `请填写${label}` };
    if (text.trim().length > MAX_LENGTH) return { ok: false, message: `${label}不能超过 ${MAX_LENGTH} 个字` };
    value[key] = text.trim();
  }
  // A client from before the daily lists sends no time: the default stands.
  const listAt = record.listAt === undefined || record.listAt === '' ? DEFAULT_LIST_AT : record.listAt;
  const minutes = typeof listAt === 'string' ? minutesOfDay(listAt.trim()) : null;
  if (minutes === null)
    return { ok: false, message: `分案清单生成时间「${String(listAt).slice(0, 20)}」有误，应写成 17:30 的形式（00:00 至 23:59）` };
  value.listAt = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return checkStart(value, latestStart);
}

/** The time the lists are made, in minutes of the day: a hand-edited file's unreadable time counts as the default. */
export function listAtMinutes(settings: Pick<ReportSettings, 'listAt'>): number {
  return minutesOfDay(settings.listAt) ?? DEFAULT_LIST_AT_MINUTES;
}

const DEFAULT_LIST_AT_MINUTES = 17 * 60 + 30;

/** 'HH:mm' as minutes of the day; null for anything else. */
export function minutesOfDay(time: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

function checkStart(value: ReportSettings, latestStart: IsoWeek): Checked {
  const start = parseWeek(value.startWeek);
  if (!start.ok) return { ok: false, message: `起始周「${value.startWeek.slice(0, 20)}」有误：${start.reason}` };
  if (start.week.from > latestStart.from) {
    return { ok: false, message: `起始周 ${value.startWeek} 晚于本周（${latestStart.id}），请填写本周或更早的周` };
  }
  return { ok: true, value };
}
