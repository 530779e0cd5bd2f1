// Automatic sync in WPS 表格: ET tells of every change of cells (SheetChange); a change inside a
// ledger table, outside the columns the add-in writes, syncs that table's changed rows a moment
// after the clerk stops typing — as the Excel layer does with table change events.

import { TableDebounce } from '../table-debounce.ts';
import type { ChangeWatch } from '../taskpane/host.ts';
import { et } from './application.ts';

export class SheetChangeWatch implements ChangeWatch {
  private listener: ((sheet: Et.Worksheet, target: Et.Range) => void) | null = null;
  private readonly debounce: TableDebounce;

  constructor(
    syncTable: (tableKey: string) => Promise<void>,
    private readonly writtenColumns: (tableKey: string) => ReadonlySet<number> | undefined,
  ) {
    this.debounce = new TableDebounce(syncTable);
  }

  async start(): Promise<void> {
    if (this.listener) return;
    this.listener = (sheet, target) => this.onChange(sheet, target);
    et().ApiEvent.AddApiEventListener('SheetChange', this.listener);
  }

  async stop(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    this.debounce.cancel();
    if (listener) et().ApiEvent.RemoveApiEventListener('SheetChange', listener);
  }

  private onChange(sheet: Et.Worksheet, target: Et.Range): void {
    const key = this.tableUnder(sheet, target);
    if (key) this.debounce.changed(key);
  }

  /**
   * The table the changed cells touch (a row typed right below it is inside: the table grew). Any
   * table: the pane's sync tells a table that is not a ledger's and ignores it, as with Excel's events.
   */
  private tableUnder(sheet: Et.Worksheet, target: Et.Range): string | null {
    const [row, column, rows, columns] = [target.Row - 1, target.Column - 1, target.Rows.Count, target.Columns.Count];
    for (let index = 1; index <= sheet.ListObjects.Count; index += 1) {
      const list = sheet.ListObjects.Item(index);
      const box = list.Range;
      const [top, left] = [box.Row - 1, box.Column - 1];
      const inside = row < top + box.Rows.Count + 1 && top < row + rows && column < left + box.Columns.Count && left < column + columns;
      if (inside && !this.onlyOurColumns(list.Name, column, columns)) return list.Name;
    }
    return null;
  }

  private onlyOurColumns(key: string, column: number, columns: number): boolean {
    const written = this.writtenColumns(key);
    if (!written) return false;
    for (let index = column; index < column + columns; index += 1) if (!written.has(index)) return false;
    return true;
  }
}
