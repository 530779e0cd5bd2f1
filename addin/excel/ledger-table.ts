// Finding and reading a ledger table: where it is, how its header maps to the ledger, and its rows.
// Each function queues its loads and makes exactly one sync (a read too large for Excel on the web
// is split in halves until each part fits).

import type { LedgerDefinition } from '../../client/contract.ts';
import { localAddress } from '../sheet/addresses.ts';
import { mapHeaderRow, type HeaderReport } from '../sheet/header-mapping.ts';
import { readSpan, slotIndex, type ColumnSpan } from '../sheet/layout.ts';
import type { Marks } from '../sheet/marks.ts';
import { idOfCell, sheetRows, type SheetRow } from '../sheet/rows.ts';
import { ledgerOfTable } from '../sheet/table-names.ts';
import type { Capabilities } from './capabilities.ts';
import { NO_TABLE_MESSAGE } from '../sheet/errors.ts';
import { isItemNotFound, isPayloadTooLarge, NotLedgerTable, UserError } from './errors.ts';

export interface LocatedTable {
  table: Excel.Table;
  name: string;
  /** The table's id: stable while the workbook is open, used to find it again (automatic sync). */
  key: string;
  ledger: LedgerDefinition;
}

/** The ledger table named by key, or the first ledger table on the active sheet. One sync. */
export async function locateLedgerTable(
  context: Excel.RequestContext,
  ledgers: LedgerDefinition[],
  tableKey?: string,
): Promise<LocatedTable> {
  if (tableKey) {
    const table = context.workbook.tables.getItem(tableKey);
    table.load('name,id');
    try {
      await context.sync();
    } catch (error) {
      if (isItemNotFound(error)) throw new UserError('台账表格已被删除或改名，请重新选择');
      throw error;
    }
    const ledger = ledgerOfTable(table.name, ledgers);
    if (!ledger) throw new NotLedgerTable(`表格「${table.name}」不是台账表格`);
    return { table, name: table.name, key: table.id, ledger };
  }
  const tables = context.workbook.worksheets.getActiveWorksheet().tables;
  tables.load('items/name,items/id');
  await context.sync();
  for (const table of tables.items) {
    const ledger = ledgerOfTable(table.name, ledgers);
    if (ledger) return { table, name: table.name, key: table.id, ledger };
  }
  throw new UserError(NO_TABLE_MESSAGE);
}

export interface TableShape {
  located: LocatedTable;
  sheet: Excel.Worksheet;
  sheetName: string;
  header: HeaderReport;
  /** Sheet row and column of the body's first cell, and its row count. */
  bodyRow: number;
  bodyColumn: number;
  rowCount: number;
  /** Error marks recorded for this table (empty where workbook settings are not available). */
  marks: Marks;
}

export function marksSettingKey(tableName: string): string {
  return `ledger-assistant.marks.${tableName}`;
}

/** Header, body position and the recorded error marks. One sync. */
export async function readTableShape(
  context: Excel.RequestContext,
  located: LocatedTable,
  capabilities: Capabilities,
  memory: Map<string, Marks>,
): Promise<TableShape> {
  const header = located.table.getHeaderRowRange();
  header.load('values');
  const sheet = located.table.getDataBodyRange().worksheet;
  sheet.load('name');
  const body = located.table.getDataBodyRange();
  body.load('rowIndex,columnIndex,rowCount');
  const setting = capabilities.appendColumns ? context.workbook.settings.getItemOrNullObject(marksSettingKey(located.name)) : null;
  if (setting) setting.load('value');
  await context.sync();
  const report = mapHeaderRow(located.ledger, header.values[0]);
  if (!report.hasRowId || !report.hasRev) {
    throw new UserError('表格缺少隐藏的「行ID」「版本」列，无法确认每一行的身份：请用「接管现有表格」重新接管这张表');
  }
  let marks: Marks = memory.get(located.key) ?? {};
  if (setting && !setting.isNullObject) marks = parseMarks(setting.value);
  return {
    located,
    sheet,
    sheetName: sheet.name,
    header: report,
    bodyRow: body.rowIndex,
    bodyColumn: body.columnIndex,
    rowCount: body.rowCount,
    marks,
  };
}

function parseMarks(value: unknown): Marks {
  try {
    const parsed = typeof value === 'string' ? JSON.parse(value) : value;
    return parsed && typeof parsed === 'object' ? (parsed as Marks) : {};
  } catch {
    return {};
  }
}

/** The clerk's columns and 行ID/版本 of every body row: one range, one sync. */
export async function readTableRows(context: Excel.RequestContext, shape: TableShape): Promise<{ rows: SheetRow[]; span: ColumnSpan }> {
  const span = readSpan(shape.header.layout);
  if (!span) throw new UserError('表格中没有任何台账列');
  const block = await loadValues(
    context,
    shape.sheet,
    shape.bodyRow,
    shape.bodyColumn + span.start,
    shape.rowCount,
    span.end - span.start + 1,
  );
  return { rows: sheetRows(shape.header.layout, span, block), span };
}

/** Each body row's position by its 行ID, from the 行ID column alone. */
export async function readRowPositions(context: Excel.RequestContext, shape: TableShape): Promise<Map<string, number>> {
  const column = slotIndex(shape.header.layout, (slot) => slot.kind === 'rowId');
  const values = await loadValues(context, shape.sheet, shape.bodyRow, shape.bodyColumn + column, shape.rowCount, 1);
  const positions = new Map<string, number>();
  values.forEach((cells, position) => {
    const id = idOfCell(cells[0]);
    if (id !== null && !positions.has(id)) positions.set(id, position);
  });
  return positions;
}

/** Values of a block; when Excel refuses the size, each half is loaded on its own. */
export async function loadValues(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  row: number,
  column: number,
  rowCount: number,
  columnCount: number,
): Promise<unknown[][]> {
  const range = sheet.getRange(localAddress(row, column, rowCount, columnCount));
  range.load('values');
  try {
    await context.sync();
    return range.values;
  } catch (error) {
    if (!isPayloadTooLarge(error) || rowCount < 2) throw error;
    const half = Math.ceil(rowCount / 2);
    const first = await loadValues(context, sheet, row, column, half, columnCount);
    const second = await loadValues(context, sheet, row + half, column, rowCount - half, columnCount);
    return [...first, ...second];
  }
}
