// Reaching WPS 表格: the add-in platform typed by wps-jsapi-declare (WPS.AddonRoot) and ET's own
// model (et.d.ts) on the same global Application, and the conversions ET's classic model needs.

import { localAddress } from '../sheet/addresses.ts';

/** The add-in platform and the spreadsheet, as one object: what `window.Application` is in ET. */
export type EtRoot = WPS.AddonRoot & Et.Application;

/**
 * The package types the global as WPS 文字's Application; in WPS 表格 the same global is the
 * spreadsheet's, with the add-in platform's members beside it.
 */
export function et(): EtRoot {
  return (window as unknown as { Application: EtRoot }).Application;
}

/** Whether this page runs inside WPS 表格 (a plain browser, or WPS 文字, has no Worksheets). */
export function insideEt(): boolean {
  const app = (window as unknown as { Application?: Partial<Et.Application> }).Application;
  return !!app && typeof app === 'object' && !!app.Worksheets;
}

export const XL_NONE = -4142;
export const XL_SRC_RANGE = 1;
export const XL_YES = 1;
export const XL_VALIDATE_LIST = 3;
export const XL_VALID_ALERT_STOP = 1;
export const XL_BETWEEN = 1;
export const XL_CELL_VALUE = 1;
export const XL_EQUAL = 3;

/** '#FDE7E9' as ET's colour number (blue, green, red from the high byte down). */
export function bgrOf(hex: string): number {
  const rgb = Number.parseInt(hex.replace('#', ''), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

/** A range's Value2 as rows of cells: one cell answers a scalar, an empty cell nothing. */
export function valuesOf(range: Et.Range): unknown[][] {
  const value = range.Value2;
  const rows = Array.isArray(value) ? (value as unknown[][]) : [[value]];
  return rows.map((cells) => cells.map((cell) => (cell === undefined || cell === null ? '' : cell)));
}

/** The range of a block of cells, from 0-based sheet row and column (as the sheet logic counts). */
export function block(sheet: Et.Worksheet, row: number, column: number, rowCount = 1, columnCount = 1): Et.Range {
  return sheet.Range(localAddress(row, column, rowCount, columnCount));
}

/** Every table of the workbook, with its sheet. */
export function everyTable(): Array<{ sheet: Et.Worksheet; list: Et.ListObject }> {
  const sheets = et().Worksheets;
  const found: Array<{ sheet: Et.Worksheet; list: Et.ListObject }> = [];
  for (let s = 1; s <= sheets.Count; s += 1) {
    const sheet = sheets.Item(s);
    for (let t = 1; t <= sheet.ListObjects.Count; t += 1) found.push({ sheet, list: sheet.ListObjects.Item(t) });
  }
  return found;
}

export function sheetNames(): string[] {
  const sheets = et().Worksheets;
  return Array.from({ length: sheets.Count }, (_, index) => sheets.Item(index + 1).Name);
}
