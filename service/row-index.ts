// Indexes over a ledger's stored rows (e.g. 终本 closures by respondent, rows by natural key), built
// once and kept up to date commit by commit, so a one-row edit does not walk every row.

import type { StoredRow } from './store/store.ts';

export type IndexEntries<V> = (row: StoredRow) => Array<[key: string, value: V]>;

export class RowIndex<V> {
  private readonly byKey = new Map<string, Map<string, V>>();
  private readonly keysOfRow = new Map<string, string[]>();

  constructor(private readonly entries: IndexEntries<V>) {}

  static over<V>(rows: Iterable<StoredRow>, entries: IndexEntries<V>): RowIndex<V> {
    const index = new RowIndex(entries);
    for (const row of rows) index.update(row);
    return index;
  }

  /** Replaces whatever the index held for this row with the row's current entries. */
  update(row: StoredRow): void {
    for (const key of this.keysOfRow.get(row.rowId) ?? []) this.byKey.get(key)?.delete(row.rowId);
    const entries = this.entries(row);
    for (const [key, value] of entries) {
      let rows = this.byKey.get(key);
      if (!rows) this.byKey.set(key, (rows = new Map()));
      rows.set(row.rowId, value);
    }
    if (entries.length > 0) this.keysOfRow.set(row.rowId, entries.map(([key]) => key));
    else this.keysOfRow.delete(row.rowId);
  }

  get(key: string): Array<{ rowId: string; value: V }> {
    return [...(this.byKey.get(key) ?? [])].map(([rowId, value]) => ({ rowId, value }));
  }
}
