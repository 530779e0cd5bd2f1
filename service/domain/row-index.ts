// Indexes over a ledger's rows (e.g. 终本 closures by respondent, rows by natural key), built once
// and kept up to date row by row: the service keeps one per stored ledger so a one-row edit does not
// walk every row, and the weekly report builds a fixed one over the rows as they stood on a past day.

export type IndexEntries<V, R extends { rowId: string }> = (row: R) => Array<[key: string, value: V]>;

export class RowIndex<V, R extends { rowId: string } = { rowId: string }> {
  private readonly byKey = new Map<string, Map<string, V>>();
  private readonly keysOfRow = new Map<string, string[]>();

  constructor(private readonly entries: IndexEntries<V, R>) {}

  /** An index over rows with distinct rowIds (a ledger's), each taken once: nothing to replace, so nothing is looked up first. */
  static over<V, R extends { rowId: string }>(rows: Iterable<R>, entries: IndexEntries<V, R>): RowIndex<V, R> {
    const index = new RowIndex(entries);
    for (const row of rows) index.add(row, entries(row));
    return index;
  }

  /** Replaces whatever the index held for this row with the row's current entries; answers the keys it held before and holds now. */
  update(row: R): string[] {
    const before = this.keysOfRow.get(row.rowId) ?? [];
    for (const key of before) this.byKey.get(key)?.delete(row.rowId);
    const entries = this.entries(row);
    this.add(row, entries);
    if (entries.length === 0) this.keysOfRow.delete(row.rowId);
    return entries.length === 0 ? before : [...before, ...entries.map(([key]) => key)];
  }

  private add(row: R, entries: Array<[key: string, value: V]>): void {
    if (entries.length === 0) return;
    for (const [key, value] of entries) {
      let rows = this.byKey.get(key);
      if (!rows) this.byKey.set(key, (rows = new Map()));
      rows.set(row.rowId, value);
    }
    this.keysOfRow.set(
      row.rowId,
      entries.map(([key]) => key),
    );
  }

  /** Each key this row's entry would move between if the index took it: those it holds now and those it would hold. */
  forKeysTouchedBy(row: R, visit: (key: string) => void): void {
    for (const key of this.keysOfRow.get(row.rowId) ?? []) visit(key);
    for (const [key] of this.entries(row)) visit(key);
  }

  /** The values under a key, without their rowIds. */
  values(key: string): V[] {
    const rows = this.byKey.get(key);
    return rows ? [...rows.values()] : [];
  }

  get(key: string): Array<{ rowId: string; value: V }> {
    const found: Array<{ rowId: string; value: V }> = [];
    for (const [rowId, value] of this.byKey.get(key) ?? []) found.push({ rowId, value });
    return found;
  }
}

/**
 * An index over rows taken once and never updated (the weekly report's rows as they stood on a past
 * day): a list of entries per key, without the per-row bookkeeping an updated index needs. Given
 * `keyOf` (an index with at most one key per row), it files the rows by key and makes a key's
 * entries when it is first looked up: the report looks up a few thousand of 100,000 case numbers.
 * Its lists are shared with every lookup, so they are read, never changed.
 */
export class FixedRowIndex<V, R extends { rowId: string } = { rowId: string }> {
  private readonly byKey = new Map<string, Array<{ rowId: string; value: V }>>();
  private readonly rowsByKey = new Map<string, R | R[]>();

  constructor(
    rows: Iterable<R>,
    private readonly entries: IndexEntries<V, R>,
    keyOf?: (row: R) => string | null,
  ) {
    if (keyOf) {
      for (const row of rows) {
        const key = keyOf(row);
        if (key === null) continue;
        const filed = this.rowsByKey.get(key);
        if (filed === undefined) this.rowsByKey.set(key, row);
        else if (Array.isArray(filed)) filed.push(row);
        else this.rowsByKey.set(key, [filed, row]);
      }
      return;
    }
    for (const row of rows) for (const [key, value] of entries(row)) this.file(key, row.rowId, value);
  }

  private file(key: string, rowId: string, value: V): void {
    const found = this.byKey.get(key);
    if (found) found.push({ rowId, value });
    else this.byKey.set(key, [{ rowId, value }]);
  }

  get(key: string): ReadonlyArray<{ rowId: string; value: V }> {
    const filed = this.rowsByKey.get(key);
    if (filed !== undefined) {
      this.rowsByKey.delete(key);
      for (const row of Array.isArray(filed) ? filed : [filed]) for (const [, value] of this.entries(row)) this.file(key, row.rowId, value);
    }
    return this.byKey.get(key) ?? NONE;
  }
}

const NONE: ReadonlyArray<never> = Object.freeze([]);
