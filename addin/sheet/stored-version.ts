// 采用对方的, in cells: the blocks that put a row's stored version over the clerk's (any host).

import type { CellInput, RowResult } from '../../client/contract.ts';
import { storedCellValue } from './cell-values.ts';
import type { TableLayout } from './layout.ts';
import { buildWriteBlocks, type WriteBlock } from './write-blocks.ts';

export interface StoredVersion {
  rowId: string;
  rev: number;
  values: Record<string, CellInput>;
  status: Record<string, string | number | null>;
}

/** Blocks that put a stored version into a row: the clerk's columns present in the table, then its statuses. */
export function storedVersionBlocks(layout: TableLayout, position: number, version: StoredVersion): WriteBlock[] {
  const inputs: WriteBlock[] = [];
  layout.slots.forEach((slot, index) => {
    if (slot.kind !== 'input') return;
    const value = storedCellValue(version.values[slot.column.id]);
    const last = inputs[inputs.length - 1];
    if (last && last.column + last.values[0].length === index) last.values[0].push(value);
    else inputs.push({ row: position, column: index, values: [[value]] });
  });
  const result: RowResult = { rowId: version.rowId, rev: version.rev, state: 'ok', errors: [], status: version.status };
  return [...inputs, ...buildWriteBlocks(layout, new Map([[position, { kind: 'result', result }]]))];
}
