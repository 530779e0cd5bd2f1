// Actions on single rows found by 行ID: selecting a problem cell from the summary list, and
// 采用对方的 (take the stored version of a conflicting row into the clerk's cells, by their choice).

import type { LedgerDefinition } from '../../client/contract.ts';
import type { StoredVersion } from '../sheet/stored-version.ts';
import { localAddress } from '../sheet/addresses.ts';
import { batchWrites, EXCEL_DATA_BUDGET } from '../sheet/chunks.ts';
import { columnIndexOf } from '../sheet/layout.ts';
import { storedVersionBlocks } from '../sheet/stored-version.ts';
import type { Capabilities } from './capabilities.ts';
import { UserError } from './errors.ts';
import { locateLedgerTable, readRowPositions, readTableShape } from './ledger-table.ts';
import type { SyncMemory } from '../sheet/sync-memory.ts';
import { writeInBatches } from './write-batches.ts';

interface RowsDeps {
  ledgers: LedgerDefinition[];
  capabilities: Capabilities;
  memory: SyncMemory;
}

/** Selects the cell of a row's column (the first clerk column when the column is not in the table). */
export async function selectRowCell(tableKey: string, rowId: string, columnId: string, deps: RowsDeps): Promise<void> {
  await Excel.run(async (context) => {
    const located = await locateLedgerTable(context, deps.ledgers, tableKey);
    const shape = await readTableShape(context, located, deps.capabilities, deps.memory.marks);
    const position = (await readRowPositions(context, shape)).get(rowId);
    if (position === undefined) throw new UserError('找不到这一行：它可能已被删除，请重新同步');
    const layout = shape.header.layout;
    const found = columnIndexOf(layout, columnId);
    const column = found >= 0 ? found : layout.slots.findIndex((slot) => slot.kind === 'input');
    shape.sheet.activate();
    shape.sheet.getRange(localAddress(shape.bodyRow + position, shape.bodyColumn + column)).select();
    await context.sync();
  });
}

/** 采用对方的: the stored values replace the clerk's, with the stored revision and statuses. */
export async function acceptStoredVersions(tableKey: string, versions: StoredVersion[], deps: RowsDeps): Promise<number> {
  return Excel.run(async (context) => {
    const located = await locateLedgerTable(context, deps.ledgers, tableKey);
    const shape = await readTableShape(context, located, deps.capabilities, deps.memory.marks);
    const byId = await readRowPositions(context, shape);
    const blocks = versions.flatMap((version) => {
      const position = byId.get(version.rowId);
      return position === undefined ? [] : storedVersionBlocks(shape.header.layout, position, version);
    });
    if (blocks.length === 0) throw new UserError('找不到这些行：它们可能已被删除，请重新同步');
    await writeInBatches(context, shape.sheet, { row: shape.bodyRow, column: shape.bodyColumn }, batchWrites(blocks, EXCEL_DATA_BUDGET));
    const fingerprints = deps.memory.fingerprints.get(located.key);
    for (const version of versions) fingerprints?.delete(version.rowId);
    return versions.filter((version) => byId.has(version.rowId)).length;
  });
}
