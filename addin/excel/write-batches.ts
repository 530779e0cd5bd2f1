// Writing 2-D blocks in batches that each stay under Excel on the web's payload limit. A table
// under the limit (10,000 ordinary rows are) is written in a single batch.

import { localAddress } from '../sheet/addresses.ts';
import type { WriteBlock } from '../sheet/write-blocks.ts';

export interface Origin {
  row: number;
  column: number;
}

export function queueBlock(sheet: Excel.Worksheet, origin: Origin, block: WriteBlock): void {
  const range = sheet.getRange(
    localAddress(origin.row + block.row, origin.column + block.column, block.values.length, block.values[0].length),
  );
  range.values = block.values;
}

/**
 * Queues each batch and syncs it. Whatever the caller queued before is sent with the first batch.
 * With no batches at all, the caller's queued commands are still synced once.
 */
export async function writeInBatches(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  origin: Origin,
  batches: WriteBlock[][],
  onBatch?: (done: number, total: number) => void,
): Promise<void> {
  if (batches.length === 0) {
    await context.sync();
    return;
  }
  for (const [index, batch] of batches.entries()) {
    for (const block of batch) queueBlock(sheet, origin, block);
    // One sync per 4 MB batch: Excel on the web refuses bigger requests; a table under the limit is one batch.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- see above
    await context.sync();
    onBatch?.(index + 1, batches.length);
  }
}

/**
 * Sets one value on every cell of a range. Excel accepts a single value for `numberFormat` and
 * `values` and applies it to all cells; the type declarations only describe the 2-D form.
 */
export function setForAllCells(range: Excel.Range, property: 'numberFormat' | 'values', value: string | number): void {
  (range as unknown as Record<string, string | number>)[property] = value;
}
