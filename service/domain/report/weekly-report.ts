// The weekly report (周通报, SPEC §6): every ledger evaluated as of the week's Sunday (or an earlier
// asOf within the week) by its own rules, and counted. Pure: the rows, the week, the day, the
// rules and the calendar come in; the SPEC §6 JSON comes out.

import type { Calendar } from '../calendar.ts';
import type { CivilDate } from '../civil-date.ts';
import type { CasesRules } from '../ledgers/cases/rules.ts';
import { LEDGERS } from '../ledgers/index.ts';
import type { RulesConfig } from '../rules.ts';
import type { ReportRow } from './as-of.ts';
import { evaluateAsOf, reportPeriod } from './evaluation.ts';
import {
  archiveFigures,
  caseFacts,
  teamFigures,
  triageFigures,
  type ArchiveFigures,
  type CaseFacts,
  type TeamFigures,
  type TriageFigures,
} from './sections/cases.ts';
import { measureFigures, type MeasureFigures } from './sections/measures.ts';
import { nodeFigures, overdueNodes, type NodeFigures, type OverdueNode } from './sections/nodes.ts';
import { paymentFigures, type PaymentFigures } from './sections/payments.ts';
import type { IsoWeek } from './week.ts';

export type { ArchiveFigures, MeasureFigures, NodeFigures, OverdueNode, PaymentFigures, TeamFigures, TriageFigures };

export interface WeeklyReport {
  /** '2026-W48' */
  week: string;
  /** Monday and Sunday of the week. */
  from: CivilDate;
  to: CivilDate;
  /** The day the figures are taken at: the week's Sunday, or the asOf asked for when earlier. */
  asOf: CivilDate;
  teams: TeamFigures[];
  nodes: NodeFigures[];
  triage: TriageFigures[];
  /** Cases triaged in the week whose team was set by 分流调整. */
  overrides: number;
  payments: PaymentFigures;
  measures: MeasureFigures;
  archive: ArchiveFigures;
  overdue: OverdueNode[];
}

export interface ReportInput {
  week: IsoWeek;
  /** Not before the week's Monday; a day after its Sunday means the Sunday. */
  asOf: CivilDate;
  /** Live rows of every ledger, by ledger id. */
  rows: ReadonlyMap<string, readonly ReportRow[]>;
  rules: RulesConfig;
  calendar: Calendar;
}

/** The day a report for `week` asked for as of `asOf` is taken at; null when asOf is before the week. */
export function reportDay(week: IsoWeek, asOf: CivilDate): CivilDate | null {
  if (asOf < week.from) return null;
  return asOf < week.to ? asOf : week.to;
}

export function buildWeeklyReport(input: ReportInput): WeeklyReport {
  const { week } = input;
  const asOf = reportDay(week, input.asOf);
  if (!asOf) throw new RangeError(`asOf ${input.asOf} is before week ${week.id}`);
  const period = reportPeriod(week, asOf);
  const evaluated = evaluateAsOf(input.rows, asOf, input.rules, input.calendar);
  const cases = caseFacts(evaluated.get('cases') ?? []);
  const byCaseNo = new Map<string, CaseFacts>();
  for (const facts of cases) if (!byCaseNo.has(facts.caseNo)) byCaseNo.set(facts.caseNo, facts);
  const { triage, overrides } = triageFigures(cases, period, input.rules.ledgers.cases as CasesRules);
  return {
    week: week.id,
    from: week.from,
    to: week.to,
    asOf,
    teams: teamFigures(cases, period),
    nodes: nodeFigures(evaluated, period),
    triage,
    overrides,
    payments: paymentFigures(evaluated.get('payments') ?? [], period),
    measures: measureFigures(LEDGERS, evaluated, period),
    archive: archiveFigures(cases, period),
    overdue: overdueNodes(evaluated, byCaseNo, cases),
  };
}
