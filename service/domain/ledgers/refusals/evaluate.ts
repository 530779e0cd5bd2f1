// Evaluates one refusal-to-execute row: the police's decision within 7 days of the transfer, or
// within 30 days when the clerk recorded that the police extended the review; how far the case got.

import type { Calendar } from '../../calendar.ts';
import { asDate, type CivilDate } from '../../civil-date.ts';
import type { AnyLedger, EvalContext, NodeResult, RowEvaluation, RowInput, RowValues } from '../../ledger.ts';
import { computeNodes, summarizeNodes } from '../../nodes.ts';
import { countPeriod, describePeriod, type BasedDue } from '../../periods.ts';
import { phaseFromNode } from '../../phases.ts';
import type { Problem } from '../../problem.ts';
import { checkDateOrder, headersOf } from '../../row.ts';
import { lookUpCase } from '../cases/lookup.ts';
import type { RefusalsRules } from './rules.ts';

const PHASES = { open: '待公安决定', dueSoon: '待公安决定', overdue: '公安逾期未决定', done: '公安已决定' };

export function evaluateRefusal(ledger: AnyLedger, row: RowInput, context: EvalContext<RefusalsRules>): RowEvaluation {
  const { asOf } = context;
  const rule = context.rules.policeDecision;
  const headers = headersOf(ledger);
  const problems: Problem[] = [];

  const decisions = [asDate(row.values.policeFiledOn), asDate(row.values.policeReplyOn)].filter((date): date is CivilDate => date !== null);
  const decidedOn = decisions.length > 0 ? decisions.reduce((first, date) => (date < first ? date : first)) : null;
  const values: RowValues = { ...row.values, policeDecidedOn: decidedOn };
  const transferredOn = asDate(values.transferredOn);

  const extended = values.policeExtended === true;
  const period = extended ? rule.extendedPeriod : rule.period;
  const policeDue = transferredOn
    ? decisionDue(context.calendar, { date: transferredOn, label: headers.transferredOn }, extended, rule)
    : null;
  if (policeDue && !decidedOn && asOf > policeDue.dueOn) {
    problems.push(overdueDecision(policeDue.dueOn, extended, headers.policeExtended, rule));
  }
  const { nodes, warnings } = computeNodes(ledger.nodes, {
    values,
    headers,
    calendar: context.calendar,
    asOf,
    configs: { policeDecision: { period, roll: rule.roll } },
    warnDefaults: context.warnDefaults,
    derived: { policeDue },
  });
  for (const warning of warnings) problems.push({ column: 'transferredOn', level: 'warning', message: warning.message });

  if (asDate(values.policeFiledOn) && asDate(values.policeReplyOn)) {
    problems.push({
      column: 'policeReplyOn',
      level: 'warning',
      message: `${headers.policeFiledOn}与${headers.policeReplyOn}都已填写，请核实公安机关的决定`,
    });
  }
  problems.push(...checkDateOrder(ledger.columns, values, ['transferredOn', 'policeFiledOn', 'prosecutedOn', 'verdictOn']));
  problems.push(...checkDateOrder(ledger.columns, values, ['transferredOn', 'policeReplyOn']));
  if (!context.statusOnly) problems.push(...lookUpCase(values, context.view, headers.caseNo).problems);

  return { status: { phase: phaseOf(values, nodes[0]), ...summarizeNodes(nodes) }, nodes, problems, fixed: undefined };
}

/** The police's decision is due 7 days from the transfer, or 30 for a case they extended; a rest-day end moves on. */
function decisionDue(
  calendar: Calendar,
  anchor: { date: CivilDate; label: string },
  extended: boolean,
  rule: RefusalsRules['policeDecision'],
): BasedDue {
  const period = extended ? rule.extendedPeriod : rule.period;
  const due = countPeriod(calendar, anchor, period, { roll: rule.roll });
  const last = rule.roll ? countPeriod(calendar, anchor, period, { roll: false }).dueOn : due.dueOn;
  const which = extended
    ? `公安机关以重大疑难复杂延长审查的，移送之日起${describePeriod(period)}内决定是否立案`
    : `移送之日起${describePeriod(period)}内决定是否立案（未记录公安延长审查）`;
  const rolled = due.dueOn === last ? '' : `；期间最后一日为节假日的，以节假日后的第一日为期满日期（${rule.rollSource}）`;
  return { ...due, basis: `${rule.source}：${which}${rolled}` };
}

function overdueDecision(due: CivilDate, extended: boolean, extensionHeader: string, rule: RefusalsRules['policeDecision']): Problem {
  if (extended) {
    const message = `移送公安已超过延长审查的${describePeriod(rule.extendedPeriod)}（${due}）仍未收到立案决定，请督促公安机关作出决定（${rule.source}）`;
    return { column: 'policeFiledOn', level: 'warning', message };
  }
  const ifExtended = `公安机关以重大疑难复杂延长审查的，请在「${extensionHeader}」填「是」，按${describePeriod(rule.extendedPeriod)}计`;
  const message = `移送公安已超过${describePeriod(rule.period)}（${due}）未收到立案决定，请督促公安机关作出决定；${ifExtended}（${rule.source}）`;
  return { column: 'policeFiledOn', level: 'warning', message };
}

function phaseOf(values: RowValues, decision: NodeResult | undefined): string {
  if (asDate(values.verdictOn)) return '已判决';
  if (asDate(values.prosecutedOn)) return '已起诉';
  if (asDate(values.policeFiledOn)) return '公安已立案';
  if (asDate(values.policeReplyOn)) return '公安不予立案';
  if (values.route === '自诉') return '待起诉';
  return phaseFromNode(decision, PHASES) ?? (values.route === '移送公安' ? '待移送' : '');
}
