// Ribbon commands without the task pane: 同步本表 syncs the active sheet's ledger table with the
// connection the pane saved. Problems are shown in a small dialog; the summary is left for the pane.

import { savedConnection, saveSummary } from '../connection-store.ts';
import { detectCapabilities } from '../excel/capabilities.ts';
import { describeError } from '../excel/errors.ts';
import { syncLedgerTable } from '../excel/sync-table.ts';
import { SyncMemory } from '../sheet/sync-memory.ts';
import { fetchLedgers } from '../../client/api.ts';
import { syncNotice } from './sync-notice.ts';

function notice(text: string): void {
  if (!Office.context.requirements.isSetSupported('DialogApi', '1.1')) return;
  const url = `${window.location.origin}/notice.html?text=${encodeURIComponent(text)}`;
  Office.context.ui.displayDialogAsync(url, { height: 30, width: 30, displayInIframe: true }, (result) => {
    if (result.status !== Office.AsyncResultStatus.Succeeded) return;
    const dialog = result.value;
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
  });
}

async function syncActiveTable(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const connection = savedConnection();
    if (!connection.token) throw new Error('请先点「打开助手」，在连接设置中填写个人令牌');
    const ledgers = await fetchLedgers(connection);
    const { summary } = await syncLedgerTable(
      { kind: 'all' },
      { connection, ledgers, capabilities: detectCapabilities(), memory: new SyncMemory() },
    );
    saveSummary(summary);
    const text = syncNotice(summary);
    if (text) notice(text);
  } catch (error) {
    notice(`同步未完成：${describeError(error)}`);
  } finally {
    event.completed();
  }
}

// Office versions before Office.actions look the function up on the global object.
(globalThis as unknown as Record<string, unknown>).syncActiveTable = syncActiveTable;
Office.onReady(() => {
  Office.actions?.associate('syncActiveTable', syncActiveTable);
});
