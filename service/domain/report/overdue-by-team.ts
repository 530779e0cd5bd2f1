// The 周通报 document's 超期 named per team (issue 14): each team's longest-overdue nodes, a few
// of them, and how many more; the full list stays in the xlsx. Pure.

import { TEAMS } from '../ledgers/cases/definition.ts';
import type { OverdueNode } from './weekly-report.ts';

export const OVERDUE_SHOWN_PER_TEAM = 20;
/** Where the nodes of cases not yet triaged are listed. */
export const UNTRIAGED = '未分流';

export interface TeamOverdue {
  team: string;
  total: number;
  /** The longest overdue first, at most OVERDUE_SHOWN_PER_TEAM. */
  shown: OverdueNode[];
  /** How many are not shown (「另有 N 件」). */
  more: number;
}

/** The teams in their usual order (then any other, then 未分流), only those with a node overdue; `overdue` comes longest-overdue first. */
export function overdueByTeam(overdue: readonly OverdueNode[], shownPerTeam = OVERDUE_SHOWN_PER_TEAM): TeamOverdue[] {
  const byTeam = new Map<string, OverdueNode[]>();
  for (const node of overdue) {
    const team = node.team === '' ? UNTRIAGED : node.team;
    const list = byTeam.get(team) ?? [];
    list.push(node);
    byTeam.set(team, list);
  }
  const order = (team: string) => (team === UNTRIAGED ? TEAMS.length + 1 : TEAMS.includes(team) ? TEAMS.indexOf(team) : TEAMS.length);
  return [...byTeam]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([team, list]) => ({
      team,
      total: list.length,
      shown: list.slice(0, shownPerTeam),
      more: Math.max(0, list.length - shownPerTeam),
    }));
}
