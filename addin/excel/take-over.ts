// 接管现有表格: map the active sheet's header to a ledger (a title row above it is fine), report
// what did not map, make it a ledger table and add the hidden 行ID/版本 and any missing system
// columns at its right. The clerk's cells are not changed.

import type { LedgerColumn, LedgerDefinition } from '../../client/contract.ts';
import { localAddress } from '../sheet/addresses.ts';
import { findHeaderRow, HEADER_SCAN_ROWS, mapHeaderRow, type HeaderReport } from '../sheet/header-mapping.ts';
import { REV_HEADER, ROW_ID_HEADER, type Slot, type TableLayout } from '../sheet/layout.ts';
import { ledgerOfTable, tableNameFor } from '../sheet/table-names.ts';
import type { Capabilities } from './capabilities.ts';
import { UserError } from './errors.ts';
import { queueSystemFormats } from './sheet-format.ts';
import { TABLE_STYLE } from './create-sheet.ts';

export interface TakeOverReport {
  ledgerName: string;
  sheetName: string;
  tableName: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  dataRows: number;
  /** The clerk's header and the ledger column it was taken for. */
  mapped: Array<{ header: string; column: string }>;
  unmapped: string[];
  duplicates: string[];
  missingRequired: string[];
  missingOptional: string[];
  /** Columns the add-in appended: 行ID, 版本 and missing system columns. */
  added: string[];
}

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

/** A header that maps fewer than two of the ledger's columns is not this ledger's table. */
function acceptable(ledger: LedgerDefinition, report: HeaderReport): HeaderReport {
  if (report.mappedInputs < 2)
    throw new UserError(`这张表的标题行只认出 ${report.mappedInputs} 列「${ledger.name}」的列：请确认选择的台账类型和当前工作表`);
  return report;
}

function additions(report: HeaderReport): string[] {
  return [
    ...(report.hasRowId ? [] : [ROW_ID_HEADER]),
    ...(report.hasRev ? [] : [REV_HEADER]),
    ...report.missingSystem.map((column) => column.header),
  ];
}

function appended(layout: TableLayout, added: string[], ledger: LedgerDefinition): TableLayout {
  const byHeader = new Map<string, LedgerColumn>(ledger.columns.map((column) => [column.header, column]));
  const slots: Slot[] = added.map((header) =>
    header === ROW_ID_HEADER
      ? { kind: 'rowId' }
      : header === REV_HEADER
        ? { kind: 'rev' }
        : { kind: 'system', column: byHeader.get(header)! },
  );
  return { slots: [...layout.slots, ...slots] };
}

interface Where {
  sheetName: string;
  tableName: string;
  headerRow: number;
  dataRows: number;
  headers: unknown[];
}

function reportOf(ledger: LedgerDefinition, where: Where, report: HeaderReport, added: string[]): TakeOverReport {
  return {
    ledgerName: ledger.name,
    sheetName: where.sheetName,
    tableName: where.tableName,
    headerRow: where.headerRow + 1,
    dataRows: where.dataRows,
    mapped: report.layout.slots.flatMap((slot, index) =>
      slot.kind === 'input' || slot.kind === 'system'
        ? [{ header: String(where.headers[index] ?? '').trim(), column: slot.column.header }]
        : [],
    ),
    unmapped: report.unmapped,
    duplicates: report.duplicates.map((duplicate) => duplicate.header),
    missingRequired: report.missingRequired.map((column) => column.header),
    missingOptional: report.missingOptional.map((column) => column.header),
    added,
  };
}
