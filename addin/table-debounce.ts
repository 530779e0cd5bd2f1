// Automatic sync's timing, the same in every host: a table's changes are collected until the clerk
// has stopped typing for a moment, then the table is synced; a change during its sync syncs it again.

export const AUTO_SYNC_DELAY_MS = 2000;

export class TableDebounce {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();
  private live = true;

  constructor(
    private readonly syncTable: (tableKey: string) => Promise<void>,
    private readonly delayMs = AUTO_SYNC_DELAY_MS,
  ) {}

  changed(tableKey: string): void {
    this.live = true;
    const pending = this.timers.get(tableKey);
    if (pending) clearTimeout(pending);
    this.timers.set(
      tableKey,
      setTimeout(() => void this.run(tableKey), this.delayMs),
    );
  }

  /** Drops the changes not yet synced; a sync under way finishes but is not repeated. */
  cancel(): void {
    this.live = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async run(tableKey: string): Promise<void> {
    this.timers.delete(tableKey);
    if (this.running.has(tableKey)) {
      this.again.add(tableKey);
      return;
    }
    this.running.add(tableKey);
    try {
      await this.syncTable(tableKey);
    } finally {
      this.running.delete(tableKey);
      if (this.again.delete(tableKey) && this.live) void this.run(tableKey);
    }
  }
}
