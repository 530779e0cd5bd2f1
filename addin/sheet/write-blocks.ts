// The 2-D arrays a sync writes: only system columns and the hidden 行ID/版本, never a clerk's
// column. Consecutive rows share one block per run of written columns, so a full sync of a table
// the add-in created is a single write.

import type { RowResult } from '../../client/contract.ts';
import { serviceText, systemCellValue } from './cell-values.ts';
import { columnIndexOf, positionRuns, writeSpans, type TableLayout } from './layout.ts';

export type RowWrite =
  /** The service's answer for the row: identity, revision and statuses. */
  | { kind: 'result'; result: RowResult }
  /** A blank row: statuses and identity emptied, so whatever is typed there next is a new row. */
  | { kind: 'clear' }
  /** A conflict: the clerk's cells and revision stay; only 校验意见 says what happened. */
  | { kind: 'conflict'; message: string };

export interface WriteBlock {
  /** Zero-based row within the table body. */
  row: number;
  /** Zero-based column within the table. */
  column: number;
  values: Array<Array<string | number | boolean>>;
}

export const REMARKS_COLUMN = 'remarks';

function cellsOf(layout: TableLayout, write: RowWrite, start: number, end: number): Array<string | number | boolean> {
  const cells: Array<string | number | boolean> = [];
  for (let index = start; index <= end; index += 1) {
    const slot = layout.slots[index];
    if (write.kind !== 'result') cells.push('');
    else if (slot.kind === 'rowId') cells.push(write.result.rowId);
    else if (slot.kind === 'rev') cells.push(write.result.rev);
    else if (slot.kind === 'system') cells.push(systemCellValue(slot.column.type, write.result.status[slot.column.id]));
    else cells.push('');
  }
  return cells;
}

/**
 * The cells of answered rows, made as each part of a sync is answered: while the service judges the
 * next part, rather than after the last.
 */
export class RowCells {
  private readonly made = new WeakMap<RowResult, WriteBlock['values']>();
  readonly spans: Array<{ start: number; end: number }>;

  constructor(readonly layout: TableLayout) {
    this.spans = writeSpans(layout);
  }

  add(results: readonly RowResult[]): void {
    for (const result of results) {
      const write: RowWrite = { kind: 'result', result };
      this.made.set(
        result,
        this.spans.map((span) => cellsOf(this.layout, write, span.start, span.end)),
      );
    }
  }

  /** A row's cells in the `index`th span. */
  of(write: RowWrite, index: number): WriteBlock['values'][number] {
    const made = write.kind === 'result' ? this.made.get(write.result) : undefined;
    const span = this.spans[index];
    return made?.[index] ?? cellsOf(this.layout, write, span.start, span.end);
  }
}

export function buildWriteBlocks(layout: TableLayout, writes: ReadonlyMap<number, RowWrite>, cells = new RowCells(layout)): WriteBlock[] {
  const blocks: WriteBlock[] = [];
  const full = [...writes].filter(([, write]) => write.kind !== 'conflict').map(([position]) => position);
  for (const run of positionRuns(full)) {
    cells.spans.forEach((span, index) => {
      const values: WriteBlock['values'] = [];
      for (let position = run.start; position <= run.end; position += 1) values.push(cells.of(writes.get(position)!, index));
      blocks.push({ row: run.start, column: span.start, values });
    });
  }
  const remarks = columnIndexOf(layout, REMARKS_COLUMN);
  if (remarks >= 0) {
    for (const [position, write] of writes) {
      if (write.kind === 'conflict') blocks.push({ row: position, column: remarks, values: [[serviceText(write.message)]] });
    }
  }
  return blocks;
}
