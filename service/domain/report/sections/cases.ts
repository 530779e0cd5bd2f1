// The cases ledger's part of the weekly report: each team's intake, closures and open cases, the
// week's triage by rule, and archiving (SPEC §6).

import { asDate, diffDays, type CivilDate } from '../../civil-date.ts';
import type { NodeResult } from '../../ledger.ts';
import { TEAMS } from '../../ledgers/cases/definition.ts';
import type { FixedTriage } from '../../ledgers/cases/evaluate.ts';
import type { CasesRules } from '../../ledgers/cases/rules.ts';
import { ruleName } from '../../ledgers/cases/triage.ts';
import type { EvaluatedRow, ReportPeriod } from '../evaluation.ts';

export interface TeamFigures {
  team: string;
  /** Cases triaged to the team in the week. */
  received: number;
  /** The team's cases closed in the week. */
  closed: number;
  /** The team's cases not closed, as of the report's day. */
  open: number;
  /**
   * …of which past their closing deadline (结案 超期). A case in a running 扣除期间 (中止执行 …) has those
   * days deducted, so it is overdue only when its term had run out before the period began.
   */
  overdue: number;
  /** …of which within its warning window (结案 临期). */
  dueSoon: number;
  /** 首执平均用时: mean days from filing to closing of the team's 首执 (执) cases closed in the week; null when none. */
  avgDaysToClose: number | null;
  /** 结案率: closed / received in the week; null when none was received. */
  closeRate: number | null;
}

export interface TriageFigures {
  team: string;
  rule: string;
  count: number;
}

export interface ArchiveFigures {
  /** Cases closed in the week (every case type). */
  closed: number;
  /** 归档 done in the week within its 20 days. */
  archivedOnTime: number;
  /** Closed cases not archived past their 20 days, as of the report's day. */
  archiveOverdue: number;
}

/** What the report reads of one case, as of its day. */
export interface CaseFacts {
  caseNo: string;
  /** The team the case was triaged to (分流调整 included); null until it is triaged. */
  team: string | null;
  /** 承办人 as typed (the report masks identity numbers where it shows it). */
  handler: string;
  filedOn: CivilDate | null;
  triagedOn: CivilDate | null;
  closedOn: CivilDate | null;
  firstExecution: boolean;
  overridden: boolean;
  ruleId: string | null;
  close: NodeResult | undefined;
  archive: NodeResult | undefined;
}

export function caseFacts(evaluated: readonly EvaluatedRow[]): CaseFacts[] {
  return evaluated.map(({ row: { values }, status, nodes, fixed }) => {
    const triagedOn = asDate(values.triagedOn);
    const team = triagedOn && typeof status.team === 'string' && status.team !== '' ? status.team : null;
    const caseNo = typeof values.caseNo === 'string' ? values.caseNo : '';
    return {
      caseNo,
      team,
      handler: typeof values.handler === 'string' ? values.handler : '',
      filedOn: asDate(values.filedOn),
      triagedOn,
      closedOn: asDate(values.closedOn),
      firstExecution: values.caseType === '执',
      overridden: team !== null && typeof values.teamOverride === 'string',
      ruleId: (fixed?.triage as FixedTriage | undefined)?.ruleId ?? null,
      close: nodeOf(nodes, 'close'),
      archive: nodeOf(nodes, 'archive'),
    };
  });
}

function nodeOf(nodes: readonly NodeResult[], id: string): NodeResult | undefined {
  for (const node of nodes) if (node.id === id) return node;
  return undefined;
}

/** One pass over the cases (a bureau holds 100,000), each counted into its team's figures. */
export function teamFigures(cases: readonly CaseFacts[], period: ReportPeriod): TeamFigures[] {
  const tallies = new Map(
    TEAMS.map((team) => [team, { received: 0, closed: 0, open: 0, overdue: 0, dueSoon: 0, firstClosed: 0, firstDays: 0 }]),
  );
  for (const facts of cases) {
    const tally = facts.team === null ? undefined : tallies.get(facts.team);
    if (!tally) continue;
    if (period.holds(facts.triagedOn)) tally.received += 1;
    if (period.holds(facts.closedOn)) {
      tally.closed += 1;
      if (facts.firstExecution && facts.filedOn !== null) {
        tally.firstClosed += 1;
        tally.firstDays += diffDays(facts.closedOn, facts.filedOn);
      }
    }
    if (facts.closedOn === null) {
      tally.open += 1;
      if (facts.close?.state === '超期') tally.overdue += 1;
      if (facts.close?.state === '临期') tally.dueSoon += 1;
    }
  }
  return [...tallies].map(([team, { received, closed, open, overdue, dueSoon, firstClosed, firstDays }]) => ({
    team,
    received,
    closed,
    open,
    overdue,
    dueSoon,
    avgDaysToClose: firstClosed > 0 ? round(firstDays / firstClosed, 1) : null,
    closeRate: received > 0 ? round(closed / received, 4) : null,
  }));
}

/** The teams, the one with the most 超期 first, then the most 临期, then the most open; equals keep their order. */
export function worstFirst(teams: readonly TeamFigures[]): TeamFigures[] {
  return [...teams].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || b.open - a.open);
}

export const OVERRIDE_RULE = '分流调整';
export const FALLBACK_RULE = '兜底规则';

/** The week's triage, by team and rule, in the order of the teams and of the configured rules. */
export function triageFigures(
  cases: readonly CaseFacts[],
  period: ReportPeriod,
  rules: CasesRules,
): { triage: TriageFigures[]; overrides: number } {
  const triaged = cases.filter((facts) => facts.team !== null && period.holds(facts.triagedOn));
  const order = (facts: CaseFacts) => {
    if (facts.overridden) return rules.triage.rules.length + 1;
    const index = rules.triage.rules.findIndex((rule) => rule.id === facts.ruleId);
    return index >= 0 ? index : rules.triage.rules.length;
  };
  const label = (facts: CaseFacts) => {
    if (facts.overridden) return OVERRIDE_RULE;
    if (facts.ruleId === null) return FALLBACK_RULE;
    const rule = rules.triage.rules.find((candidate) => candidate.id === facts.ruleId);
    return rule ? ruleName(rule) : `规则${facts.ruleId}`;
  };
  const counts = new Map<string, TriageFigures & { teamOrder: number; ruleOrder: number }>();
  for (const facts of triaged) {
    const rule = label(facts);
    const key = `${facts.team}|${rule}`;
    const entry = counts.get(key) ?? { team: facts.team!, rule, count: 0, teamOrder: TEAMS.indexOf(facts.team!), ruleOrder: order(facts) };
    entry.count += 1;
    counts.set(key, entry);
  }
  const triage = [...counts.values()]
    .sort((a, b) => a.teamOrder - b.teamOrder || a.ruleOrder - b.ruleOrder || a.rule.localeCompare(b.rule))
    .map(({ team, rule, count }) => ({ team, rule, count }));
  return { triage, overrides: triaged.filter((facts) => facts.overridden).length };
}

export function archiveFigures(cases: readonly CaseFacts[], period: ReportPeriod): ArchiveFigures {
  return {
    closed: cases.filter((facts) => period.holds(facts.closedOn)).length,
    archivedOnTime: cases.filter((facts) => facts.archive?.state === '已完成' && period.holds(facts.archive.doneOn)).length,
    archiveOverdue: cases.filter((facts) => facts.archive?.state === '超期').length,
  };
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
