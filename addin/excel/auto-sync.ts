// Automatic sync on change (ExcelApi 1.7 table events): a table's changes are collected for a
// moment after the clerk stops typing, then only the changed rows are synced. The add-in's own
// writes (system columns) and other people's edits (co-authoring) do not start a sync.

import { parseAddress } from '../sheet/addresses.ts';

export const AUTO_SYNC_DELAY_MS = 2000;

export class AutoSync {
  private handler: OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs> | null = null;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();

  constructor(
    private readonly syncTable: (tableId: string) => Promise<void>,
    /** Sheet columns the add-in writes in a table, known after its first sync. */
    private readonly writtenColumns: (tableId: string) => ReadonlySet<number> | undefined,
    private readonly delayMs = AUTO_SYNC_DELAY_MS,
  ) {}

  get active(): boolean {
    return this.handler !== null;
  }

  async start(): Promise<void> {
    if (this.handler) return;
    await Excel.run(async (context) => {
      this.handler = context.workbook.tables.onChanged.add((event) => this.onChanged(event));
      await context.sync();
    });
  }

  async stop(): Promise<void> {
    const handler = this.handler;
    this.handler = null;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    if (!handler) return;
    await Excel.run(handler.context, async (context) => {
      handler.remove();
      await context.sync();
    });
  }

  private async onChanged(event: Excel.TableChangedEventArgs): Promise<void> {
    if (event.source === 'Remote' || this.onlyOurColumns(event)) return;
    const pending = this.timers.get(event.tableId);
    if (pending) clearTimeout(pending);
    this.timers.set(
      event.tableId,
      setTimeout(() => void this.run(event.tableId), this.delayMs),
    );
  }

  private onlyOurColumns(event: Excel.TableChangedEventArgs): boolean {
    const written = this.writtenColumns(event.tableId);
    if (!written || !event.address) return false;
    const { column, columnCount } = parseAddress(event.address);
    for (let index = column; index < column + columnCount; index += 1) if (!written.has(index)) return false;
    return true;
  }

  private async run(tableId: string): Promise<void> {
    this.timers.delete(tableId);
    if (this.running.has(tableId)) {
      this.again.add(tableId);
      return;
    }
    this.running.add(tableId);
    try {
      await this.syncTable(tableId);
    } finally {
      this.running.delete(tableId);
      if (this.again.delete(tableId) && this.handler) void this.run(tableId);
    }
  }
}
