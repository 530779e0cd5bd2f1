// Finding and reading a ledger table in WPS 表格: a table (ListObject) named as the Excel add-in
// names it (Ledger_cases), found by that name, its header mapped by the shared sheet logic.

import type { LedgerDefinition } from '../../client/contract.ts';
import { NO_TABLE_MESSAGE, NotLedgerTable, UserError } from '../sheet/errors.ts';
import { mapHeaderRow, type HeaderReport } from '../sheet/header-mapping.ts';
import { readSpan, slotIndex, type ColumnSpan } from '../sheet/layout.ts';
import type { Marks } from '../sheet/marks.ts';
import { idOfCell, sheetRows, type SheetRow } from '../sheet/rows.ts';
import { ledgerOfTable } from '../sheet/table-names.ts';
import { block, et, everyTable, valuesOf } from './application.ts';
import { marksOnSheet } from './marks.ts';

export interface LocatedTable {
  list: Et.ListObject;
  sheet: Et.Worksheet;
  name: string;
  /** ET's tables have no id: the name is the key (a renamed table is found no more). */
  key: string;
  ledger: LedgerDefinition;
}

/** The ledger table named by key, or the first ledger table on the active sheet. */
export function locateLedgerTable(ledgers: LedgerDefinition[], tableKey?: string): LocatedTable {
  if (tableKey) {
    const found = everyTable().find(({ list }) => list.Name.toLowerCase() === tableKey.toLowerCase());
    if (!found) throw new UserError('台账表格已被删除或改名，请重新选择');
    const ledger = ledgerOfTable(found.list.Name, ledgers);
    if (!ledger) throw new NotLedgerTable(`表格「${found.list.Name}」不是台账表格`);
    return { ...found, name: found.list.Name, key: found.list.Name, ledger };
  }
  const sheet = et().ActiveSheet;
  for (let index = 1; index <= sheet.ListObjects.Count; index += 1) {
    const list = sheet.ListObjects.Item(index);
    const ledger = ledgerOfTable(list.Name, ledgers);
    if (ledger) return { list, sheet, name: list.Name, key: list.Name, ledger };
  }
  throw new UserError(NO_TABLE_MESSAGE);
}

export interface TableShape {
  located: LocatedTable;
  sheet: Et.Worksheet;
  sheetName: string;
  header: HeaderReport;
  /** 0-based sheet row and column of the body's first cell, and its row count. */
  bodyRow: number;
  bodyColumn: number;
  rowCount: number;
  /** Error marks in the table: as this pane remembers them, else as our comments on the sheet say. */
  marks: Marks;
}

export function readTableShape(located: LocatedTable, memory: Map<string, Marks>): TableShape {
  const report = mapHeaderRow(located.ledger, valuesOf(located.list.HeaderRowRange)[0]);
  if (!report.hasRowId || !report.hasRev) {
    throw new UserError('表格缺少隐藏的「行ID」「版本」列，无法确认每一行的身份：请用「接管现有表格」重新接管这张表');
  }
  const body = bodyOf(located.list);
  const marks = memory.get(located.key) ?? marksOnSheet(located.sheet, report.layout, body);
  return { located, sheet: located.sheet, sheetName: located.sheet.Name, header: report, ...body, marks };
}

/** Where the body is; a table without body rows has its first row right below the header. */
export function bodyOf(list: Et.ListObject): { bodyRow: number; bodyColumn: number; rowCount: number } {
  const header = list.HeaderRowRange;
  const body = list.DataBodyRange;
  return { bodyRow: header.Row, bodyColumn: header.Column - 1, rowCount: body ? body.Rows.Count : 0 };
}

/** The clerk's columns and 行ID/版本 of every body row: one read of one range. */
export function readTableRows(shape: TableShape): { rows: SheetRow[]; span: ColumnSpan } {
  const span = readSpan(shape.header.layout);
  if (!span) throw new UserError('表格中没有任何台账列');
  if (shape.rowCount === 0) return { rows: [], span };
  const cells = valuesOf(block(shape.sheet, shape.bodyRow, shape.bodyColumn + span.start, shape.rowCount, span.end - span.start + 1));
  return { rows: sheetRows(shape.header.layout, span, cells), span };
}

/** Each body row's position by its 行ID, from the 行ID column alone. */
export function readRowPositions(shape: TableShape): Map<string, number> {
  const positions = new Map<string, number>();
  if (shape.rowCount === 0) return positions;
  const column = slotIndex(shape.header.layout, (slot) => slot.kind === 'rowId');
  valuesOf(block(shape.sheet, shape.bodyRow, shape.bodyColumn + column, shape.rowCount, 1)).forEach((cells, position) => {
    const id = idOfCell(cells[0]);
    if (id !== null && !positions.has(id)) positions.set(id, position);
  });
  return positions;
}
