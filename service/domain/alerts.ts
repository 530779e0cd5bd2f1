// 超期 and 临期 across every ledger (the 看板's alert list): each open deadline node past or within its
// warning window, with the case it belongs to, its team and 承办人, most urgent first. Reads a
// ledger's columns only through its definition's `caseColumns` and `assignment`.

import { asDate, type CivilDate } from './civil-date.ts';
import type { AnyLedger, NodeResult, RowValues } from './ledger.ts';
import { maskIdentitiesIn } from './normalize/index.ts';
import type { RawValue } from './problem.ts';

/** A live row evaluated as of a date, with its normalised values. */
export interface EvaluatedLedgerRow {
  rowId: string;
  values: RowValues;
  /** The values as typed (a value that cannot be read is shown as typed). */
  raw: Record<string, RawValue>;
  status: Record<string, string | number | null>;
  nodes: NodeResult[];
}

export interface LedgerRows {
  ledger: AnyLedger;
  rows: readonly EvaluatedLedgerRow[];
}

/** Who has a case: the team it was assigned to ('' before) and its 承办人, from the ledger that assigns cases. */
export interface CaseOwner {
  team: string;
  handler: string;
}

export type AlertState = '超期' | '临期';

export interface Alert {
  ledgerId: string;
  ledger: string;
  caseNo: string;
  /** 当事人, '' when the ledger names none; identity numbers masked. */
  party: string;
  node: string;
  dueOn: CivilDate;
  /** Days left to the due date; negative when overdue. */
  daysLeft: number;
  state: AlertState;
  /** The row's 承办人, else the case's; identity numbers masked. */
  handler: string;
  team: string;
}

/** The text of a cell as a manager reads it, identity numbers masked; '' when empty. */
export function cellText(value: RowValues[string] | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return maskIdentitiesIn(Array.isArray(value) ? value.join('、') : String(value));
}

export function caseNoOf(ledger: AnyLedger, values: RowValues): string {
  const caseNo = values[ledger.caseColumns.caseNo];
  return typeof caseNo === 'string' ? caseNo : '';
}

/** The team and 承办人 of every case, read from the ledgers that assign rows to teams. */
export function caseOwners(ledgers: readonly LedgerRows[]): Map<string, CaseOwner> {
  const owners = new Map<string, CaseOwner>();
  for (const { ledger, rows } of ledgers) {
    const { assignment, caseColumns } = ledger;
    if (!assignment) continue;
    for (const { values, status } of rows) {
      const team = status[assignment.teamStatus];
      const assigned = asDate(values[assignment.assignedOn]) !== null && typeof team === 'string';
      const handler = caseColumns.handler === undefined ? '' : cellText(values[caseColumns.handler]);
      owners.set(caseNoOf(ledger, values), { team: assigned ? team : '', handler });
    }
  }
  return owners;
}

/** Every open deadline node in 超期 or 临期 over the ledgers, most overdue first, then fewest days left. */
export function alertsOf(ledgers: readonly LedgerRows[], owners: ReadonlyMap<string, CaseOwner>): Alert[] {
  const alerts: Array<Alert & { order: number }> = [];
  ledgers.forEach(({ ledger, rows }, order) => {
    const counted = new Set(ledger.nodes.filter((rule) => !rule.informational).map((rule) => rule.id));
    const { party, handler } = ledger.caseColumns;
    for (const { values, nodes } of rows) {
      const caseNo = caseNoOf(ledger, values);
      const owner = owners.get(caseNo);
      for (const node of nodes) {
        if (!counted.has(node.id) || node.daysLeft === null || (node.state !== '超期' && node.state !== '临期')) continue;
        alerts.push({
          ledgerId: ledger.id,
          ledger: ledger.name,
          caseNo,
          party: party === undefined ? '' : cellText(values[party]),
          node: node.name,
          dueOn: node.dueOn,
          daysLeft: node.daysLeft,
          state: node.state,
          handler: (handler === undefined ? '' : cellText(values[handler])) || (owner?.handler ?? ''),
          team: owner?.team ?? '',
          order,
        });
      }
    }
  });
  // Plain comparisons, not localeCompare: a bureau may have tens of thousands of alerts.
  return alerts
    .sort((a, b) => a.daysLeft - b.daysLeft || a.order - b.order || compare(a.caseNo, b.caseNo) || compare(a.node, b.node))
    .map(({ order: _order, ...alert }) => alert);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the list is narrowed to; an absent field does not narrow. */
export interface AlertFilter {
  ledger?: string;
  team?: string;
  node?: string;
  handler?: string;
}

/** The filter's choices, taken from the alerts themselves (all of them, so a choice never vanishes). */
export interface AlertOptions {
  ledgers: Array<{ id: string; name: string }>;
  teams: string[];
  nodes: string[];
  handlers: string[];
}

export interface AlertPage {
  /** Alerts the filter keeps, of which 超期 and 临期. */
  total: number;
  overdue: number;
  dueSoon: number;
  page: number;
  pageSize: number;
  pages: number;
  alerts: Alert[];
  options: AlertOptions;
}

/** One page of the alerts the filter keeps (a page past the last gives the last), with the filter's choices. */
export function alertPage(
  alerts: readonly Alert[],
  ledgerOrder: readonly AnyLedger[],
  filter: AlertFilter,
  page: number,
  pageSize: number,
): AlertPage {
  const kept = alerts.filter(
    (alert) =>
      (filter.ledger === undefined || alert.ledgerId === filter.ledger) &&
      (filter.team === undefined || alert.team === filter.team) &&
      (filter.node === undefined || alert.node === filter.node) &&
      (filter.handler === undefined || alert.handler === filter.handler),
  );
  const pages = Math.max(1, Math.ceil(kept.length / pageSize));
  const shown = Math.min(page, pages);
  const overdue = kept.filter((alert) => alert.state === '超期').length;
  return {
    total: kept.length,
    overdue,
    dueSoon: kept.length - overdue,
    page: shown,
    pageSize,
    pages,
    alerts: kept.slice((shown - 1) * pageSize, shown * pageSize),
    options: alertOptions(alerts, ledgerOrder),
  };
}

function alertOptions(alerts: readonly Alert[], ledgerOrder: readonly AnyLedger[]): AlertOptions {
  const present = (pick: (alert: Alert) => string) =>
    [...new Set(alerts.map(pick))].filter((value) => value !== '').sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const ledgerIds = new Set(alerts.map((alert) => alert.ledgerId));
  const teams = new Set(alerts.map((alert) => alert.team));
  return {
    ledgers: ledgerOrder.filter((ledger) => ledgerIds.has(ledger.id)).map(({ id, name }) => ({ id, name })),
    // In the bureau's order of teams (the options of the column where a team is assigned).
    teams: ledgerOrder.flatMap(teamsOf).filter((team) => teams.has(team)),
    nodes: present((alert) => alert.node),
    handlers: present((alert) => alert.handler),
  };
}

function teamsOf(ledger: AnyLedger): string[] {
  const { assignment } = ledger;
  return (assignment && ledger.columns.find((column) => column.id === assignment.teamColumn)?.options) || [];
}
