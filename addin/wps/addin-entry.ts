// The WPS 加载项's entry page (index.html under the add-in's address): WPS opens it hidden when
// WPS 表格 starts and calls the functions ribbon.xml names. 打开助手 and 周通报 show the task pane;
// 同步本表 syncs the active sheet with the connection the pane saved and tells of problems.

import { fetchLedgers } from '../../client/api.ts';
import { syncNotice } from '../commands/sync-notice.ts';
import { savedConnection, saveSummary } from '../connection-store.ts';
import { SyncMemory } from '../sheet/sync-memory.ts';
import { et } from './application.ts';
import { syncLedgerTable } from './sync.ts';
import { describeWpsError } from './wps-host.ts';

/** The pane's id, per host: WPS 文字 and 演示 count their panes from 1 too, in the same storage. */
const PANE_KEY = 'ledger-assistant.taskpane.et';
const ICONS: Record<string, string> = {
  openPane: 'images/icon-32.png',
  syncSheet: 'images/sync-32.png',
  weeklyReport: 'images/report-32.png',
};

interface RibbonControl {
  Id: string;
}

function paneUrl(section?: string): string {
  const url = new URL('taskpane.html', window.location.href);
  if (section) url.searchParams.set('section', section);
  return url.href;
}

/** Shows the task pane (creating it the first time), at the 周通报 part when asked. */
export function showPane(section?: string): void {
  const app = et();
  const id = Number(app.PluginStorage.getItem(PANE_KEY));
  if (id) {
    const pane = app.GetTaskPane(id);
    if (section) pane.Navigate(paneUrl(section));
    pane.Visible = true;
    return;
  }
  const pane = app.CreateTaskPane(paneUrl(section), '执行台账助手');
  app.PluginStorage.setItem(PANE_KEY, pane.ID);
  pane.Visible = true;
}

export async function syncFromRibbon(): Promise<string | null> {
  try {
    const connection = savedConnection();
    if (!connection.token) return '请先点「打开助手」，在连接设置中填写个人令牌';
    const ledgers = await fetchLedgers(connection);
    const { summary } = await syncLedgerTable({ kind: 'all' }, { connection, ledgers, memory: new SyncMemory() });
    saveSummary(summary);
    return syncNotice(summary);
  } catch (error) {
    return `同步未完成：${describeWpsError(error)}`;
  }
}

const callbacks = {
  OnAddinLoad: (): boolean => true,
  OnAction(control: RibbonControl): boolean {
    if (control.Id === 'openPane') showPane();
    if (control.Id === 'weeklyReport') showPane('report');
    if (control.Id === 'syncSheet')
      void syncFromRibbon().then((text) => {
        if (text) alert(text);
      });
    return true;
  },
  GetImage: (control: RibbonControl): string => ICONS[control.Id] ?? ICONS.openPane,
};

// WPS looks the ribbon's callbacks up on the entry page's global object.
Object.assign(window, callbacks);
