// Evaluates one payment: notification on the day it arrives, disbursement within the configured
// period, and its aging (新到账 → 提醒 → 通报) while it waits on the account.

import { asDate, diffDays, type CivilDate } from '../../civil-date.ts';
import type { AnyLedger, EvalContext, RowEvaluation, RowInput, RowValues } from '../../ledger.ts';
import { computeNodes, summarizeNodes } from '../../nodes.ts';
import type { Problem } from '../../problem.ts';
import { checkDateOrder, headersOf } from '../../row.ts';
import { lookUpCase } from '../cases/lookup.ts';
import { PAYMENT_PHASES, type PaymentsRules } from './rules.ts';

export function evaluatePayment(ledger: AnyLedger, row: RowInput, context: EvalContext<PaymentsRules>): RowEvaluation {
  const { values } = row;
  const { rules, asOf } = context;
  const headers = headersOf(ledger);
  const problems: Problem[] = [];

  const { nodes, warnings } = computeNodes(ledger.nodes, {
    values,
    headers,
    calendar: context.calendar,
    asOf,
    configs: rules.nodes,
    warnDefaults: context.warnDefaults,
  });
  for (const warning of warnings) problems.push({ column: 'receivedOn', level: 'warning', message: warning.message });

  const ageDays = ageOf(values, asOf);
  const phase = phaseOf(values, ageDays, rules.aging);
  if (phase === PAYMENT_PHASES.remind || phase === PAYMENT_PHASES.report) {
    const { remindFromDay, reportFromDay, source } = rules.aging;
    problems.push({
      column: 'disbursedOn',
      level: 'warning',
      message: `案款到账已 ${ageDays} 日尚未发放，处于「${phase}」阶段（满 ${remindFromDay} 日提醒、满 ${reportFromDay} 日通报，${source}）`,
    });
  }
  if (values.amount === 0) problems.push({ column: 'amount', level: 'error', message: `${headers.amount}「0」应大于 0` });
  if (asDate(values.disbursedOn) && typeof values.payee !== 'string') {
    problems.push({ column: 'payee', level: 'warning', message: `已填${headers.disbursedOn}，${headers.payee}为空，请补录领款人` });
  }
  problems.push(...checkDateOrder(ledger.columns, values, ['receivedOn', 'notifiedOn']));
  problems.push(...checkDateOrder(ledger.columns, values, ['receivedOn', 'disbursedOn']));
  problems.push(...lookUpCase(values, context.view, headers.caseNo).problems);

  return { status: { ageDays, phase, ...summarizeNodes(nodes) }, nodes, problems, fixed: undefined };
}

/** Days the money has been on the account: until it was disbursed, else until asOf; none before it arrives. */
function ageOf(values: RowValues, asOf: CivilDate): number | null {
  const receivedOn = asDate(values.receivedOn);
  const until = asDate(values.disbursedOn) ?? asOf;
  if (!receivedOn || until < receivedOn) return null;
  return diffDays(until, receivedOn);
}

function phaseOf(values: RowValues, ageDays: number | null, aging: PaymentsRules['aging']): string {
  if (asDate(values.disbursedOn)) return PAYMENT_PHASES.disbursed;
  if (ageDays === null) return '';
  if (ageDays >= aging.reportFromDay) return PAYMENT_PHASES.report;
  return ageDays >= aging.remindFromDay ? PAYMENT_PHASES.remind : PAYMENT_PHASES.fresh;
}
