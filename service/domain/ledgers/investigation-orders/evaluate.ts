// Evaluates one investigation order: its validity (default or typed, within the maximum) and
// the date by which it must be returned.

import { asDate } from '../../civil-date.ts';
import type { AnyLedger, EvalContext, RowEvaluation, RowInput } from '../../ledger.ts';
import { computeNodes, summarizeNodes } from '../../nodes.ts';
import { countPeriod, type Period } from '../../periods.ts';
import { phaseFromNode } from '../../phases.ts';
import type { Problem } from '../../problem.ts';
import { checkDateOrder, headersOf } from '../../row.ts';
import { lookUpCase } from '../cases/lookup.ts';
import type { InvestigationOrdersRules } from './rules.ts';

const PHASES = { open: '有效', dueSoon: '临期', overdue: '逾期未交回', done: '已交回' };

export function evaluateInvestigationOrder(
  ledger: AnyLedger,
  row: RowInput,
  context: EvalContext<InvestigationOrdersRules>,
): RowEvaluation {
  const { values } = row;
  const { validity } = context.rules;
  const headers = headersOf(ledger);
  const problems: Problem[] = [];

  const typed = typeof values.validDays === 'number' ? values.validDays : null;
  if (typed !== null && typed < 1) {
    problems.push({ column: 'validDays', level: 'error', message: `${headers.validDays}「${typed}」应至少为 1 日` });
  } else if (typed !== null && typed > validity.maxDays) {
    problems.push({
      column: 'validDays',
      level: 'error',
      message: `${headers.validDays}「${typed}」超过 ${validity.maxDays} 日的上限（${validity.source}）`,
    });
  }
  // An order longer than allowed still has the return date written on it: count what was typed.
  const days = typed === null ? validity.defaultDays : typed >= 1 ? typed : null;
  const period: Period | null = days === null ? null : { kind: 'days', n: days };
  const issuedOn = asDate(values.issuedOn);
  const dueOn =
    issuedOn && period
      ? {
          ...countPeriod(context.calendar, { date: issuedOn, label: headers.issuedOn }, period, { roll: validity.roll }),
          basis: `${validity.source}：签发之日起 ${days} 日内交回${typed === null ? `（未填${headers.validDays}，按默认 ${days} 日）` : ''}`,
        }
      : null;
  const { nodes, warnings } = computeNodes(ledger.nodes, {
    values,
    headers,
    calendar: context.calendar,
    asOf: context.asOf,
    configs: period ? { return: { period, roll: validity.roll } } : {},
    warnDefaults: context.warnDefaults,
    derived: { dueOn },
  });
  for (const warning of warnings) problems.push({ column: 'issuedOn', level: 'warning', message: warning.message });
  problems.push(...checkDateOrder(ledger.columns, values, ['issuedOn', 'returnedOn']));
  if (!context.statusOnly) problems.push(...lookUpCase(values, context.view, headers.caseNo).problems);

  return {
    status: { dueOn: dueOn?.dueOn ?? null, phase: phaseFromNode(nodes[0], PHASES) ?? '', ...summarizeNodes(nodes) },
    nodes,
    problems,
    fixed: undefined,
  };
}
