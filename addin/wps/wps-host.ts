// The task pane's host in WPS 表格: the same actions as in Excel, through ET's synchronous model.
// What ET (as typed in et.d.ts) does not offer the Excel layer's way is said here, once.

import { clerkMessage } from '../sheet/errors.ts';
import type { SheetHost } from '../taskpane/host.ts';
import { SheetChangeWatch } from './change-watch.ts';
import { writeReportSheet } from './report.ts';
import { acceptStoredVersions, selectRowCell } from './rows.ts';
import { createLedgerSheet, takeOverActiveSheet } from './sheets.ts';
import { syncLedgerTable } from './sync.ts';
import { et } from './application.ts';

/** What the pane cannot do in WPS 表格, in the clerk's words (the chart: see report.ts). */
export const WPS_MISSING_FEATURES = ['周通报工作表只写入表格，不绘制各团队收结案图表（图表见网页版下载的周通报）'];

export function describeWpsError(error: unknown): string {
  const ours = clerkMessage(error);
  if (ours !== null) return ours;
  const message = (error as Error)?.message;
  // ET's own refusals (a protected sheet, a cell being edited) come as plain exceptions.
  return message ? `WPS 表格拒绝了这次操作：${message}。请先退出单元格编辑、取消工作表保护后再试` : '发生未知错误，请重试';
}

export function wpsHost(): SheetHost {
  // ET answers at once; the pane's actions are promises, and a refusal becomes a rejected one.
  const action = <T>(work: () => T) => Promise.resolve().then(work);
  return {
    name: 'WPS 表格',
    missingFeatures: WPS_MISSING_FEATURES,
    changeEvents: true,
    sync: syncLedgerTable,
    createLedger: (ledger, options) => action(() => createLedgerSheet(ledger, options)),
    takeOver: (ledger, all) => action(() => takeOverActiveSheet(ledger, all)),
    selectRowCell: (tableKey, rowId, columnId, deps) => action(() => selectRowCell(tableKey, rowId, columnId, deps)),
    acceptStoredVersions: (tableKey, versions, deps) => action(() => acceptStoredVersions(tableKey, versions, deps)),
    writeReportSheet: (report) => action(() => writeReportSheet(report)),
    watchChanges: (syncTable, writtenColumns) => new SheetChangeWatch(syncTable, writtenColumns),
    describeError: describeWpsError,
    openInBrowser,
  };
}

/** WPS opens an address in the system browser through its OA assistant (ShellExecute); a plain window otherwise. */
function openInBrowser(url: string): void {
  const assist = et().OAAssist;
  if (assist && typeof assist.ShellExecute === 'function') return assist.ShellExecute(url);
  window.open(url, '_blank', 'noopener');
}
