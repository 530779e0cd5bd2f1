// The rows of one ledger as a sync request changes them: the committed rows with this request's
// changes laid over them, so that nothing is copied and the changes are known without a scan.

import type { StoredRow } from './store/store.ts';

export class PendingRows {
  private readonly changes = new Map<string, StoredRow>();

  constructor(
    readonly ledgerId: string,
    private readonly committed: ReadonlyMap<string, StoredRow>,
  ) {}

  get(rowId: string): StoredRow | undefined {
    return this.changes.get(rowId) ?? this.committed.get(rowId);
  }

  has(rowId: string): boolean {
    return this.changes.has(rowId) || this.committed.has(rowId);
  }

  set(row: StoredRow): void {
    this.changes.set(row.rowId, row);
  }

  isChanged(rowId: string): boolean {
    return this.changes.has(rowId);
  }

  changed(): StoredRow[] {
    return [...this.changes.values()];
  }

  *all(): Iterable<StoredRow> {
    for (const row of this.committed.values()) yield this.changes.get(row.rowId) ?? row;
    for (const row of this.changes.values()) if (!this.committed.has(row.rowId)) yield row;
  }
}
