// The 看板's 超期 and 临期 list across every ledger: filtered by ledger, team, node and 承办人 (the
// choices come from the service, taken from the alerts themselves), most urgent first, paged by the
// service. A case number opens the case page.

import { fetchAlerts } from '../../client/api.ts';
import type { Alert, AlertFilter, AlertList, AlertOptions } from '../../client/contract.ts';
import type { Connection } from '../../client/service.ts';
import { element } from '../admin/elements.ts';
import { byId } from '../dom.ts';

const FILTERS: Array<{ id: string; field: keyof AlertFilter; all: string }> = [
  { id: 'alert-ledger', field: 'ledger', all: '全部台账' },
  { id: 'alert-team', field: 'team', all: '全部团队' },
  { id: 'alert-node', field: 'node', all: '全部节点' },
  { id: 'alert-handler', field: 'handler', all: '全部承办人' },
];

const HEADERS = ['台账', '案号', '当事人', '节点', '期限', '超期/剩余', '承办人', '团队'];

let shownPage = 1;

export function chosenFilter(): AlertFilter {
  const filter: AlertFilter = {};
  for (const { id, field } of FILTERS) {
    const value = byId<HTMLSelectElement>(id).value;
    if (value !== '') filter[field] = value;
  }
  return filter;
}

/** The page now shown, for a refresh to load again. */
export function currentPage(): number {
  return shownPage;
}

export function fetchAlertPage(asked: Connection, page: number, pageSize: number): Promise<AlertList> {
  return fetchAlerts(asked, chosenFilter(), page, pageSize);
}

export function renderAlerts(list: AlertList, openCase: (caseNo: string) => void): void {
  shownPage = list.page;
  renderOptions(list.options);
  byId('alert-summary').textContent =
    list.total === 0 ? '没有超期或临期的节点。' : `共 ${list.total} 个节点：超期 ${list.overdue}，临期 ${list.dueSoon}（超期最久的在前）`;
  const box = byId('alert-list');
  if (list.alerts.length === 0) box.replaceChildren();
  else box.replaceChildren(alertTable(list.alerts, openCase));
  byId('alert-page').textContent = `第 ${list.page} / ${list.pages} 页`;
  byId<HTMLButtonElement>('alert-previous').disabled = list.page <= 1;
  byId<HTMLButtonElement>('alert-next').disabled = list.page >= list.pages;
  byId('alert-pager').hidden = list.pages <= 1;
}

export function clearAlerts(): void {
  shownPage = 1;
  for (const { id } of FILTERS) byId(id).replaceChildren();
  for (const id of ['alert-summary', 'alert-list', 'alert-page']) byId(id).replaceChildren();
  byId('alert-pager').hidden = true;
}

/** Each select offers the service's choices, keeping the one made. */
function renderOptions(options: AlertOptions): void {
  const choices: Record<keyof AlertFilter, Array<{ value: string; text: string }>> = {
    ledger: options.ledgers.map((ledger) => ({ value: ledger.id, text: ledger.name })),
    team: options.teams.map((team) => ({ value: team, text: team })),
    node: options.nodes.map((node) => ({ value: node, text: node })),
    handler: options.handlers.map((handler) => ({ value: handler, text: handler })),
  };
  for (const { id, field, all } of FILTERS) {
    const select = byId<HTMLSelectElement>(id);
    const chosen = select.value;
    select.replaceChildren(new Option(all, ''), ...choices[field].map((choice) => new Option(choice.text, choice.value)));
    select.value = choices[field].some((choice) => choice.value === chosen) ? chosen : '';
  }
}

function alertTable(alerts: readonly Alert[], openCase: (caseNo: string) => void): HTMLTableElement {
  const table = element('table', { class: 'alert-table' });
  table.createTHead().append(
    element(
      'tr',
      {},
      HEADERS.map((header) => element('th', {}, header)),
    ),
  );
  const body = table.createTBody();
  for (const alert of alerts) {
    const link = element(
      'button',
      { type: 'button', class: 'case-link', 'data-case': alert.caseNo, title: '查看该案各台账记录' },
      alert.caseNo,
    );
    link.addEventListener('click', () => openCase(alert.caseNo));
    body.append(
      element('tr', { 'data-state': alert.state }, [
        // The column says 台账 already: 案款, 拘留… read shorter on a wall screen.
        element('td', { class: 'ledger', title: alert.ledger }, alert.ledger.replace(/台账$/, '')),
        element('td', {}, [link]),
        element('td', { class: 'wraps' }, alert.party),
        element('td', {}, alert.node),
        element('td', { class: 'date' }, alert.dueOn),
        element('td', { class: `count alert-${alert.state}`, title: alert.state }, daysText(alert.daysLeft)),
        element('td', { class: 'wraps' }, alert.handler),
        element('td', {}, alert.team),
      ]),
    );
  }
  return table;
}

/** 超期 12 天, 今日到期, 剩余 3 天. */
export function daysText(daysLeft: number): string {
  if (daysLeft < 0) return `超期 ${-daysLeft} 天`;
  return daysLeft === 0 ? '今日到期' : `剩余 ${daysLeft} 天`;
}
