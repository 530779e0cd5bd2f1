// Evaluates one case row: triage, the close and statutory deadlines, every node, the row checks.

import { asDate, diffDays, type CivilDate } from '../../civil-date.ts';
import type { AnyLedger, EvalContext, NodeConfig, RowEvaluation, RowInput, RowValues } from '../../ledger.ts';
import { CALENDAR_NOTE_DAYS, calendarNoteApplies, computeNodes, summarizeNodes } from '../../nodes.ts';
import { caseTypeOf } from '../../normalize/index.ts';
import { withBasis, type BasedDue, type Period } from '../../periods.ts';
import type { Problem } from '../../problem.ts';
import { checkDateOrder, headersOf } from '../../row.ts';
import type { CasesRules, CloseLimit } from './rules.ts';
import { caseTerm, deductedDue, type CaseTerm } from './term.ts';
import { screenClosedCases } from './screening.ts';
import { describeLimit, overrideTeam, proposeTeam, type TriageDecision } from './triage.ts';

/** The triage kept with a row once 分流日期 is set, so later edits do not move the case. */
export interface FixedTriage {
  team: string;
  ruleId: string | null;
  close: CloseLimit;
  basis: string;
}

const DATE_ORDER = ['filedOn', 'receptionOn', 'transferredOn', 'triagedOn', 'closedOn', 'archivedOn'];
/** 案件状态 of a case in its term and of a closed one; a running 扣除期间 shows its kind's word. */
const PHASES = { open: '在办', closed: '已结案' };
/** A notice is issued on or after filing and served on or after it is issued. */
const NOTICE_ORDER = ['filedOn', 'noticeIssuedOn', 'noticeOn'];

export function evaluateCase(ledger: AnyLedger, row: RowInput, context: EvalContext<CasesRules>): RowEvaluation {
  const { rules, calendar } = context;
  const headers = headersOf(ledger);
  const values = withCaseType(row.values);
  const problems: Problem[] = [];

  const { decision, fixed, basis } = decideTeam(values, row.fixed?.triage as FixedTriage | undefined, rules, problems);

  const filedOn = asDate(values.filedOn);
  const term = filedOn && decision ? caseTerm(filedOn, { values, headers, calendar, asOf: context.asOf, rules }) : null;
  const statutory = term?.statutory ?? null;
  const close = decision && term ? closeDue(decision, term, values, headers, context) : null;
  problems.push(...(term?.problems ?? []));

  const { nodes, warnings } = computeNodes(ledger.nodes, {
    values,
    headers,
    calendar,
    asOf: context.asOf,
    configs: nodeConfigs(rules, close?.period ?? term?.period ?? rules.statutory.period),
    warnDefaults: context.warnDefaults,
    derived: { closeDue: close?.due ?? null },
  });

  for (const warning of warnings) problems.push({ column: warning.column, level: 'warning', message: warning.message });
  // The statutory deadline concerns the 结案 node: its calendar note follows the same rule as a node's.
  const statutoryNoted =
    statutory !== null &&
    statutory.warnings.length > 0 &&
    calendarNoteApplies(
      nodes.find((node) => node.id === 'close'),
      nodes,
    ) &&
    diffDays(statutory.dueOn, context.asOf) <= CALENDAR_NOTE_DAYS;
  for (const message of statutoryNoted ? statutory.warnings : []) {
    if (!warnings.some((warning) => warning.message.endsWith(message)))
      problems.push({ column: 'filedOn', level: 'warning', message: `法定期限：${message}` });
  }
  if (!context.statusOnly) problems.push(...rowChecks(ledger, row.rowId, values, headers, context));

  const { nextNode, nextDue, daysLeft, alert } = summarizeNodes(nodes);
  return {
    status: {
      team: decision?.team ?? '',
      triageBasis: basis,
      closeDue: close?.due.dueOn ?? null,
      statutoryDue: statutory?.dueOn ?? null,
      phase: phaseOf(values, term),
      nextNode,
      nextDue,
      daysLeft,
      alert,
    },
    nodes,
    problems,
    fixed: fixed ? { triage: fixed } : undefined,
  };
}

/**
 * The row's values with its case type, which normalising the row set (see the 案号 column's
 * `derived`); values made otherwise get it here, in a copy.
 */
function withCaseType(values: RowValues): RowValues {
  return 'caseType' in values ? values : { ...values, caseType: caseTypeOf(values.caseNo) };
}

/**
 * The rules' node configurations with the 结案 node's period, which is the case's own: made once per
 * rules and period (a few periods serve 100,000 cases), not copied for each row.
 */
const configsByRules = new WeakMap<CasesRules['nodes'], Map<Period, Record<string, NodeConfig>>>();

function nodeConfigs(rules: CasesRules, closePeriod: Period): Record<string, NodeConfig> {
  let byPeriod = configsByRules.get(rules.nodes);
  if (!byPeriod) configsByRules.set(rules.nodes, (byPeriod = new Map()));
  let configs = byPeriod.get(closePeriod);
  if (!configs) byPeriod.set(closePeriod, (configs = { ...rules.nodes, close: { period: closePeriod, roll: true } }));
  return configs;
}

/** The checks that only add problems: date order, 线下调查, 结案 and 终本 screening. */
function rowChecks(ledger: AnyLedger, rowId: string, values: RowValues, headers: Record<string, string>, context: EvalContext<CasesRules>) {
  const { rules } = context;
  return [
    ...checkDateOrder(ledger.columns, values, DATE_ORDER),
    ...checkDateOrder(ledger.columns, values, NOTICE_ORDER),
    ...checkDateOrder(ledger.columns, values, ['filedOn', 'resumeNoticeOn']),
    ...checkOfflineInquiry(values, headers, rules.offlineInquiryBeforeTransfer),
    ...checkClosure(values, headers),
    ...screenClosedCases(rowId, values, context.view, rules.screeningMonths),
  ];
}

function decideTeam(values: RowValues, stored: FixedTriage | undefined, rules: CasesRules, problems: Problem[]) {
  const proposal = proposeTeam(values, rules.triage);
  if (!proposal) {
    const why = values.caseType ? `${values.caseType}案件不属于执行实施案件` : '案号无法识别案件类型';
    return { decision: null, fixed: undefined, basis: `${why}，不进行繁简分流` };
  }
  const triaged = asDate(values.triagedOn);
  const fixed: FixedTriage | undefined = triaged ? (stored ?? proposal) : undefined;
  if (fixed && stored && stored.team !== proposal.team) {
    problems.push({
      column: 'triagedOn',
      level: 'warning',
      message: `本案已于 ${triaged} 分流至${stored.team}，团队不变；按现行规则将分至${proposal.team}（${proposal.ruleId ? `规则${proposal.ruleId}` : '兜底规则'}）`,
    });
  }
  const override = typeof values.teamOverride === 'string' ? values.teamOverride : null;
  if (override) {
    const reason = typeof values.overrideReason === 'string' ? values.overrideReason : null;
    if (!reason) problems.push({ column: 'overrideReason', level: 'warning', message: `分流调整为${override}，但未填写调整理由` });
    const decision = overrideTeam(override, reason, fixed ?? proposal, rules.triage);
    return { decision, fixed, basis: decision.basis };
  }
  const decision: TriageDecision = fixed ?? proposal;
  const basis = triaged ? `${decision.basis}（${triaged} 分流确定）` : `${decision.basis}（尚未分流，为规则建议）`;
  return { decision, fixed, basis };
}

/** 「速执团队分流之日起60日内结案（来源）」: made once per limit, team and source, not per case. */
const teamBases = new WeakMap<CloseLimit, Map<string, Map<string, string>>>();

function teamBasis(team: string, limit: CloseLimit, source: string): string {
  let byTeam = teamBases.get(limit);
  if (!byTeam) teamBases.set(limit, (byTeam = new Map()));
  let bySource = byTeam.get(team);
  if (!bySource) byTeam.set(team, (bySource = new Map()));
  let basis = bySource.get(source);
  if (basis === undefined) bySource.set(source, (basis = `${team}${describeLimit(limit)}（${source}）`));
  return basis;
}

/**
 * The team's deadline counts from triage (else transfer); closeDue is the earlier of it and the
 * statutory one. `period` is the one that set the date, for the warning window.
 */
function closeDue(
  decision: TriageDecision,
  term: CaseTerm,
  values: RowValues,
  headers: Record<string, string>,
  context: EvalContext<CasesRules>,
): { due: BasedDue; period: Period } {
  const { statutory, period: statutoryPeriod } = term;
  const limit = decision.close;
  const anchorColumn = asDate(values.triagedOn) ? 'triagedOn' : asDate(values.transferredOn) ? 'transferredOn' : null;
  if (limit.from === 'statutory') return { due: statutory, period: statutoryPeriod };
  if (!anchorColumn) {
    return { due: { ...statutory, steps: `${statutory.steps}（尚未流转或分流，暂按法定期限）` }, period: statutoryPeriod };
  }
  const anchor = { date: values[anchorColumn] as CivilDate, label: headers[anchorColumn] };
  const deductions = context.rules.deductions.teamDeadline ? term.deductions : [];
  const team = deductedDue(context.calendar, anchor, limit.period, limit.roll, { deductions, asOf: context.asOf });
  if (team.dueOn <= statutory.dueOn) {
    return { due: withBasis(team, teamBasis(decision.team, limit, context.rules.triage.source)), period: limit.period };
  }
  return {
    due: { ...statutory, steps: `${statutory.steps}；团队期限 ${team.dueOn} 晚于法定期限，以法定期限为准` },
    period: statutoryPeriod,
  };
}

function phaseOf(values: RowValues, term: CaseTerm | null): string {
  if (asDate(values.closedOn)) return PHASES.closed;
  return term?.running?.phase ?? PHASES.open;
}

function checkClosure(values: RowValues, headers: Record<string, string>): Problem[] {
  if (values.closedOn && !values.closureMode) {
    return [
      { column: 'closureMode', level: 'error', message: `已填${headers.closedOn}「${values.closedOn}」，${headers.closureMode}不能为空` },
    ];
  }
  if (values.closureMode && !values.closedOn) {
    return [
      { column: 'closedOn', level: 'error', message: `已填${headers.closureMode}「${values.closureMode}」，${headers.closedOn}不能为空` },
    ];
  }
  return [];
}

/** The bureau's own limit: 线下调查 is finished before the case is transferred. */
function checkOfflineInquiry(
  values: RowValues,
  headers: Record<string, string>,
  limit: CasesRules['offlineInquiryBeforeTransfer'],
): Problem[] {
  const inquiry = asDate(values.offlineInquiryOn);
  const transferred = asDate(values.transferredOn);
  if (!limit || !inquiry || !transferred || inquiry <= transferred) return [];
  return [
    {
      column: 'offlineInquiryOn',
      level: 'warning',
      cell: true,
      message: `${headers.offlineInquiryOn}「${inquiry}」晚于${headers.transferredOn}「${transferred}」：${limit.source}`,
    },
  ];
}
