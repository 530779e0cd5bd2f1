// Stored rows as the rules read them: normalised once per row version, and indexed (by natural
// key, and by whatever a ledger's rules ask for) with indexes kept up to date commit by commit.

import type { AnyLedger, ColumnDef, LedgerView, RowIndexDef, RowValues } from './domain/ledger.ts';
import { findLedger } from './domain/ledgers/index.ts';
import type { Problem, RawValue } from './domain/problem.ts';
import { normalizeRow } from './domain/row.ts';
import type { PendingRows } from './pending-rows.ts';
import { RowIndex, type IndexEntries } from './domain/row-index.ts';
import { dependencyKey } from './evaluations.ts';
import type { Store, StoredRow } from './store/store.ts';

export interface Normalized {
  values: RowValues;
  problems: Problem[];
}

const NATURAL_KEY = '#naturalKey';

export class StoredRows {
  private readonly normalized = new WeakMap<StoredRow, Normalized>();
  private readonly keys = new WeakMap<StoredRow, string | null>();
  private readonly indexes = new Map<string, Map<string, RowIndex<unknown, StoredRow>>>();
  private readonly keyColumns = new WeakMap<AnyLedger, ColumnDef[]>();

  constructor(
    private readonly store: Store,
    private readonly timeZone: string,
  ) {}

  normalize(ledger: AnyLedger, row: StoredRow): Normalized {
    let normalized = this.normalized.get(row);
    if (!normalized) {
      normalized = normalizeRow(ledger.columns, row.values, this.timeZone);
      this.normalized.set(row, normalized);
    }
    return normalized;
  }

  /** Keeps a normalisation already made for a new version of a row. */
  remember(row: StoredRow, normalized: Normalized): void {
    this.normalized.set(row, normalized);
  }

  /** The normalised values of a ledger's key columns only, from a row as sent over the stored row it names. */
  keyValues(ledger: AnyLedger, sent: Record<string, RawValue>, stored?: Record<string, RawValue>): RowValues {
    let columns = this.keyColumns.get(ledger);
    if (!columns) this.keyColumns.set(ledger, (columns = ledger.columns.filter((column) => ledger.key.includes(column.id))));
    // Only the key columns, each as sent or else as stored: no copy of the whole row.
    const raw: Record<string, RawValue> = {};
    for (const column of columns) raw[column.id] = column.id in sent ? sent[column.id] : stored?.[column.id];
    return normalizeRow(columns, raw, this.timeZone).values;
  }

  naturalKey(ledger: AnyLedger, values: RowValues): string | null {
    const parts = ledger.key.map((column) => values[column]);
    return parts.every((part) => part !== null && part !== undefined && part !== '') ? JSON.stringify(parts) : null;
  }

  /** A stored row's natural key, made once per row version: a sync names most of its rows unchanged. */
  keyOf(ledger: AnyLedger, row: StoredRow): string | null {
    let key = this.keys.get(row);
    if (key === undefined) {
      key = this.naturalKey(ledger, this.normalize(ledger, row).values);
      this.keys.set(row, key);
    }
    return key;
  }

  /** Stored rows with this natural key, deleted ones included: live before deleted, older first. */
  withNaturalKey(ledger: AnyLedger, key: string): StoredRow[] {
    const index = this.index<StoredRow>(ledger.id, NATURAL_KEY, (row) => {
      const rowKey = this.keyOf(ledger, row);
      return rowKey === null ? [] : [[rowKey, row]];
    });
    const rows = index.values(key);
    return rows.length < 2
      ? rows
      : rows.sort((a, b) => Number(!!a.deleted) - Number(!!b.deleted) || a.createdAt.localeCompare(b.createdAt));
  }

  /**
   * After a commit: every index of the ledger takes the changed rows. Answers the keys under which
   * the changed rows were or are now (see dependencyKey): the lookups whose answer may have changed.
   */
  committed(ledgerId: string, changed: StoredRow[]): string[] {
    const touched: string[] = [];
    for (const [name, index] of this.indexes.get(ledgerId) ?? []) {
      for (const row of changed) for (const key of index.update(row)) touched.push(dependencyKey(ledgerId, name, key));
    }
    return touched;
  }

  /**
   * The dependency keys rows not yet committed would touch (see committed): a kept evaluation that
   * looked one up is stale for the request that holds them.
   */
  touchedBy(ledgerId: string, changed: StoredRow[]): Set<string> {
    const touched = new Set<string>();
    for (const [name, index] of this.indexes.get(ledgerId) ?? []) {
      const touch = (key: string) => touched.add(dependencyKey(ledgerId, name, key));
      for (const row of changed) index.forKeysTouchedBy(row, touch);
    }
    return touched;
  }

  /** The view a request's rules read: the committed rows, with the request's pending changes over them. */
  view(pending: PendingRows | null): LedgerView {
    const overlays = new Map<string, { index: RowIndex<unknown, StoredRow>; rowIds: Set<string> }>();
    return {
      lookup: <V>(ledgerId: string, definition: RowIndexDef<V>, key: string) => {
        const ledger = findLedger(ledgerId);
        if (!ledger) return [];
        const entries = this.liveEntries(ledger, definition);
        const committed = this.index(ledgerId, definition.name, entries).get(key);
        if (!pending || pending.ledgerId !== ledgerId) return committed;
        let overlay = overlays.get(definition.name);
        if (!overlay) {
          const changed = pending.changed();
          overlay = { index: RowIndex.over(changed, entries), rowIds: new Set(changed.map((row) => row.rowId)) };
          overlays.set(definition.name, overlay);
        }
        const { rowIds } = overlay;
        const changed = (overlay.index as RowIndex<V, StoredRow>).get(key);
        // Most lookups find no committed row the request changed, or no changed row at all: nothing to copy then.
        const kept = committed.some((entry) => rowIds.has(entry.rowId)) ? committed.filter((entry) => !rowIds.has(entry.rowId)) : committed;
        return changed.length === 0 ? kept : kept.length === 0 ? changed : [...kept, ...changed];
      },
    };
  }

  private liveEntries<V>(ledger: AnyLedger, definition: RowIndexDef<V>): IndexEntries<V, StoredRow> {
    return (row) => (row.deleted ? [] : definition.entries(this.normalize(ledger, row).values));
  }

  /** The index over the committed rows, built on first use. */
  private index<V>(ledgerId: string, name: string, entries: IndexEntries<V, StoredRow>): RowIndex<V, StoredRow> {
    let ofLedger = this.indexes.get(ledgerId);
    if (!ofLedger) this.indexes.set(ledgerId, (ofLedger = new Map()));
    let index = ofLedger.get(name);
    if (!index) {
      index = RowIndex.over(this.store.rows(ledgerId).values(), entries);
      ofLedger.set(name, index);
    }
    return index as RowIndex<V, StoredRow>;
  }
}
