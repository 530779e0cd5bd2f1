// The process nodes of every ledger in the weekly report (SPEC §6): how many fell due in the week
// and were done on time or late, how many are open past their due date, and the list of those.

import type { AnyLedger, NodeRule } from '../../ledger.ts';
import { LEDGERS } from '../../ledgers/index.ts';
import { maskIdentitiesIn } from '../../normalize/index.ts';
import type { EvaluatedRow, ReportPeriod } from '../evaluation.ts';
import type { CaseFacts } from './cases.ts';

export interface NodeFigures {
  /** The node's name; a ledger other than cases is named in front: 案款·发放. */
  node: string;
  /** Nodes due from Monday to Sunday of the week. */
  dueThisWeek: number;
  /** Nodes done in the week, by their due date or after it. */
  doneOnTime: number;
  doneLate: number;
  /** Nodes open past their due date, as of the report's day (whenever they fell due). */
  openOverdue: number;
}

export interface OverdueNode {
  ledger: string;
  caseNo: string;
  node: string;
  dueOn: string;
  daysOverdue: number;
  /** The team the case was triaged to, '' before triage. */
  team: string;
  /** The row's 承办人, else the case's. */
  handler: string;
}

/** The nodes the report counts: every deadline node, not the informational ones. */
function countedNodes(ledger: AnyLedger): NodeRule[] {
  return ledger.nodes.filter((rule) => !rule.informational);
}

export function nodeLabel(ledger: AnyLedger, rule: NodeRule): string {
  return ledger.id === 'cases' ? rule.name : `${ledger.name.replace(/台账$/, '')}·${rule.name}`;
}

export function nodeFigures(evaluated: ReadonlyMap<string, readonly EvaluatedRow[]>, period: ReportPeriod): NodeFigures[] {
  return LEDGERS.flatMap((ledger) => {
    const figures = new Map(
      countedNodes(ledger).map((rule) => [
        rule.id,
        { node: nodeLabel(ledger, rule), dueThisWeek: 0, doneOnTime: 0, doneLate: 0, openOverdue: 0 },
      ]),
    );
    // One pass over the rows: a ledger may hold 100,000 of them.
    for (const row of evaluated.get(ledger.id) ?? []) {
      for (const node of row.nodes) {
        const counts = figures.get(node.id);
        if (!counts) continue;
        if (node.dueOn >= period.week.from && node.dueOn <= period.week.to) counts.dueThisWeek += 1;
        if (node.state === '已完成' && period.holds(node.doneOn)) counts.doneOnTime += 1;
        if (node.state === '超期完成' && period.holds(node.doneOn)) counts.doneLate += 1;
        if (node.state === '超期') counts.openOverdue += 1;
      }
    }
    return [...figures.values()];
  });
}

/**
 * Every node open past its due date as of the report's day, longest overdue first. A case row's
 * own facts are `caseRows` (made from the cases ledger's evaluated rows, in their order), others
 * find their case's by its number.
 */
export function overdueNodes(
  evaluated: ReadonlyMap<string, readonly EvaluatedRow[]>,
  cases: ReadonlyMap<string, CaseFacts>,
  caseRows: readonly CaseFacts[] = [],
): OverdueNode[] {
  const list: OverdueNode[] = [];
  /** Each listed node's ledger, by its place in LEDGERS (the order after days overdue). */
  const orders: number[] = [];
  // A bureau has a few dozen 承办人 over a hundred thousand overdue nodes: each name is masked once.
  const masked = new Map<string, string>();
  const maskedOnce = (text: string) => {
    let shown = masked.get(text);
    if (shown === undefined) masked.set(text, (shown = maskIdentitiesIn(text)));
    return shown;
  };
  LEDGERS.forEach((ledger, order) => {
    const counted = new Map(countedNodes(ledger).map((rule) => [rule.id, rule]));
    const own = ledger.id === 'cases' ? caseRows : [];
    (evaluated.get(ledger.id) ?? []).forEach(({ row, nodes }, rowIndex) => {
      // The row's case, team and 承办人, read at its first overdue node (a case often has several).
      let ofRow: { caseNo: string; team: string; handler: string } | null = null;
      for (const node of nodes) {
        if (node.state !== '超期') continue;
        const rule = counted.get(node.id);
        if (!rule) continue;
        if (!ofRow) {
          const caseNo = typeof row.values.caseNo === 'string' ? row.values.caseNo : '';
          const facts = own[rowIndex] ?? cases.get(caseNo);
          const handler = maskedOnce(typeof row.values.handler === 'string' ? row.values.handler : (facts?.handler ?? ''));
          ofRow = { caseNo, team: facts?.team ?? '', handler };
        }
        list.push({
          ledger: ledger.name,
          caseNo: ofRow.caseNo,
          node: rule.name,
          dueOn: node.dueOn,
          daysOverdue: -node.daysLeft!,
          team: ofRow.team,
          handler: ofRow.handler,
        });
        orders.push(order);
      }
    });
  });
  return longestOverdueFirst(list, orders);
}

/**
 * The list by days overdue (most first), then ledger, case number and node, with plain
 * comparisons, not localeCompare: it may hold 170,000 nodes over a few hundred distinct days, so
 * the nodes are put in groups by their days and only each group is sorted (stably, as one sort of
 * the whole list would). Ranking the case numbers once and sorting by numbers was tried: it took
 * 1.6–1.9 times as long for 171,000 nodes, since ranking sorts the 100,000 numbers' texts anyway.
 */
function longestOverdueFirst(list: OverdueNode[], orders: number[]): OverdueNode[] {
  const byDays = new Map<number, number[]>();
  list.forEach((node, index) => {
    const group = byDays.get(node.daysOverdue);
    if (group) group.push(index);
    else byDays.set(node.daysOverdue, [index]);
  });
  const sorted: OverdueNode[] = [];
  for (const [, group] of [...byDays].sort(([a], [b]) => b - a)) {
    group.sort((a, b) => orders[a] - orders[b] || compare(list[a].caseNo, list[b].caseNo) || compare(list[a].node, list[b].node));
    for (const index of group) sorted.push(list[index]);
  }
  return sorted;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
