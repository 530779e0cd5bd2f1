// 新建台账, 拉取分案清单 and 接管现有表格 in WPS 表格: the same sheets and tables the Excel layer
// makes (one table named Ledger_<ledger>, hidden 行ID/版本, system columns apart), written through ET.

import type { LedgerDefinition, RowResult } from '../../client/contract.ts';
import { storedCellValue, systemCellValue } from '../sheet/cell-values.ts';
import { UserError } from '../sheet/errors.ts';
import { findHeaderRow, HEADER_SCAN_ROWS, mapHeaderRow } from '../sheet/header-mapping.ts';
import { headerOf, templateLayout } from '../sheet/layout.ts';
import { fingerprintOfStored } from '../sheet/rows.ts';
import type { Progress } from '../sheet/sync-memory.ts';
import { ledgerOfTable, sheetNameFor, tableNameFor } from '../sheet/table-names.ts';
import { acceptable, additions, appended, reportOf, type TakeOverReport } from '../sheet/take-over-report.ts';
import type { CreatedSheet } from '../taskpane/host.ts';
import { block, et, everyTable, sheetNames, valuesOf, XL_SRC_RANGE, XL_YES } from './application.ts';
import { setInputFormats, setSystemFormats, setTemplateExtras } from './format.ts';

/** The table style of WPS 表格 closest to the Excel add-in's TableStyleLight9. */
export const TABLE_STYLE = 'TableStyleLight9';

function newTable(sheet: Et.Worksheet, range: Et.Range, name: string): Et.ListObject {
  const list = sheet.ListObjects.Add(XL_SRC_RANGE, range, undefined, XL_YES);
  list.Name = name;
  list.TableStyle = TABLE_STYLE;
  return list;
}

const tableNames = () => everyTable().map(({ list }) => list.Name);

export function createLedgerSheet(
  ledger: LedgerDefinition,
  options: { title?: string; rows?: RowResult[]; progress?: Progress } = {},
): CreatedSheet {
  const progress = options.progress ?? (() => undefined);
  const rows = options.rows ?? [];
  const sheetName = sheetNameFor(options.title ?? ledger.name, sheetNames());
  const tableName = tableNameFor(ledger.id, tableNames());
  const layout = templateLayout(ledger);
  const sheets = et().Worksheets;
  const sheet = sheets.Add(undefined, sheets.Item(sheets.Count));
  sheet.Name = sheetName;
  const bodyRows = Math.max(rows.length, 1);
  const place = { sheet, headerRow: 0, firstColumn: 0, bodyRows };
  progress(0.3, rows.length > 0 ? `正在写入 ${rows.length} 行…` : '正在创建表格…');
  setInputFormats(place, layout);
  block(sheet, 0, 0, 1, layout.slots.length).Value2 = [layout.slots.map(headerOf)];
  if (rows.length > 0) {
    block(sheet, 1, 0, rows.length, layout.slots.length).Value2 = rows.map((row) =>
      layout.slots.map((slot) => {
        if (slot.kind === 'input') return storedCellValue(row.values?.[slot.column.id]);
        if (slot.kind === 'rowId') return row.rowId;
        if (slot.kind === 'rev') return row.rev;
        if (slot.kind === 'system') return systemCellValue(slot.column.type, row.status[slot.column.id]);
        return '';
      }),
    );
  }
  newTable(sheet, block(sheet, 0, 0, 1 + bodyRows, layout.slots.length), tableName);
  setSystemFormats(place, layout);
  setTemplateExtras(place, layout);
  progress(1, '完成');
  const fingerprints = new Map(rows.map((row) => [row.rowId, fingerprintOfStored(layout, row.values)]));
  return { sheetName, tableName, tableKey: tableName, rows: rows.length, fingerprints };
}

export function takeOverActiveSheet(ledger: LedgerDefinition, ledgers: LedgerDefinition[]): TakeOverReport {
  const sheet = et().ActiveSheet;
  const lists = Array.from({ length: sheet.ListObjects.Count }, (_, index) => sheet.ListObjects.Item(index + 1));
  const existing = lists.find((list) => ledgerOfTable(list.Name, ledgers));
  if (existing) throw new UserError(`这张工作表已经是台账表格「${existing.Name}」，可以直接同步`);
  const tableName = tableNameFor(ledger.id, tableNames());
  if (lists.length > 0) return takeOverTable(sheet, lists[0], ledger, tableName);

  const used = sheet.UsedRange;
  const [top, left, height, width] = [used.Row - 1, used.Column - 1, used.Rows.Count, used.Columns.Count];
  const scanned = valuesOf(block(sheet, top, left, Math.min(HEADER_SCAN_ROWS, height), width));
  const found = findHeaderRow(ledger, scanned);
  if (!found)
    throw new UserError(`没有在这张表的前 ${HEADER_SCAN_ROWS} 行中找到「${ledger.name}」的标题行：请确认选择的台账类型和当前工作表`);
  const report = acceptable(ledger, found.report);
  const headerRow = top + found.rowIndex;
  const dataRows = height - found.rowIndex - 1;
  const added = additions(report);
  if (added.length > 0) block(sheet, headerRow, left + width, 1, added.length).Value2 = [added];
  const bodyRows = Math.max(dataRows, 1);
  newTable(sheet, block(sheet, headerRow, left, 1 + bodyRows, width + added.length), tableName);
  setSystemFormats({ sheet, headerRow, firstColumn: left, bodyRows }, appended(report.layout, added, ledger));
  return reportOf(ledger, { sheetName: sheet.Name, tableName, headerRow, dataRows, headers: scanned[found.rowIndex] }, report, added);
}

/** A table the clerk made (插入 → 表格): kept, renamed, its missing columns appended at its right. */
function takeOverTable(sheet: Et.Worksheet, list: Et.ListObject, ledger: LedgerDefinition, tableName: string): TakeOverReport {
  const header = list.HeaderRowRange;
  const headers = valuesOf(header)[0];
  const report = acceptable(ledger, mapHeaderRow(ledger, headers));
  const added = additions(report);
  const [headerRow, left, width] = [header.Row - 1, header.Column - 1, header.Columns.Count];
  const dataRows = list.DataBodyRange?.Rows.Count ?? 0;
  const bodyRows = Math.max(dataRows, 1);
  if (added.length > 0) {
    block(sheet, headerRow, left + width, 1, added.length).Value2 = [added];
    list.Resize(block(sheet, headerRow, left, 1 + bodyRows, width + added.length));
  }
  list.Name = tableName;
  setSystemFormats({ sheet, headerRow, firstColumn: left, bodyRows }, appended(report.layout, added, ledger));
  return reportOf(ledger, { sheetName: sheet.Name, tableName, headerRow, dataRows, headers }, report, added);
}
