// Actions on single rows found by 行ID in WPS 表格: selecting a problem cell from the summary
// list, and 采用对方的 (the stored version into the clerk's cells, by their choice).

import type { LedgerDefinition } from '../../client/contract.ts';
import { UserError } from '../sheet/errors.ts';
import { columnIndexOf } from '../sheet/layout.ts';
import { storedVersionBlocks, type StoredVersion } from '../sheet/stored-version.ts';
import type { SyncMemory } from '../sheet/sync-memory.ts';
import { locateLedgerTable, readRowPositions, readTableShape } from './ledger-table.ts';
import { writeBlock } from './sync.ts';

interface RowsDeps {
  ledgers: LedgerDefinition[];
  memory: SyncMemory;
}

/** Selects the cell of a row's column (the first clerk column when the column is not in the table). */
export function selectRowCell(tableKey: string, rowId: string, columnId: string, deps: RowsDeps): void {
  const shape = readTableShape(locateLedgerTable(deps.ledgers, tableKey), deps.memory.marks);
  const position = readRowPositions(shape).get(rowId);
  if (position === undefined) throw new UserError('找不到这一行：它可能已被删除，请重新同步');
  const layout = shape.header.layout;
  const found = columnIndexOf(layout, columnId);
  const column = found >= 0 ? found : layout.slots.findIndex((slot) => slot.kind === 'input');
  shape.sheet.Activate();
  shape.sheet.Cells.Item(shape.bodyRow + position + 1, shape.bodyColumn + column + 1).Select();
}

/** 采用对方的: the stored values replace the clerk's, with the stored revision and statuses. */
export function acceptStoredVersions(tableKey: string, versions: StoredVersion[], deps: RowsDeps): number {
  const located = locateLedgerTable(deps.ledgers, tableKey);
  const shape = readTableShape(located, deps.memory.marks);
  const byId = readRowPositions(shape);
  const blocks = versions.flatMap((version) => {
    const position = byId.get(version.rowId);
    return position === undefined ? [] : storedVersionBlocks(shape.header.layout, position, version);
  });
  if (blocks.length === 0) throw new UserError('找不到这些行：它们可能已被删除，请重新同步');
  for (const written of blocks) writeBlock(shape.sheet, shape, written);
  const fingerprints = deps.memory.fingerprints.get(located.key);
  for (const version of versions) fingerprints?.delete(version.rowId);
  return versions.filter((version) => byId.has(version.rowId)).length;
}
