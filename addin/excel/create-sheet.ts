// 新建台账 and 拉取分案清单: a new sheet holding one ledger table, empty or filled with rows from the
// service. One Excel.run: 1 sync for the names in use, then the writes (one batch unless the rows
// exceed Excel on the web's payload limit).

import type { LedgerDefinition, RowResult } from '../../client/contract.ts';
import { storedCellValue, systemCellValue } from '../sheet/cell-values.ts';
import { batchWrites, EXCEL_DATA_BUDGET } from '../sheet/chunks.ts';
import { headerOf, templateLayout } from '../sheet/layout.ts';
import { localAddress } from '../sheet/addresses.ts';
import { fingerprintOfStored } from '../sheet/rows.ts';
import { sheetNameFor, tableNameFor } from '../sheet/table-names.ts';
import type { Capabilities } from './capabilities.ts';
import { queueInputFormats, queueSystemFormats, queueTemplateExtras } from './sheet-format.ts';
import type { Progress } from '../sheet/sync-memory.ts';
import type { CreatedSheet } from '../taskpane/host.ts';
import { writeInBatches } from './write-batches.ts';

export const TABLE_STYLE = 'TableStyleLight9';

export async function createLedgerSheet(
  ledger: LedgerDefinition,
  capabilities: Capabilities,
  options: { title?: string; rows?: RowResult[]; progress?: Progress } = {},
): Promise<CreatedSheet> {
  const progress = options.progress ?? (() => undefined);
  const rows = options.rows ?? [];
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const tables = context.workbook.tables;
    tables.load('items/name');
    await context.sync();

    const sheetName = sheetNameFor(
      options.title ?? ledger.name,
      sheets.items.map((sheet) => sheet.name),
    );
    const tableName = tableNameFor(
      ledger.id,
      tables.items.map((table) => table.name),
    );
    const layout = templateLayout(ledger);
    const sheet = sheets.add(sheetName);
    const bodyRows = Math.max(rows.length, 1);
    const place = { sheet, headerRow: 0, firstColumn: 0, bodyRows };
    queueInputFormats(place, layout);
    sheet.getRange(localAddress(0, 0, 1, layout.slots.length)).values = [layout.slots.map(headerOf)];
    const table = sheet.tables.add(localAddress(0, 0, 1 + bodyRows, layout.slots.length), true);
    table.name = tableName;
    table.style = TABLE_STYLE;
    table.load('id');
    queueSystemFormats(place, layout, capabilities);
    queueTemplateExtras(place, layout, capabilities);
    sheet.activate();

    const values = rows.map((row) =>
      layout.slots.map((slot) => {
        if (slot.kind === 'input') return storedCellValue(row.values?.[slot.column.id]);
        if (slot.kind === 'rowId') return row.rowId;
        if (slot.kind === 'rev') return row.rev;
        if (slot.kind === 'system') return systemCellValue(slot.column.type, row.status[slot.column.id]);
        return '';
      }),
    );
    const blocks = values.length > 0 ? [{ row: 0, column: 0, values }] : [];
    progress(0.3, rows.length > 0 ? `正在写入 ${rows.length} 行…` : '正在创建表格…');
    await writeInBatches(context, sheet, { row: 1, column: 0 }, batchWrites(blocks, EXCEL_DATA_BUDGET, 64 * 1024), (done, total) =>
      progress(0.3 + (0.7 * done) / total, `正在写入 ${rows.length} 行…`),
    );
    progress(1, '完成');
    const fingerprints = new Map(rows.map((row) => [row.rowId, fingerprintOfStored(layout, row.values)]));
    return { sheetName, tableName, tableKey: table.id, rows: rows.length, fingerprints };
  });
}
