// Automatic sync on change (ExcelApi 1.7 table events): a table's changes are collected for a
// moment after the clerk stops typing, then only the changed rows are synced. The add-in's own
// writes (system columns) and other people's edits (co-authoring) do not start a sync.

import { parseAddress } from '../sheet/addresses.ts';
import { AUTO_SYNC_DELAY_MS, TableDebounce } from '../table-debounce.ts';

export class AutoSync {
  private handler: OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs> | null = null;
  private readonly debounce: TableDebounce;

  constructor(
    syncTable: (tableId: string) => Promise<void>,
    /** Sheet columns the add-in writes in a table, known after its first sync. */
    private readonly writtenColumns: (tableId: string) => ReadonlySet<number> | undefined,
    delayMs = AUTO_SYNC_DELAY_MS,
  ) {
    this.debounce = new TableDebounce(syncTable, delayMs);
  }

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
    this.debounce.cancel();
    if (!handler) return;
    await Excel.run(handler.context, async (context) => {
      handler.remove();
      await context.sync();
    });
  }

  private async onChanged(event: Excel.TableChangedEventArgs): Promise<void> {
    if (event.source === 'Remote' || this.onlyOurColumns(event)) return;
    this.debounce.changed(event.tableId);
  }

  private onlyOurColumns(event: Excel.TableChangedEventArgs): boolean {
    const written = this.writtenColumns(event.tableId);
    if (!written || !event.address) return false;
    const { column, columnCount } = parseAddress(event.address);
    for (let index = column; index < column + columnCount; index += 1) if (!written.has(index)) return false;
    return true;
  }
}
