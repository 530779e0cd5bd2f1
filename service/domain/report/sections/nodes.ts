// The process nodes of every ledger in the weekly report (SPEC §6): how many fell due in the week
// and were done on time or late, how many are open past their due date, and the list of those.

import { diffDays } from '../../civil-date.ts';
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
  return LEDGERS.flatMap((ledger) =>
    countedNodes(ledger).map((rule) => {
      const nodes = (evaluated.get(ledger.id) ?? []).flatMap((row) => row.nodes.filter((node) => node.id === rule.id));
      return {
        node: nodeLabel(ledger, rule),
        dueThisWeek: nodes.filter((node) => node.dueOn >= period.week.from && node.dueOn <= period.week.to).length,
        doneOnTime: nodes.filter((node) => node.state === '已完成' && period.holds(node.doneOn)).length,
        doneLate: nodes.filter((node) => node.state === '超期完成' && period.holds(node.doneOn)).length,
        openOverdue: nodes.filter((node) => node.state === '超期').length,
      };
    }),
  );
}

/** Every node open past its due date as of the report's day, longest overdue first. */
export function overdueNodes(evaluated: ReadonlyMap<string, readonly EvaluatedRow[]>, cases: ReadonlyMap<string, CaseFacts>, period: ReportPeriod): OverdueNode[] {
  const list: Array<OverdueNode & { order: number }> = [];
  LEDGERS.forEach((ledger, order) => {
    const counted = new Map(countedNodes(ledger).map((rule) => [rule.id, rule]));
    for (const { row, nodes } of evaluated.get(ledger.id) ?? []) {
      const caseNo = typeof row.values.caseNo === 'string' ? row.values.caseNo : '';
      const facts = cases.get(caseNo);
      const handler = typeof row.values.handler === 'string' ? maskIdentitiesIn(row.values.handler) : (facts?.handler ?? '');
      for (const node of nodes) {
        const rule = counted.get(node.id);
        if (!rule || node.state !== '超期') continue;
        list.push({ ledger: ledger.name, caseNo, node: rule.name, dueOn: node.dueOn, daysOverdue: diffDays(period.asOf, node.dueOn), team: facts?.team ?? '', handler, order });
      }
    }
  });
  return list
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.order - b.order || a.caseNo.localeCompare(b.caseNo) || a.node.localeCompare(b.node))
    .map(({ order: _order, ...entry }) => entry);
}
