// One cell value, of whatever kind sheet-reading.ts reads, as the raw value a sync request carries
// (SPEC §4): text, a number, a boolean or empty. Dates become Excel serial numbers of the 1900
// system, as the add-in sends them, so both doors store the same value for the same cell.

import type { RawValue } from '../domain/problem.ts';

/** A cell's value as read from the sheet's XML: rich text comes joined, dates as the UTC instant of their civil time. */
export type CellValue = string | number | boolean | Date | null | CellError | CellFormula;

export interface CellError {
  error: string;
}

/** A formula with the result the file saved for it, if it saved one. */
export interface CellFormula {
  formula: string;
  result: Exclude<CellValue, CellFormula> | undefined;
}

export interface CellReading {
  value: RawValue;
  /** Why the cell could not be read as it shows, e.g. an error value; completes "「案号」单元格…". */
  problem?: string;
}

/** What a column expects decides how a date cell is read: a serial for date columns, text elsewhere. */
export type CellKind = 'date' | 'other';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
/** Serial of 1970-01-01 in the 1900 system. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days from the 1900 system's day 0 to the 1904 system's. */
const DAYS_1904 = 1_462;

export function readCell(value: CellValue | undefined, kind: CellKind, date1904: boolean): CellReading {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string' || typeof value === 'boolean') return { value };
  if (typeof value === 'number') {
    // Date-formatted numbers are read as Dates; a bare number in a date column of a 1904 workbook
    // (a formula result left in General format) still counts from 1904.
    return { value: kind === 'date' && date1904 ? value + DAYS_1904 : value };
  }
  if (value instanceof Date) return readDate(value, kind);
  if ('formula' in value) {
    if (value.result === undefined)
      return { value: null, problem: '是公式，但文件里没有保存计算结果（请在 Excel 或 WPS 中打开、保存后再上传），已按空白处理' };
    return readCell(value.result, kind, date1904);
  }
  return { value: null, problem: `是错误值 ${value.error}，已按空白处理，请修正公式或数据` };
}

/** Dates come as the UTC instant of the civil date and time: read in UTC, never shifted. */
function readDate(date: Date, kind: CellKind): CellReading {
  const time = date.getTime();
  if (Number.isNaN(time)) return { value: null, problem: '是无效的日期，已按空白处理' };
  if (kind === 'date') return { value: time / MS_PER_DAY + UNIX_EPOCH_SERIAL };
  const minutes = Math.round(time / MS_PER_MINUTE);
  const day = new Date(minutes * MS_PER_MINUTE).toISOString().slice(0, 10);
  const minuteOfDay = ((minutes % 1440) + 1440) % 1440;
  if (minuteOfDay === 0) return { value: day };
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return { value: `${day} ${hh}:${mm}` };
}

/** A cell's text as a header: whatever it shows, or '' when it shows nothing readable. */
export function cellText(value: CellValue | undefined): string {
  const { value: raw } = readCell(value, 'other', false);
  return raw === null || raw === undefined ? '' : String(raw);
}
