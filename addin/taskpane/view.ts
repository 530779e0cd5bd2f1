// Rendering the pane: progress, messages, the sync summary with its clickable problem list, the
// takeover report. No Excel and no service here; the pane wires actions to these views.

import type { LedgerDefinition } from '../../client/contract.ts';
import { problemCount, type ProblemItem, type SyncSummary } from '../sheet/summary.ts';
import type { TakeOverReport } from '../sheet/take-over-report.ts';

export function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function showProgress(fraction: number | null, label = ''): void {
  const box = element<HTMLDivElement>('progress');
  box.hidden = fraction === null;
  element<HTMLDivElement>('progress-fill').style.width = `${Math.round((fraction ?? 0) * 100)}%`;
  element<HTMLSpanElement>('progress-label').textContent = label;
}

export function showMessage(text: string, kind: 'ok' | 'error' | '' = ''): void {
  const message = element<HTMLParagraphElement>('message');
  message.className = `message ${kind}`;
  message.textContent = text;
}

const TAGS: Record<ProblemItem['kind'], string> = { error: '错误', conflict: '冲突', overdue: '超期', dueSoon: '临期' };

export interface SummaryHandlers {
  select(item: ProblemItem): void;
  keepMine(item: ProblemItem): void;
  takeTheirs(item: ProblemItem): void;
}

export function showSummary(
  summary: SyncSummary,
  ledger: LedgerDefinition | undefined,
  handlers: SummaryHandlers,
  localValues: (rowId: string) => Record<string, unknown> | undefined,
): void {
  element('summary').hidden = false;
  element('count-rows').textContent = String(summary.rows);
  element('count-errors').textContent = String(summary.errorRows);
  element('count-due-soon').textContent = String(summary.dueSoon);
  element('count-overdue').textContent = String(summary.overdue);
  element('count-conflicts').textContent = String(summary.conflicts);
  const notes: string[] = [`工作表「${summary.sheetName}」· ${new Date(summary.at).toLocaleTimeString('zh-CN')}`];
  if (summary.warningRows > 0) notes.push(`另有 ${summary.warningRows} 行只有提示，见「校验意见」列`);
  if (summary.unplaced > 0) notes.push(`${summary.unplaced} 行在同步期间被移动或修改，未写回，请再同步一次`);
  if (problemCount(summary) > summary.problems.length) notes.push(`问题较多，下面只列出前 ${summary.problems.length} 条`);
  element('summary-note').textContent = notes.join('；');
  const list = element<HTMLUListElement>('problem-list');
  list.replaceChildren(...summary.problems.map((item) => problemItem(item, ledger, handlers, localValues)));
}

function problemItem(
  item: ProblemItem,
  ledger: LedgerDefinition | undefined,
  handlers: SummaryHandlers,
  localValues: (rowId: string) => Record<string, unknown> | undefined,
): HTMLLIElement {
  const entry = make('li', '');
  entry.dataset.kind = item.kind;
  entry.dataset.rowId = item.rowId;
  const button = make('button', 'problem');
  button.type = 'button';
  button.title = '点击选中该单元格';
  button.append(make('span', `tag ${item.kind}`, TAGS[item.kind]), make('span', 'label', item.label));
  const detail =
    item.kind === 'conflict' && ledger
      ? `${item.message}。${differences(ledger, localValues(item.rowId), item.storedValues)}`
      : item.message;
  button.append(make('span', 'detail', detail));
  button.addEventListener('click', () => handlers.select(item));
  entry.append(button);
  if (item.kind === 'conflict') {
    const actions = make('div', 'conflict-actions');
    const keep = make('button', 'keep-mine', '保留我的');
    keep.type = 'button';
    keep.title = '用我表格中的内容覆盖服务中的版本';
    keep.addEventListener('click', () => handlers.keepMine(item));
    const take = make('button', 'take-theirs', '采用对方的');
    take.type = 'button';
    take.title = '用服务中的版本替换我表格中的这一行';
    take.addEventListener('click', () => handlers.takeTheirs(item));
    actions.append(keep, take);
    entry.append(actions);
  }
  return entry;
}

/** Which columns differ between the clerk's row and the stored one, in the clerk's words. */
function differences(
  ledger: LedgerDefinition,
  local: Record<string, unknown> | undefined,
  stored: Record<string, unknown> | undefined,
): string {
  if (!local || !stored) return '';
  const shown = (value: unknown) => (value === null || value === undefined || value === '' ? '（空）' : String(value));
  const changes = ledger.columns
    .filter((column) => !column.system && column.id in local && shown(local[column.id]) !== shown(stored[column.id]))
    .map((column) => `${column.header}：我的「${shown(local[column.id])}」，对方「${shown(stored[column.id])}」`);
  return changes.length > 0 ? changes.join('；') : '';
}

export function showTakeOverReport(report: TakeOverReport): void {
  element('takeover-report').hidden = false;
  const body = element<HTMLDivElement>('takeover-body');
  const block = (title: string, items: string[], bad = false) => {
    if (items.length === 0) return [];
    const list = make('ul', bad ? 'report-list bad' : 'report-list');
    list.append(...items.map((item) => make('li', '', item)));
    return [make('p', 'note', title), list];
  };
  body.replaceChildren(
    make(
      'p',
      '',
      `已把工作表「${report.sheetName}」第 ${report.headerRow} 行作为标题行接管为「${report.ledgerName}」（${report.dataRows} 行数据）。`,
    ),
    ...block('缺少必填列（同步时每行都会报错，请补上这些列）：', report.missingRequired, true),
    ...block('没有认出的列（保持原样，不会提交）：', report.unmapped),
    ...block('重复的列（只使用第一列）：', report.duplicates),
    ...block('已在表格右侧添加：', report.added),
    ...block(
      '已对应的列：',
      report.mapped.map((item) => (item.header === item.column ? item.header : `${item.header} → ${item.column}`)),
    ),
    ...block('本台账的其他可选列（表中没有）：', report.missingOptional),
  );
}
