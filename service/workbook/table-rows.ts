// The data rows under a ledger's header row, read cell by cell into raw values by column id.
// Blank rows, 合计 / 制表人 rows and a header repeated for printing are not rows of the ledger.

import { isUuid, SYNC_LIMITS } from '../sync-request.ts';
import type { RawValue } from '../domain/problem.ts';
import { cellText, readCell } from './cell-reading.ts';
import { columnLetters } from '../../addin/sheet/addresses.ts';
import type { ReadRow, ReadSheet } from './sheet-reading.ts';
import { formatCount, WorkbookRefusal } from './limits.ts';
import { headerIndex, headerKey, type TableLayout } from './table-layout.ts';

export interface TableRow {
  rowNumber: number;
  values: Record<string, RawValue>;
  rowId?: string;
  rev?: number;
  /** Cells that could not be read as they show (error values, formulas without a result). */
  readProblems: Array<{ column: string; message: string }>;
}

export interface TableRows {
  rows: TableRow[];
  /** Rows under the header that are not ledger rows, by why. */
  skipped: { blank: number; footer: number; header: number };
  /** The last column holding a value in the header row or below it. */
  lastColumn: number;
}

const FOOTER = /^(合计|总计|小计|制表|填表|审核|负责人|统计人)/;

export function readTableRows(sheet: ReadSheet, layout: TableLayout, date1904: boolean): TableRows {
  const { ledger, columns, systemColumns, headerRow } = layout;
  const inputs = ledger.columns
    .filter((column) => columns.has(column.id))
    .map((column) => ({
      column,
      columnNumber: columns.get(column.id) ?? 0,
      kind: column.type === 'date' || column.type === 'datetime' ? ('date' as const) : ('other' as const),
    }));
  const { input: headerIds } = headerIndex(ledger);
  const result: TableRows = { rows: [], skipped: { blank: 0, footer: 0, header: 0 }, lastColumn: 0 };

  for (const row of sheet.rowsWithValues()) {
    const rowNumber = row.number;
    if (rowNumber < headerRow) continue;
    result.lastColumn = Math.max(result.lastColumn, lastValueColumn(sheet, row, result.lastColumn));
    if (rowNumber === headerRow) continue;

    const values: Record<string, RawValue> = {};
    const readProblems: TableRow['readProblems'] = [];
    let anyValue = false;
    let headerCells = 0;
    for (const { column, columnNumber, kind } of inputs) {
      const reading = readCell(sheet.value(rowNumber, columnNumber), kind, date1904);
      if (typeof reading.value === 'string' && reading.value.length > SYNC_LIMITS.cellLength) {
        throw new WorkbookRefusal(
          413,
          'cell_too_long',
          `工作表「${sheet.name}」${columnLetters(columnNumber - 1)}${rowNumber} 单元格（${column.header}）` +
            `有 ${formatCount(reading.value.length)} 字，` +
            `超过上限 ${SYNC_LIMITS.cellLength} 字，请精简后再上传`,
        );
      }
      values[column.id] = reading.value;
      if (reading.problem) readProblems.push({ column: column.id, message: `${column.header}单元格${reading.problem}` });
      const text = reading.value === null ? '' : String(reading.value).trim();
      if (text !== '') anyValue = true;
      // Only text can repeat a header (and most cells are dates and amounts, not worth a key).
      if (typeof reading.value === 'string' && text !== '' && headerIds.get(headerKey(text)) === column.id) headerCells++;
    }
    // A row of formulas dragged down past the data (#N/A, "") holds nothing to sync.
    if (!anyValue) result.skipped.blank++;
    else if (FOOTER.test(firstText(sheet, row))) result.skipped.footer++;
    else if (headerCells >= 2) result.skipped.header++;
    else result.rows.push(identified(sheet, { rowNumber, values, readProblems }, systemColumns));
  }
  return result;
}

/** The row with the identity and revision its hidden 行ID and 版本 cells give it. */
function identified(sheet: ReadSheet, row: TableRow, systemColumns: Map<string, number>): TableRow {
  const rowId = cellText(sheet.value(row.rowNumber, systemColumns.get('rowId') ?? 0)).trim();
  if (isUuid(rowId)) row.rowId = rowId;
  const rev = sheet.value(row.rowNumber, systemColumns.get('rev') ?? 0);
  if (typeof rev === 'number' && Number.isInteger(rev) && rev >= 0) row.rev = rev;
  return row;
}

/** The text of the row's first cell that shows something, in any column. */
function firstText(sheet: ReadSheet, row: ReadRow): string {
  const last = sheet.lastColumn(row);
  for (let column = 1; column <= last; column++) {
    const text = cellText(sheet.value(row.number, column)).trim();
    if (text !== '') return text;
  }
  return '';
}

/** The row's last column with a value, looking only beyond what is already known to be used. */
function lastValueColumn(sheet: ReadSheet, row: ReadRow, known: number): number {
  for (let column = sheet.lastColumn(row); column > known; column--) {
    const value = sheet.value(row.number, column);
    if (value !== null && value !== undefined && value !== '') return column;
  }
  return known;
}
