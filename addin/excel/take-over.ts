// 接管现有表格: map the active sheet's header to a ledger (a title row above it is fine), report
// what did not map, make it a ledger table and add the hidden 行ID/版本 and any missing system
// columns at its right. The clerk's cells are not changed.

import type { LedgerDefinition } from '../../client/contract.ts';
import { localAddress } from '../sheet/addresses.ts';
import { findHeaderRow, HEADER_SCAN_ROWS, mapHeaderRow } from '../sheet/header-mapping.ts';
import { ledgerOfTable, tableNameFor } from '../sheet/table-names.ts';
import { acceptable, additions, appended, reportOf, type TakeOverReport } from '../sheet/take-over-report.ts';
import type { Capabilities } from './capabilities.ts';
import { UserError } from './errors.ts';
import { queueSystemFormats } from './sheet-format.ts';
import { TABLE_STYLE } from './create-sheet.ts';

export async function takeOverActiveSheet(
  ledger: LedgerDefinition,
  ledgers: LedgerDefinition[],
  capabilities: Capabilities,
): Promise<TakeOverReport> {
  return Excel.run(async (context) => {
    const tables = context.workbook.worksheets.getActiveWorksheet().tables;
    tables.load('items/name');
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    const allTables = context.workbook.tables;
    allTables.load('items/name');
    const used = sheet.getUsedRange();
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();

    const existing = tables.items.find((table) => ledgerOfTable(table.name, ledgers));
    if (existing) throw new UserError(`这张工作表已经是台账表格「${existing.name}」，可以直接同步`);
    const tableName = tableNameFor(
      ledger.id,
      allTables.items.map((table) => table.name),
    );

    if (tables.items.length > 0) {
      if (!capabilities.appendColumns)
        throw new UserError('当前 Excel 版本无法为已有的 Excel 表格追加列：请先把表格转换为普通区域（表格设计 → 转换为区域），再接管');
      const table = tables.items[0];
      const header = table.getHeaderRowRange();
      header.load('values,rowIndex,columnIndex');
      const body = table.getDataBodyRange();
      body.load('rowCount');
      await context.sync();
      const report = acceptable(ledger, mapHeaderRow(ledger, header.values[0]));
      const added = additions(report);
      for (const name of added) table.columns.add(undefined, undefined, name);
      table.name = tableName;
      const layout = appended(report.layout, added, ledger);
      queueSystemFormats(
        { sheet, headerRow: header.rowIndex, firstColumn: header.columnIndex, bodyRows: body.rowCount },
        layout,
        capabilities,
      );
      await context.sync();
      return reportOf(
        ledger,
        { sheetName: sheet.name, tableName, headerRow: header.rowIndex, dataRows: body.rowCount, headers: header.values[0] },
        report,
        added,
      );
    }

    const top = sheet.getRange(localAddress(used.rowIndex, used.columnIndex, Math.min(HEADER_SCAN_ROWS, used.rowCount), used.columnCount));
    top.load('values');
    await context.sync();
    const found = findHeaderRow(ledger, top.values);
    if (!found)
      throw new UserError(`没有在这张表的前 ${HEADER_SCAN_ROWS} 行中找到「${ledger.name}」的标题行：请确认选择的台账类型和当前工作表`);
    const report = acceptable(ledger, found.report);
    const headerRow = used.rowIndex + found.rowIndex;
    const dataRows = used.rowCount - found.rowIndex - 1;
    const added = additions(report);
    if (added.length > 0) sheet.getRange(localAddress(headerRow, used.columnIndex + used.columnCount, 1, added.length)).values = [added];
    const width = used.columnCount + added.length;
    const table = sheet.tables.add(localAddress(headerRow, used.columnIndex, 1 + Math.max(dataRows, 1), width), true);
    table.name = tableName;
    table.style = TABLE_STYLE;
    const layout = appended(report.layout, added, ledger);
    queueSystemFormats({ sheet, headerRow, firstColumn: used.columnIndex, bodyRows: Math.max(dataRows, 1) }, layout, capabilities);
    await context.sync();
    return reportOf(ledger, { sheetName: sheet.name, tableName, headerRow, dataRows, headers: top.values[found.rowIndex] }, report, added);
  });
}
