// Task pane: wires the clerk's buttons to the host's actions (Excel or WPS 表格, see host.ts; the
// entries are excel/excel-pane.ts and wps/wps-pane.ts). Actions never overlap, and an automatic
// sync waits for the clerk's own action.

import styles from './taskpane.css';
import {
  autoSyncWanted,
  OUTCOME_KEY,
  savedConnection,
  savedSummary,
  saveAutoSyncWanted,
  saveConnection,
  saveSummary,
} from '../connection-store.ts';
import { NotLedgerTable, UserError } from '../sheet/errors.ts';
import { SyncMemory, type SyncOutcome, type SyncTarget } from '../sheet/sync-memory.ts';
import {
  calendarGapNotice,
  fetchHealth,
  fetchLedgers,
  fetchTeamRows,
  fetchWeeklyReport,
  testConnection,
  weeklyReportTicket,
} from '../../client/api.ts';
import type { LedgerDefinition } from '../../client/contract.ts';
import { serviceUrl, type Connection } from '../../client/service.ts';
import { mergeEntries, summarize, type ProblemItem, type SummaryEntry, type SyncSummary } from '../sheet/summary.ts';
import type { ChangeWatch, SheetHost } from './host.ts';
import { element, showMessage, showProgress, showSummary, showTakeOverReport } from './view.ts';

const state = {
  connection: savedConnection(),
  ledgers: [] as LedgerDefinition[],
  host: null as SheetHost | null,
  memory: new SyncMemory(),
  entries: new Map<string, SummaryEntry[]>(),
  summary: null as SyncSummary | null,
  autoSync: null as ChangeWatch | null,
  queue: Promise.resolve() as Promise<unknown>,
};

const ACTION_BUTTONS = ['sync', 'create-ledger', 'take-over', 'pull', 'write-report', 'download-report-docx', 'test-connection'];

/** Runs the host's actions one after another: two actions must not interleave their reads and writes. */
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const next = state.queue.then(work, work);
  state.queue = next.catch(() => undefined);
  return next;
}

async function clerkAction(label: string, work: () => Promise<string | void>): Promise<void> {
  for (const id of ACTION_BUTTONS) element<HTMLButtonElement>(id).disabled = true;
  showMessage('');
  showProgress(0, label);
  try {
    const done = await exclusive(work);
    if (done) showMessage(done, 'ok');
  } catch (error) {
    showMessage(describeError(error), 'error');
  } finally {
    showProgress(null);
    setConnected(state.ledgers.length > 0);
  }
}

function host(): SheetHost {
  if (!state.host) throw new UserError('表格尚未就绪');
  return state.host;
}

function describeError(error: unknown): string {
  return host().describeError(error);
}

function deps() {
  return {
    connection: state.connection,
    ledgers: state.ledgers,
    memory: state.memory,
    progress: showProgress,
  };
}

function selectedLedger(): LedgerDefinition {
  const ledger = state.ledgers.find((candidate) => candidate.id === element<HTMLSelectElement>('ledger-select').value);
  if (!ledger) throw new UserError('请先连接服务并选择台账类型');
  return ledger;
}

function ledgerOf(summary: SyncSummary): LedgerDefinition | undefined {
  return state.ledgers.find((ledger) => ledger.id === summary.ledgerId);
}

function render(summary: SyncSummary): void {
  state.summary = summary;
  const local = (rowId: string) => state.entries.get(summary.tableKey)?.find((entry) => entry.result.rowId === rowId)?.values;
  showSummary(summary, ledgerOf(summary), { select, keepMine, takeTheirs }, local);
}

/** Records a sync's rows and shows the summary of the whole table as last synced. */
function absorb(outcome: SyncOutcome): SyncSummary {
  const previous = state.entries.get(outcome.summary.tableKey) ?? [];
  return showEntries(outcome.summary, outcome.full ? outcome.entries : mergeEntries(previous, outcome.entries));
}

function showEntries(base: SyncSummary, entries: SummaryEntry[]): SyncSummary {
  state.entries.set(base.tableKey, entries);
  const ledger = ledgerOf(base);
  const whole = ledger
    ? summarize(ledger, { key: base.tableKey, name: base.tableName, sheet: base.sheetName }, entries, base.unplaced)
    : base;
  render(whole);
  saveSummary(whole);
  return whole;
}

async function runSync(target: SyncTarget): Promise<SyncOutcome> {
  return exclusive(() => host().sync(target, deps()));
}

function syncDone(summary: SyncSummary, prefix: string): string {
  const parts = [`${prefix}：${summary.rows} 行`];
  if (summary.errorRows) parts.push(`${summary.errorRows} 行有错误`);
  if (summary.overdue) parts.push(`${summary.overdue} 行超期`);
  if (summary.dueSoon) parts.push(`${summary.dueSoon} 行临期`);
  if (summary.conflicts) parts.push(`${summary.conflicts} 行冲突待处理`);
  return parts.join('，');
}

async function onSync(): Promise<void> {
  await clerkAction('正在同步本表…', async () => {
    const outcome = await host().sync({ kind: 'all' }, deps());
    return syncDone(absorb(outcome), '同步完成');
  });
}

async function autoSyncTable(tableId: string): Promise<void> {
  try {
    const outcome = await runSync({ kind: 'changed', tableKey: tableId });
    if (outcome.entries.length === 0) return;
    absorb(outcome);
    const time = new Date().toLocaleTimeString('zh-CN');
    // The first change to a table after the pane opened syncs all of it: the pane did not know its rows yet.
    showMessage(
      outcome.full
        ? `自动同步：已同步全表 ${outcome.entries.length} 行（${time}）`
        : `自动同步：已提交 ${outcome.entries.length} 行修改（${time}）`,
      'ok',
    );
  } catch (error) {
    if (!(error instanceof NotLedgerTable)) showMessage(`自动同步失败：${describeError(error)}`, 'error');
  }
}

function select(item: ProblemItem): void {
  if (!state.summary) return;
  const tableKey = state.summary.tableKey;
  exclusive(() => host().selectRowCell(tableKey, item.rowId, item.columnId, deps())).catch((error) =>
    showMessage(describeError(error), 'error'),
  );
}

async function keepMine(item: ProblemItem): Promise<void> {
  const summary = state.summary;
  if (!summary || item.storedRev === undefined) return;
  await clerkAction('正在用我的内容覆盖…', async () => {
    const outcome = await host().sync(
      { kind: 'override', tableKey: summary.tableKey, revisions: new Map([[item.rowId, item.storedRev as number]]) },
      deps(),
    );
    absorb(outcome);
    return outcome.summary.conflicts > 0 ? '对方又修改了这一行，请再选择一次' : `已保留我的内容：${item.label}`;
  });
}

async function takeTheirs(item: ProblemItem): Promise<void> {
  const summary = state.summary;
  if (!summary || item.storedRev === undefined) return;
  await clerkAction('正在采用对方的内容…', async () => {
    const version = { rowId: item.rowId, rev: item.storedRev as number, values: item.storedValues ?? {}, status: item.storedStatus ?? {} };
    await host().acceptStoredVersions(summary.tableKey, [version], deps());
    const entries = state.entries.get(summary.tableKey) ?? [];
    const replaced: SummaryEntry = {
      result: { rowId: version.rowId, rev: version.rev, state: 'ok', errors: [], status: version.status },
      values: version.values,
      position: 0,
    };
    showEntries(summary, [...entries.filter((entry) => entry.result.rowId !== item.rowId), replaced]);
    return `已采用对方的内容：${item.label}`;
  });
}

async function onCreate(): Promise<void> {
  await clerkAction('正在新建台账…', async () => {
    const created = await host().createLedger(selectedLedger(), { progress: showProgress });
    state.memory.fingerprints.set(created.tableKey, created.fingerprints);
    return `已新建工作表「${created.sheetName}」，请从第 2 行起填写，填好后点「同步本表」`;
  });
}

async function onTakeOver(): Promise<void> {
  await clerkAction('正在接管当前工作表…', async () => {
    const report = await host().takeOver(selectedLedger(), state.ledgers);
    showTakeOverReport(report);
    return report.missingRequired.length > 0
      ? `已接管，但缺少必填列：${report.missingRequired.join('、')}`
      : '已接管，可以点「同步本表」了';
  });
}

async function onPull(): Promise<void> {
  await clerkAction('正在拉取分案清单…', async () => {
    const ledger = selectedLedger();
    const team = element<HTMLSelectElement>('team-select').value;
    const since = element<HTMLInputElement>('team-since').value || undefined;
    const response = await fetchTeamRows(state.connection, ledger.id, team, since);
    if (response.rows.length === 0) return `${team}暂无分案${since ? `（${since} 以来）` : ''}`;
    const created = await host().createLedger(ledger, {
      title: `分案清单-${team}`,
      rows: response.rows,
      progress: showProgress,
    });
    state.memory.fingerprints.set(created.tableKey, created.fingerprints);
    return `已拉取 ${created.rows} 行到工作表「${created.sheetName}」`;
  });
}

async function onWriteReport(): Promise<void> {
  await clerkAction('正在生成周通报…', async () => {
    const week = element<HTMLInputElement>('report-week').value || undefined;
    const report = await fetchWeeklyReport(state.connection, week);
    const written = await host().writeReportSheet(report);
    const chart = written.chart ? '，含各团队收结案图表' : `（当前 ${host().name} 不支持由助手绘制图表，只写入表格）`;
    return `已写入工作表「${written.name}」（${report.from} 至 ${report.to}，统计至 ${report.asOf}）${chart}`;
  });
}

/** The Word 周通报 opens in the system browser through a one-time ticket: the token stays out of the address. */
async function onDownloadReportDocument(): Promise<void> {
  await clerkAction('正在准备 Word 周通报…', async () => {
    const week = element<HTMLInputElement>('report-week').value || undefined;
    const { url } = await weeklyReportTicket(state.connection, week, 'docx');
    host().openInBrowser(serviceUrl(state.connection, url));
    return '已在浏览器中打开 Word 周通报的下载（下载链接两分钟内有效，只能使用一次）';
  });
}

async function onAutoSyncToggle(): Promise<void> {
  const on = element<HTMLInputElement>('auto-sync').checked;
  saveAutoSyncWanted(on);
  try {
    await applyAutoSync(on);
    showMessage(on ? '已开启自动同步：修改后约 2 秒提交改动的行' : '已关闭自动同步', 'ok');
  } catch (error) {
    showMessage(describeError(error), 'error');
  }
}

async function applyAutoSync(on: boolean): Promise<void> {
  if (!state.host?.changeEvents) return;
  state.autoSync ??= state.host.watchChanges(autoSyncTable, (tableId) => state.memory.writtenColumns.get(tableId));
  if (on) await state.autoSync.start();
  else await state.autoSync.stop();
}

function setConnected(connected: boolean): void {
  const badge = element('connection-badge');
  badge.textContent = connected ? '已连接' : '未连接';
  badge.className = connected ? 'badge ok' : 'badge';
  for (const id of ['ledger-select', 'sync', 'create-ledger', 'take-over', 'pull', 'write-report', 'download-report-docx'])
    element<HTMLButtonElement>(id).disabled = !connected;
  element<HTMLButtonElement>('test-connection').disabled = false;
  element<HTMLInputElement>('auto-sync').disabled = !connected || !state.host?.changeEvents;
}

function showLedgers(ledgers: LedgerDefinition[]): void {
  state.ledgers = ledgers;
  const select = element<HTMLSelectElement>('ledger-select');
  const previous = select.value;
  select.replaceChildren(...ledgers.map((ledger) => new Option(ledger.name, ledger.id)));
  if (ledgers.some((ledger) => ledger.id === previous)) select.value = previous;
  showTeams();
  setConnected(ledgers.length > 0);
}

function showTeams(): void {
  const ledger = state.ledgers.find((candidate) => candidate.id === element<HTMLSelectElement>('ledger-select').value);
  const teams = ledger?.assignment?.teams ?? [];
  element('team-section').hidden = teams.length === 0;
  element<HTMLSelectElement>('team-select').replaceChildren(...teams.map((team) => new Option(team, team)));
}

async function onTest(): Promise<void> {
  const connection: Connection = {
    baseUrl: element<HTMLInputElement>('base-url').value.trim(),
    token: element<HTMLInputElement>('token').value.trim(),
  };
  const result = element<HTMLParagraphElement>('connection-result');
  result.className = '';
  result.textContent = '正在连接…';
  try {
    const { version, ledgers } = await testConnection(connection);
    state.connection = connection;
    saveConnection(connection);
    showLedgers(ledgers);
    void showCalendarGap();
    result.className = 'ok';
    result.textContent = `连接成功（服务版本 ${version}），可用台账：${ledgers.map((ledger) => ledger.name).join('、')}`;
  } catch (error) {
    result.className = 'error';
    result.textContent = describeError(error);
  }
}

async function connectSaved(): Promise<void> {
  if (!state.connection.token) {
    element<HTMLDetailsElement>('settings').open = true;
    showMessage('请先在「连接设置」中填写个人令牌并测试连接');
    return;
  }
  try {
    showLedgers(await fetchLedgers(state.connection));
  } catch (error) {
    element<HTMLDetailsElement>('settings').open = true;
    showMessage(describeError(error), 'error');
  }
}

function showCapabilities(host: SheetHost): void {
  const missing = host.missingFeatures;
  element('compat').hidden = missing.length === 0;
  element('compat-list').replaceChildren(
    ...missing.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }),
  );
  if (!host.changeEvents) element<HTMLInputElement>('auto-sync').title = `当前 ${host.name} 不支持自动同步`;
}

/** Starts the pane over a host: its screens, the saved connection, automatic sync if wanted. */
export async function startPane(sheetHost: SheetHost): Promise<void> {
  state.host = sheetHost;
  showCapabilities(sheetHost);
  element<HTMLInputElement>('base-url').value = state.connection.baseUrl;
  element<HTMLInputElement>('token').value = state.connection.token;
  element('test-connection').addEventListener('click', () => void onTest());
  element('sync').addEventListener('click', () => void onSync());
  element('create-ledger').addEventListener('click', () => void onCreate());
  element('take-over').addEventListener('click', () => void onTakeOver());
  element('pull').addEventListener('click', () => void onPull());
  element('write-report').addEventListener('click', () => void onWriteReport());
  element('download-report-docx').addEventListener('click', () => void onDownloadReportDocument());
  element('ledger-select').addEventListener('change', showTeams);
  const autoSync = element<HTMLInputElement>('auto-sync');
  autoSync.checked = autoSyncWanted() && sheetHost.changeEvents;
  autoSync.addEventListener('change', () => void onAutoSyncToggle());
  window.addEventListener('storage', (event) => {
    // The ribbon's 同步本表 runs in another page and leaves its summary here.
    const summary = event.key === OUTCOME_KEY ? savedSummary() : null;
    if (summary) render(summary);
  });
  await connectSaved();
  void showCalendarGap();
  if (autoSync.checked) await applyAutoSync(true).catch((error) => showMessage(describeError(error), 'error'));
  // The ribbon's 周通报 opens the pane here (taskpane.html?section=report).
  if (new URLSearchParams(window.location.search).get('section') === 'report') element('report').scrollIntoView();
  element('app').setAttribute('aria-busy', 'false');
}

/**
 * Opened in a plain browser (or another host): nothing here can work without the spreadsheet, so
 * every control is disabled and the notice links to the web page, which does the same work by upload.
 */
export function outsideHost(): void {
  element('not-excel').hidden = false;
  document
    .querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>('#app button, #app input, #app select')
    .forEach((control) => {
      control.disabled = true;
    });
  element('app').setAttribute('aria-busy', 'false');
  void showCalendarGap();
}

/** The calendar gap (a year without holiday data), told once on top; nothing when the service cannot say. */
async function showCalendarGap(): Promise<void> {
  try {
    const notice = calendarGapNotice(await fetchHealth(state.connection));
    const banner = element('calendar-banner');
    banner.textContent = notice ? `提示：${notice}` : '';
    banner.hidden = !notice;
  } catch {
    // An unreachable service is said by the connection badge and the settings.
  }
}

// The pane's stylesheet, inlined: the pane's page has no other file to fetch.
const style = document.createElement('style');
style.textContent = styles;
document.head.append(style);
