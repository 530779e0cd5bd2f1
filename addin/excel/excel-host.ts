// The task pane's host in Excel: each action is one Excel.run of this folder, and the features
// above ExcelApi 1.1 are used only where this Excel supports them.

import type { SheetHost } from '../taskpane/host.ts';
import { AutoSync } from './auto-sync.ts';
import { detectCapabilities, missingFeatures } from './capabilities.ts';
import { createLedgerSheet } from './create-sheet.ts';
import { describeError } from './errors.ts';
import { openInBrowser } from './open-in-browser.ts';
import { acceptStoredVersions, selectRowCell } from './rows-actions.ts';
import { syncLedgerTable } from './sync-table.ts';
import { takeOverActiveSheet } from './take-over.ts';
import { writeReportSheet } from './write-report-sheet.ts';

export function excelHost(): SheetHost {
  const capabilities = detectCapabilities();
  const withCapabilities = <T extends object>(deps: T) => ({ ...deps, capabilities });
  return {
    name: 'Excel',
    missingFeatures: missingFeatures(capabilities),
    changeEvents: capabilities.changeEvents,
    sync: (target, deps) => syncLedgerTable(target, withCapabilities(deps)),
    createLedger: (ledger, options) => createLedgerSheet(ledger, capabilities, options),
    takeOver: (ledger, ledgers) => takeOverActiveSheet(ledger, ledgers, capabilities),
    selectRowCell: (tableKey, rowId, columnId, deps) => selectRowCell(tableKey, rowId, columnId, withCapabilities(deps)),
    acceptStoredVersions: (tableKey, versions, deps) => acceptStoredVersions(tableKey, versions, withCapabilities(deps)),
    writeReportSheet,
    watchChanges: (syncTable, writtenColumns) => new AutoSync(syncTable, writtenColumns),
    describeError,
    openInBrowser,
  };
}
