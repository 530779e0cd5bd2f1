// What goes into a cell: the service's values in the form Excel keeps them. Dates become serial
// numbers (the 1900 date system), so a date cell stays a date whatever the clerk's locale.

import type { CellInput } from '../../client/contract.ts';
import { civilDateToSerial, dateTimeToSerial } from '../../client/excel-dates.ts';
import { excelNumberFormat } from '../../service/domain/column-formats.ts';
import { readAsFormula, xmlSafeText } from '../../service/domain/sheet-text.ts';

/**
 * Text Excel would otherwise turn into something else: a formula (= + - @, also after blanks or in
 * full width), a number that loses digits (an 18-digit identity number), or a date. A leading
 * apostrophe keeps it as typed text. Characters no xlsx can hold are left out.
 */
export function keepAsText(text: string): string {
  const safe = xmlSafeText(text);
  if (readAsFormula(safe) || /^\s*[\d.,]+\s*$/.test(safe) || /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(safe)) return `'${safe}`;
  return safe;
}

/** Text the service wrote (statuses, explanations): kept as text when it could be read as a formula. */
export function serviceText(text: string): string {
  const safe = xmlSafeText(text);
  return readAsFormula(safe) ? `'${safe}` : safe;
}

/** A system column's value as written: by the column's type from the ledger definition. */
export function systemCellValue(type: string, value: string | number | null | undefined): string | number {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return value;
  if (type === 'date') return civilDateToSerial(value) ?? keepAsText(value);
  if (type === 'datetime') return dateTimeToSerial(value) ?? keepAsText(value);
  return serviceText(value);
}

/** A clerk's stored value written back into a fresh sheet (分案清单) or on 采用对方的. */
export function storedCellValue(value: CellInput | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return keepAsText(value);
  return value;
}

/** A cell as read from Excel, in the form the service accepts: empty cells are null. */
export function inputValue(cell: unknown): CellInput {
  if (cell === '' || cell === undefined || cell === null) return null;
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
  return String(cell);
}

/** Number formats by column type, as every workbook of the project shows them; General otherwise. */
export function numberFormatFor(type: string): string {
  return excelNumberFormat(type) ?? 'General';
}
