// What the task pane needs from the spreadsheet it runs in. The pane's screens and actions
// (taskpane.ts) are the same in Excel and in WPS 表格; each host layer (excel/excel-host.ts,
// wps/wps-host.ts) implements this by reading and writing its own object model.

import type { LedgerDefinition, RowResult } from '../../client/contract.ts';
import type { Connection } from '../../client/service.ts';
import type { WeeklyReport } from '../../service/domain/report/weekly-report.ts';
import type { Progress, SyncMemory, SyncOutcome, SyncTarget } from '../sheet/sync-memory.ts';
import type { StoredVersion } from '../sheet/stored-version.ts';
import type { TakeOverReport } from '../sheet/take-over-report.ts';

export interface HostSyncDeps {
  connection: Connection;
  ledgers: LedgerDefinition[];
  memory: SyncMemory;
  progress?: Progress;
}

export interface CreatedSheet {
  sheetName: string;
  tableName: string;
  tableKey: string;
  rows: number;
  /** The written rows as automatic sync will see them, so it does not resend what just came from the service. */
  fingerprints: Map<string, string>;
}

export interface WrittenReportSheet {
  name: string;
  /** Whether the chart was drawn; false where the host cannot draw one (the table alone is written). */
  chart: boolean;
}

/** Automatic sync: calls back with a table's key a moment after the clerk changed it. */
export interface ChangeWatch {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SheetHost {
  /** The host's name in the clerk's words: Excel, WPS 表格. */
  name: string;
  /** What this host cannot do, in the clerk's words; empty when everything is available. */
  missingFeatures: string[];
  /** Whether it tells of cell changes, for automatic sync. */
  changeEvents: boolean;
  sync(target: SyncTarget, deps: HostSyncDeps): Promise<SyncOutcome>;
  createLedger(ledger: LedgerDefinition, options: { title?: string; rows?: RowResult[]; progress?: Progress }): Promise<CreatedSheet>;
  takeOver(ledger: LedgerDefinition, ledgers: LedgerDefinition[]): Promise<TakeOverReport>;
  selectRowCell(tableKey: string, rowId: string, columnId: string, deps: HostSyncDeps): Promise<void>;
  acceptStoredVersions(tableKey: string, versions: StoredVersion[], deps: HostSyncDeps): Promise<number>;
  writeReportSheet(report: WeeklyReport): Promise<WrittenReportSheet>;
  watchChanges(
    syncTable: (tableKey: string) => Promise<void>,
    writtenColumns: (tableKey: string) => ReadonlySet<number> | undefined,
  ): ChangeWatch;
  describeError(error: unknown): string;
  /** Opens an address (a one-time download) in the system browser: the pane's web view may not save files. */
  openInBrowser(url: string): void;
}
