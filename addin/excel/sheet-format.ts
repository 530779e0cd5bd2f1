// How a ledger table looks: system columns set apart, 行ID/版本 hidden, dates formatted, dropdowns
// for fixed options, frozen header, 预警 coloured. Each feature above ExcelApi 1.1 is gated.

import { ALERT_COLUMN } from '../../client/contract.ts';
import { numberFormatFor } from '../sheet/cell-values.ts';
import {
  hasDropdown,
  SYSTEM_BODY_FILL,
  SYSTEM_BODY_FONT,
  SYSTEM_HEADER_FILL,
  SYSTEM_HEADER_FONT,
  systemColumnWidth,
  widthOf,
} from '../sheet/column-look.ts';
import { columnIndexOf, writeSpans, type TableLayout } from '../sheet/layout.ts';
import { localAddress } from '../sheet/addresses.ts';
import { queueAlertColours } from './annotations.ts';
import type { Capabilities } from './capabilities.ts';
import { setForAllCells } from './write-batches.ts';

export interface TablePlace {
  sheet: Excel.Worksheet;
  /** Sheet row of the header and column of the table's first column. */
  headerRow: number;
  firstColumn: number;
  bodyRows: number;
}

const bodyRange = (place: TablePlace, column: number, count = 1) =>
  place.sheet.getRange(localAddress(place.headerRow + 1, place.firstColumn + column, place.bodyRows, count));
const headerRange = (place: TablePlace, column: number, count = 1) =>
  place.sheet.getRange(localAddress(place.headerRow, place.firstColumn + column, 1, count));

/** Number formats of the clerk's columns, queued before their values so identifiers stay text. */
export function queueInputFormats(place: TablePlace, layout: TableLayout): void {
  layout.slots.forEach((slot, index) => {
    if (slot.kind !== 'input') return;
    const format = numberFormatFor(slot.column.type);
    if (format !== 'General') setForAllCells(bodyRange(place, index), 'numberFormat', format);
  });
}

/** Formats for the columns the add-in owns: system and 行ID/版本. */
export function queueSystemFormats(place: TablePlace, layout: TableLayout, capabilities: Capabilities): void {
  for (const span of writeSpans(layout)) {
    const count = span.end - span.start + 1;
    const header = headerRange(place, span.start, count).format;
    header.fill.color = SYSTEM_HEADER_FILL;
    header.font.color = SYSTEM_HEADER_FONT;
    header.font.bold = true;
    const body = bodyRange(place, span.start, count).format;
    body.fill.color = SYSTEM_BODY_FILL;
    body.font.color = SYSTEM_BODY_FONT;
  }
  layout.slots.forEach((slot, index) => {
    if (slot.kind === 'system') {
      const format = numberFormatFor(slot.column.type);
      setForAllCells(bodyRange(place, index), 'numberFormat', format === 'General' ? '@' : format);
      if (capabilities.hideColumns) headerRange(place, index).format.columnWidth = systemColumnWidth(slot.column);
    }
    if ((slot.kind === 'rowId' || slot.kind === 'rev') && capabilities.hideColumns)
      headerRange(place, index).getEntireColumn().columnHidden = true;
  });
  const alert = columnIndexOf(layout, ALERT_COLUMN);
  if (alert >= 0 && capabilities.conditionalFormats) queueAlertColours(bodyRange(place, alert));
}

/** Dropdowns (1.8), column widths (1.2) and the frozen header (1.7) of a sheet the add-in creates. */
export function queueTemplateExtras(place: TablePlace, layout: TableLayout, capabilities: Capabilities): void {
  layout.slots.forEach((slot, index) => {
    if (slot.kind !== 'input') return;
    if (capabilities.dataValidation && hasDropdown(slot.column)) {
      const validation = bodyRange(place, index).dataValidation;
      validation.clear();
      validation.rule = { list: { inCellDropDown: true, source: (slot.column.options ?? []).join(',') } };
      validation.errorAlert = { showAlert: false, message: '', style: 'Information', title: '' };
    }
    if (capabilities.hideColumns) headerRange(place, index).format.columnWidth = widthOf(slot.column);
  });
  if (capabilities.freezePanes) place.sheet.freezePanes.freezeRows(place.headerRow + 1);
}
