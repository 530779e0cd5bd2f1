// How a ledger table looks in WPS 表格, as in Excel: system columns set apart, 行ID/版本 hidden,
// dates formatted, dropdowns for fixed options, frozen header, 预警 coloured. ET has each of these,
// so nothing here is gated.

import { ALERT_COLUMN } from '../../client/contract.ts';
import { numberFormatFor } from '../sheet/cell-values.ts';
import {
  ALERT_COLOURS,
  hasDropdown,
  SYSTEM_BODY_FILL,
  SYSTEM_BODY_FONT,
  SYSTEM_HEADER_FILL,
  SYSTEM_HEADER_FONT,
  systemColumnWidth,
  widthOf,
} from '../sheet/column-look.ts';
import { columnIndexOf, writeSpans, type TableLayout } from '../sheet/layout.ts';
import { bgrOf, block, et, XL_BETWEEN, XL_CELL_VALUE, XL_EQUAL, XL_VALID_ALERT_STOP, XL_VALIDATE_LIST } from './application.ts';

/** Points per character of the default font: ET's ColumnWidth counts characters, the layout points. */
export const POINTS_PER_CHARACTER = 6;

export interface TablePlace {
  sheet: Et.Worksheet;
  /** 0-based sheet row of the header and column of the table's first column. */
  headerRow: number;
  firstColumn: number;
  bodyRows: number;
}

const bodyRange = (place: TablePlace, column: number, count = 1) =>
  block(place.sheet, place.headerRow + 1, place.firstColumn + column, place.bodyRows, count);
const headerRange = (place: TablePlace, column: number, count = 1) =>
  block(place.sheet, place.headerRow, place.firstColumn + column, 1, count);

/** Number formats of the clerk's columns, set before their values so identifiers stay text. */
export function setInputFormats(place: TablePlace, layout: TableLayout): void {
  layout.slots.forEach((slot, index) => {
    if (slot.kind !== 'input') return;
    const format = numberFormatFor(slot.column.type);
    if (format !== 'General') bodyRange(place, index).NumberFormat = format;
  });
}

/** Formats for the columns the add-in owns: system and 行ID/版本. */
export function setSystemFormats(place: TablePlace, layout: TableLayout): void {
  for (const span of writeSpans(layout)) {
    const count = span.end - span.start + 1;
    const header = headerRange(place, span.start, count);
    header.Interior.Color = bgrOf(SYSTEM_HEADER_FILL);
    header.Font.Color = bgrOf(SYSTEM_HEADER_FONT);
    header.Font.Bold = true;
    const body = bodyRange(place, span.start, count);
    body.Interior.Color = bgrOf(SYSTEM_BODY_FILL);
    body.Font.Color = bgrOf(SYSTEM_BODY_FONT);
  }
  layout.slots.forEach((slot, index) => {
    if (slot.kind === 'system') {
      const format = numberFormatFor(slot.column.type);
      bodyRange(place, index).NumberFormat = format === 'General' ? '@' : format;
      headerRange(place, index).ColumnWidth = systemColumnWidth(slot.column) / POINTS_PER_CHARACTER;
    }
    if (slot.kind === 'rowId' || slot.kind === 'rev') headerRange(place, index).EntireColumn.Hidden = true;
  });
  const alert = columnIndexOf(layout, ALERT_COLUMN);
  if (alert >= 0) setAlertColours(bodyRange(place, alert));
}

/** Dropdowns, column widths and the frozen header of a sheet the add-in creates. */
export function setTemplateExtras(place: TablePlace, layout: TableLayout): void {
  layout.slots.forEach((slot, index) => {
    if (slot.kind !== 'input') return;
    if (hasDropdown(slot.column)) {
      const validation = bodyRange(place, index).Validation;
      validation.Delete();
      validation.Add(XL_VALIDATE_LIST, XL_VALID_ALERT_STOP, XL_BETWEEN, (slot.column.options ?? []).join(','));
      validation.InCellDropdown = true;
      // As in Excel: a value outside the options is told by the service's check, not refused while typing.
      validation.ShowError = false;
    }
    headerRange(place, index).ColumnWidth = widthOf(slot.column) / POINTS_PER_CHARACTER;
  });
  place.sheet.Activate();
  const window = et().ActiveWindow;
  window.FreezePanes = false;
  window.SplitColumn = 0;
  window.SplitRow = place.headerRow + 1;
  window.FreezePanes = true;
}

/** 预警 coloured by conditional formats: 超期 red, 临期 amber, 正常 green. */
export function setAlertColours(range: Et.Range): void {
  range.FormatConditions.Delete();
  for (const [text, fill, font] of ALERT_COLOURS) {
    const condition = range.FormatConditions.Add(XL_CELL_VALUE, XL_EQUAL, `="${text}"`);
    condition.Interior.Color = bgrOf(fill);
    condition.Font.Color = bgrOf(font);
  }
}
