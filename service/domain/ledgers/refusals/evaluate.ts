// Evaluates one refusal-to-execute row: the police's decision within 7 days of the transfer, or
// within the 30 days an approved extension allows once the 7 have passed; how far the case got.

import { asDate, type CivilDate } from '../../civil-date.ts';
import type { AnyLedger, EvalContext, NodeResult, RowEvaluation, RowInput, RowValues } from '../../ledger.ts';
import { computeNodes, summarizeNodes } from '../../nodes.ts';
import { countPeriod, describePeriod, type BasedDue, type Period } from '../../periods.ts';
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

  let policeDue: BasedDue | null = null;
  let period: Period = rule.period;
  if (transferredOn) {
    const anchor = { date: transferredOn, label: headers.transferredOn };
    const first = countPeriod(context.calendar, anchor, rule.period, { roll: rule.roll });
    const extended = countPeriod(context.calendar, anchor, rule.extendedPeriod, { roll: rule.roll });
    const within = `${rule.source}：移送之日起${describePeriod(rule.period)}内决定是否立案，经批准可延长至${describePeriod(rule.extendedPeriod)}`;
    // Whether the police extended is not known to the court: past the first period, the extended
    // one applies and the clerk is told to check.
    const late = decidedOn ? decidedOn > first.dueOn : asOf > first.dueOn;
    if (!late) policeDue = { ...first, basis: within };
    else {
      period = rule.extendedPeriod;
      policeDue = {
        ...extended,
        steps: `${first.steps}；该期限内未作出决定，按延长后的期限：${extended.steps}`,
        basis: `${within}（按延长后的期限计）`,
      };
      if (!decidedOn) problems.push(overdueDecision(first.dueOn, extended.dueOn, asOf, rule));
    }
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
  problems.push(...lookUpCase(values, context.view, headers.caseNo).problems);

  return { status: { phase: phaseOf(values, nodes[0]), ...summarizeNodes(nodes) }, nodes, problems, fixed: undefined };
}

function overdueDecision(firstDue: CivilDate, extendedDue: CivilDate, asOf: CivilDate, rule: RefusalsRules['policeDecision']): Problem {
  const message =
    asOf > extendedDue
      ? `移送公安已超过${describePeriod(rule.extendedPeriod)}（${extendedDue}）仍未收到立案决定，请督促公安机关作出决定（${rule.source}）`
      : `移送公安已超过${describePeriod(rule.period)}（${firstDue}）未收到立案决定：如公安机关未经批准延长，请督促其作出决定；延长的最迟至 ${extendedDue}（${rule.source}）`;
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
