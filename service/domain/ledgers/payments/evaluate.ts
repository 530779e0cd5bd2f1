// Evaluates one payment: notification on the day it arrives, disbursement within the configured
// period, and its aging (新到账 → 提醒 → 通报) while it waits on the account; a lawful hold
// (暂缓发放) stops both clocks and its days are not counted.

import { asDate, diffDays, type CivilDate } from '../../civil-date.ts';
import type { AnyLedger, EvalContext, NodeResult, RowEvaluation, RowInput, RowValues } from '../../ledger.ts';
import { computeNodes, nodeResult, summarizeNodes, warnDaysFor } from '../../nodes.ts';
import type { Problem } from '../../problem.ts';
import { checkDateOrder, headersOf } from '../../row.ts';
import { lookUpCase } from '../cases/lookup.ts';
import { daysHeld, heldDisbursementDue, lateHoldWarning, readHold, type Hold } from './holds.ts';
import { PAYMENT_PHASES, type PaymentsRules } from './rules.ts';

export function evaluatePayment(ledger: AnyLedger, row: RowInput, context: EvalContext<PaymentsRules>): RowEvaluation {
  const { values } = row;
  const { rules, asOf } = context;
  const headers = headersOf(ledger);
  const problems: Problem[] = [];

  const computed = computeNodes(ledger.nodes, {
    values,
    headers,
    calendar: context.calendar,
    asOf,
    configs: rules.nodes,
    warnDefaults: context.warnDefaults,
  });
  for (const warning of computed.warnings) problems.push({ column: 'receivedOn', level: 'warning', message: warning.message });

  const { hold, problems: holdProblems } = readHold(values, headers, rules.holds, asOf);
  problems.push(...holdProblems);
  const nodes = hold ? withHold(ledger, computed.nodes, hold, values, context) : computed.nodes;
  const disbursement = computed.nodes.find((node) => node.id === 'disburse');
  const late = hold && disbursement ? lateHoldWarning(hold, disbursement.dueOn, headers, rules.holds) : null;
  if (late) problems.push(late);

  const age = ageOf(values, hold, asOf);
  const phase = phaseOf(values, hold, age, rules.aging);
  if (age && (phase === PAYMENT_PHASES.remind || phase === PAYMENT_PHASES.report)) problems.push(agingWarning(age, phase, rules.aging));
  if (values.amount === 0) problems.push({ column: 'amount', level: 'error', message: `${headers.amount}「0」应大于 0` });
  if (asDate(values.disbursedOn) && typeof values.payee !== 'string') {
    problems.push({ column: 'payee', level: 'warning', message: `已填${headers.disbursedOn}，${headers.payee}为空，请补录领款人` });
  }
  problems.push(...checkDateOrder(ledger.columns, values, ['receivedOn', 'notifiedOn']));
  problems.push(...checkDateOrder(ledger.columns, values, ['receivedOn', 'heldOn', 'resumedOn', 'disbursedOn']));
  if (!context.statusOnly) problems.push(...lookUpCase(values, context.view, headers.caseNo).problems);

  return { status: { ageDays: age?.days ?? null, phase, ...summarizeNodes(nodes) }, nodes, problems, fixed: undefined };
}

/** The 发放 node counted again with the days held left out. */
function withHold(
  ledger: AnyLedger,
  nodes: NodeResult[],
  hold: Hold,
  values: RowValues,
  context: EvalContext<PaymentsRules>,
): NodeResult[] {
  const receivedOn = asDate(values.receivedOn);
  const rule = ledger.nodes.find((candidate) => candidate.id === 'disburse');
  const config = context.rules.nodes.disburse;
  return nodes.map((node) => {
    if (node.id !== 'disburse' || !receivedOn || !rule) return node;
    const due = heldDisbursementDue({
      calendar: context.calendar,
      receivedOn,
      hold,
      asOf: context.asOf,
      config,
      rules: context.rules.holds,
      headers: headersOf(ledger),
      basis: node.basis,
    });
    return nodeResult(rule, due, node.doneOn, context.asOf, warnDaysFor(config, context.warnDefaults));
  });
}

interface Age {
  /** Days the money has waited, the days held not counted. */
  days: number;
  held: number;
}

/** Days the money has been on the account: until it was disbursed, else until asOf; none before it arrives. */
function ageOf(values: RowValues, hold: Hold | null, asOf: CivilDate): Age | null {
  const receivedOn = asDate(values.receivedOn);
  const until = asDate(values.disbursedOn) ?? asOf;
  if (!receivedOn || until < receivedOn) return null;
  const held = daysHeld(hold, until);
  return { days: diffDays(until, receivedOn) - held, held };
}

function phaseOf(values: RowValues, hold: Hold | null, age: Age | null, aging: PaymentsRules['aging']): string {
  if (asDate(values.disbursedOn)) return PAYMENT_PHASES.disbursed;
  if (age === null) return '';
  if (hold && hold.endedOn === null) return PAYMENT_PHASES.held;
  if (age.days >= aging.reportFromDay) return PAYMENT_PHASES.report;
  return age.days >= aging.remindFromDay ? PAYMENT_PHASES.remind : PAYMENT_PHASES.fresh;
}

function agingWarning(age: Age, phase: string, aging: PaymentsRules['aging']): Problem {
  const { remindFromDay, reportFromDay, source } = aging;
  const held = age.held > 0 ? `（暂缓发放 ${age.held} 日不计入）` : '';
  return {
    column: 'disbursedOn',
    level: 'warning',
    message: `案款到账已 ${age.days} 日${held}尚未发放，处于「${phase}」阶段（满 ${remindFromDay} 日提醒、满 ${reportFromDay} 日通报，${source}）`,
  };
}
