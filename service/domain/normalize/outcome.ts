// Building the outcome of one cell. Every message starts with the column header and the value
// as the clerk typed it, e.g. 立案日期「2026-02-30」不是存在的日期.

import type { Normalized, RawValue } from '../problem.ts';

/** null, undefined, '' and whitespace only (the ideographic space included). */
export function isBlank(raw: RawValue): raw is null | undefined | string {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/** The value as it appears in the sheet: trimmed text, the number, or Excel's TRUE/FALSE. */
export function shown(raw: RawValue): string {
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return String(raw ?? '').trim();
}

export function blank<T>(): Normalized<T> {
  return { value: null, problems: [] };
}

export function accepted<T>(value: T): Normalized<T> {
  return { value, problems: [] };
}

export function rejected<T>(header: string, raw: RawValue, reason: string): Normalized<T> {
  return { value: null, problems: [{ level: 'error', message: `${header}「${shown(raw)}」${reason}` }] };
}

/** A usable value the clerk should still look at. */
export function flagged<T>(value: T, header: string, raw: RawValue, reason: string): Normalized<T> {
  return { value, problems: [{ level: 'warning', message: `${header}「${shown(raw)}」${reason}` }] };
}
