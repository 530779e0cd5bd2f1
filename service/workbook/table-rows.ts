// The data rows under a ledger's header row, read cell by cell into raw values by column id.
// Blank rows, 合计 / 制表人 rows and a header repeated for printing are not rows of the ledger.

import { isUuid, SYNC_LIMITS } from '../sync-request.ts';
import type { RawValue } from '../domain/problem.ts';
import { cellText, readCell } from './cell-reading.ts';
import type { Row, Worksheet } from './exceljs.ts';
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

export function readTableRows(sheet: Worksheet, layout: TableLayout, date1904: boolean): TableRows {
  const { ledger, columns, systemColumns, headerRow } = layout;
  const inputs = ledger.columns.filter((column) => columns.has(column.id));
  const kinds = new Map(
    inputs.map((column) => [column.id, column.type === 'date' || column.type === 'datetime' ? ('date' as const) : ('other' as const)]),
  );
  const { input: headerIds } = headerIndex(ledger);
  const result: TableRows = { rows: [], skipped: { blank: 0, footer: 0, header: 0 }, lastColumn: 0 };

  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < headerRow) return;
    result.lastColumn = Math.max(result.lastColumn, lastValueColumn(row, result.lastColumn));
    if (rowNumber === headerRow) return;

    const values: Record<string, RawValue> = {};
    const readProblems: TableRow['readProblems'] = [];
    let anyValue = false;
    let headerCells = 0;
    for (const column of inputs) {
      const columnNumber = columns.get(column.id)!;
      const cell = row.findCell(columnNumber);
      const reading = readCell(cell?.value, kinds.get(column.id)!, date1904);
      if (typeof reading.value === 'string' && reading.value.length > SYNC_LIMITS.cellLength) {
        throw new WorkbookRefusal(
          413,
          'cell_too_long',
          `工作表「${sheet.name}」${cell!.address} 单元格（${column.header}）有 ${formatCount(reading.value.length)} 字，` +
            `超过上限 ${SYNC_LIMITS.cellLength} 字，请精简后再上传`,
        );
      }
      values[column.id] = reading.value;
      if (reading.problem) readProblems.push({ column: column.id, message: `${column.header}单元格${reading.problem}` });
      const text = reading.value === null ? '' : String(reading.value).trim();
      if (text !== '') anyValue = true;
      if (text !== '' && headerIds.get(headerKey(text)) === column.id) headerCells++;
    }
    // A row of formulas dragged down past the data (#N/A, "") holds nothing to sync.
    if (!anyValue) return void result.skipped.blank++;
    if (FOOTER.test(firstText(row))) return void result.skipped.footer++;
    if (headerCells >= 2) return void result.skipped.header++;

    const tableRow: TableRow = { rowNumber, values, readProblems };
    const rowId = cellText(row.findCell(systemColumns.get('rowId') ?? 0)?.value).trim();
    if (isUuid(rowId)) tableRow.rowId = rowId;
    const rev = row.findCell(systemColumns.get('rev') ?? 0)?.value;
    if (typeof rev === 'number' && Number.isInteger(rev) && rev >= 0) tableRow.rev = rev;
    result.rows.push(tableRow);
  });
  return result;
}

/** The text of the row's first cell that shows something, in any column. */
function firstText(row: Row): string {
  for (let column = 1; column <= row.cellCount; column++) {
    const text = cellText(row.findCell(column)?.value).trim();
    if (text !== '') return text;
  }
  return '';
}

/** The row's last column with a value, looking only beyond what is already known to be used. */
function lastValueColumn(row: Row, known: number): number {
  for (let column = row.cellCount; column > known; column--) {
    const value = row.findCell(column)?.value;
    if (value !== null && value !== undefined && value !== '') return column;
  }
  return known;
}
