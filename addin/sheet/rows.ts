// The rows of a ledger table as the clerk typed them, and which of them a sync sends.
// A row's identity is its hidden 行ID, which moves with the row when the clerk sorts or filters.

import type { CellInput, SyncRowRequest, UnchangedRowRequest } from '../../client/contract.ts';
import { inputValue } from './cell-values.ts';
import type { ColumnSpan, TableLayout } from './layout.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SheetRow {
  /** Zero-based row within the table body. */
  position: number;
  rowId: string | null;
  rev: number | null;
  values: Record<string, CellInput>;
  /** The clerk's values as one string: a changed fingerprint is a changed row. */
  fingerprint: string;
  /** No clerk value at all: not sent, and its statuses and identity are cleared. */
  blank: boolean;
  /** The row had a 行ID another row above already has (a copied row); it is sent as a new row. */
  copiedId: boolean;
  /** What the 行ID cell holds, copied or not: compared to see whether rows moved meanwhile. */
  idCell: string | null;
}

/**
 * Reads rows from the values of the read span (see layout.readSpan). A 行ID seen twice keeps its
 * identity on the first row only, so a copied row never overwrites the row it was copied from.
 */
export function sheetRows(layout: TableLayout, span: ColumnSpan, block: unknown[][]): SheetRow[] {
  const seen = new Set<string>();
  return block.map((cells, position) => {
    const values: Record<string, CellInput> = {};
    const ordered: CellInput[] = [];
    let rowId: string | null = null;
    let rev: number | null = null;
    for (let index = span.start; index <= span.end; index += 1) {
      const slot = layout.slots[index];
      const cell = cells[index - span.start];
      if (slot.kind === 'input') {
        const value = inputValue(cell);
        values[slot.column.id] = value;
        ordered.push(value);
      } else if (slot.kind === 'rowId') {
        rowId = idOfCell(cell);
      } else if (slot.kind === 'rev') {
        const number = typeof cell === 'number' ? cell : Number(String(cell ?? '').trim() || NaN);
        if (Number.isInteger(number) && number >= 0) rev = number;
      }
    }
    const idCell = rowId;
    let copiedId = false;
    if (rowId !== null && seen.has(rowId)) {
      copiedId = true;
      rowId = null;
      rev = null;
    }
    if (rowId !== null) seen.add(rowId);
    return {
      position,
      rowId,
      rev,
      values,
      fingerprint: fingerprintOf(ordered),
      blank: ordered.every((value) => value === null),
      copiedId,
      idCell,
    };
  });
}

/** A row's clerk values, in the table's column order, as one comparable string. */
export function fingerprintOf(ordered: CellInput[]): string {
  return JSON.stringify(ordered);
}

/** The fingerprint a row will have once written into a table of this layout (分案清单). */
export function fingerprintOfStored(layout: TableLayout, values: Record<string, CellInput> | undefined): string {
  return fingerprintOf(layout.slots.flatMap((slot) => (slot.kind === 'input' ? [inputValue(values?.[slot.column.id] ?? null)] : [])));
}

export interface SyncPlanEntry {
  position: number;
  request: SyncRowRequest;
  /** What is sent instead of `request` for a row unchanged since the service answered it ok. */
  unchanged?: UnchangedRowRequest;
  fingerprint: string;
}

export interface SyncPlan {
  entries: SyncPlanEntry[];
  /** Blank rows: their system cells and identity are cleared, nothing is sent. */
  blank: number[];
}

export type SyncScope =
  /** Every row; those whose fingerprint is still the one answered ok (`answeredOk`) named unchanged. */
  | { kind: 'all'; answeredOk?: ReadonlyMap<string, string> }
  /** Rows new or changed since the fingerprints of the last sync (automatic sync). */
  | { kind: 'changed'; synced: ReadonlyMap<string, string> }
  /** 保留我的: the listed rows, resent over the stored revision the conflict reported. */
  | { kind: 'override'; revisions: ReadonlyMap<string, number> };

export function planSync(rows: SheetRow[], scope: SyncScope): SyncPlan {
  const entries: SyncPlanEntry[] = [];
  const blank: number[] = [];
  for (const row of rows) {
    if (row.blank) {
      if (scope.kind === 'all' || (scope.kind === 'changed' && row.rowId !== null)) blank.push(row.position);
      continue;
    }
    if (scope.kind === 'changed' && row.rowId !== null && scope.synced.get(row.rowId) === row.fingerprint) continue;
    if (scope.kind === 'override' && (row.rowId === null || !scope.revisions.has(row.rowId))) continue;
    const rev = scope.kind === 'override' && row.rowId !== null ? scope.revisions.get(row.rowId) : row.rev;
    const request: SyncRowRequest = { values: row.values };
    if (row.rowId !== null) request.rowId = row.rowId;
    if (row.rowId !== null && rev !== null && rev !== undefined) request.rev = rev;
    const entry: SyncPlanEntry = { position: row.position, request, fingerprint: row.fingerprint };
    if (scope.kind === 'all' && row.rowId !== null && row.rev !== null && scope.answeredOk?.get(row.rowId) === row.fingerprint)
      entry.unchanged = { rowId: row.rowId, rev: row.rev };
    entries.push(entry);
  }
  return { entries, blank };
}

/** Whether the 行ID column still reads as it did when the rows were sent. */
export function sameIds(before: Array<string | null>, now: Array<string | null>): boolean {
  return before.length === now.length && before.every((id, index) => id === now[index]);
}

/** The 行ID cell's content as sheetRows reads it. */
export function idOfCell(cell: unknown): string | null {
  return typeof cell === 'string' && UUID.test(cell.trim()) ? cell.trim().toLowerCase() : null;
}

/**
 * Where each sent row is now. Normally nothing moved while the service answered; if the clerk
 * sorted or inserted rows meanwhile, rows are found again by 行ID, and new rows by their values.
 * A row not found is not written (the next sync will do it).
 */
export function relocate(entries: SyncPlanEntry[], now: SheetRow[]): Map<number, number> {
  const moved = new Map<number, number>();
  const byId = new Map<string, number>();
  for (const row of now) {
    if (row.rowId !== null) byId.set(row.rowId, row.position);
  }
  const freeByFingerprint = new Map<string, number[]>();
  for (const row of now) {
    if (row.rowId !== null) continue;
    const list = freeByFingerprint.get(row.fingerprint) ?? [];
    list.push(row.position);
    freeByFingerprint.set(row.fingerprint, list);
  }
  for (const entry of entries) {
    const rowId = entry.request.rowId;
    const found = rowId ? byId.get(rowId) : freeByFingerprint.get(entry.fingerprint)?.shift();
    if (found !== undefined) moved.set(entry.position, found);
  }
  return moved;
}
