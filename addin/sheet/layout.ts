// Where each ledger column sits in a sheet's table, and the blocks the add-in reads and writes.
// Layout of a table the add-in creates: the clerk's columns, the hidden 行ID and 版本, then the
// system columns, so one range holds everything read and one range everything written.

import type { LedgerColumn, LedgerDefinition } from '../../client/contract.ts';

export const ROW_ID_HEADER = '行ID';
export const REV_HEADER = '版本';

export type Slot =
  | { kind: 'input'; column: LedgerColumn }
  | { kind: 'system'; column: LedgerColumn }
  | { kind: 'rowId' }
  | { kind: 'rev' }
  | { kind: 'other'; header: string };

export interface TableLayout {
  slots: Slot[];
}

export interface ColumnSpan {
  start: number;
  /** Inclusive. */
  end: number;
}

export function headerOf(slot: Slot): string {
  if (slot.kind === 'rowId') return ROW_ID_HEADER;
  if (slot.kind === 'rev') return REV_HEADER;
  if (slot.kind === 'other') return slot.header;
  return slot.column.header;
}

/** The layout of a table the add-in creates for a ledger (新建台账, 拉取分案清单). */
export function templateLayout(ledger: LedgerDefinition): TableLayout {
  return {
    slots: [
      ...ledger.columns.filter((column) => !column.system).map((column): Slot => ({ kind: 'input', column })),
      { kind: 'rowId' },
      { kind: 'rev' },
      ...ledger.columns.filter((column) => column.system).map((column): Slot => ({ kind: 'system', column })),
    ],
  };
}

export function slotIndex(layout: TableLayout, predicate: (slot: Slot) => boolean): number {
  return layout.slots.findIndex(predicate);
}

export function columnIndexOf(layout: TableLayout, columnId: string): number {
  return slotIndex(layout, (slot) => (slot.kind === 'input' || slot.kind === 'system') && slot.column.id === columnId);
}

/** The one range read per sync: from the first clerk column to the last of them and 行ID/版本. */
export function readSpan(layout: TableLayout): ColumnSpan | null {
  const wanted = layout.slots
    .map((slot, index) => (slot.kind === 'input' || slot.kind === 'rowId' || slot.kind === 'rev' ? index : -1))
    .filter((index) => index >= 0);
  if (wanted.length === 0) return null;
  return { start: Math.min(...wanted), end: Math.max(...wanted) };
}

/** Contiguous runs of written columns (system, 行ID, 版本): one 2-D write per run. */
export function writeSpans(layout: TableLayout): ColumnSpan[] {
  const spans: ColumnSpan[] = [];
  layout.slots.forEach((slot, index) => {
    if (slot.kind !== 'system' && slot.kind !== 'rowId' && slot.kind !== 'rev') return;
    const last = spans[spans.length - 1];
    if (last && last.end === index - 1) last.end = index;
    else spans.push({ start: index, end: index });
  });
  return spans;
}

/** Runs of consecutive positions, so a sync of a few scattered rows writes only those rows. */
export function positionRuns(positions: number[]): ColumnSpan[] {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const runs: ColumnSpan[] = [];
  for (const position of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.end === position - 1) last.end = position;
    else runs.push({ start: position, end: position });
  }
  return runs;
}
