// Evaluates one control row: the expiry the clerk entered, revocation, and 待撤控 once the case
// is closed in the cases ledger while the control is still live.

import { asDate, diffDays } from '../../civil-date.ts';
import type { AnyLedger, EvalContext, NodeResult, RowEvaluation, RowInput, RowValues } from '../../ledger.ts';
import { computeNodes, summarizeNodes } from '../../nodes.ts';
import { phaseFromNode } from '../../phases.ts';
import type { Problem } from '../../problem.ts';
import { checkDateOrder, headersOf } from '../../row.ts';
import { closureAsOf, describeClosure, lookUpCase } from '../cases/lookup.ts';
import type { ControlsRules } from './rules.ts';

const PHASES = { open: '布控中', dueSoon: '临期', overdue: '已到期', done: '已撤控' };
/** The case is closed and the control is still live: the weekly report counts these. */
export const PENDING_REVOCATION = '待撤控';
const ACHIEVED = ['到案', '查获'];
/** A control whose length is unknown gets the warning window of a long period. */
const UNKNOWN_LENGTH_DAYS = 365;

/** The column naming what is controlled (被控人 or 车牌号) and the word for it in messages. */
interface Target {
  id: string;
  what: string;
}

export function evaluateControl(ledger: AnyLedger, target: Target, row: RowInput, context: EvalContext<ControlsRules>): RowEvaluation {
  const { values } = row;
  const { rules, asOf } = context;
  const headers = headersOf(ledger);
  const problems: Problem[] = [];

  const requestedOn = asDate(values.requestedOn);
  const expiresOn = asDate(values.expiresOn);
  const revokedOn = asDate(values.revokedOn);
  if (!expiresOn && !revokedOn) {
    problems.push({
      column: 'expiresOn',
      level: 'warning',
      cell: true,
      message: `${headers.expiresOn}为空：临控没有全国统一的期限，请按布控文书填写到期日`,
    });
  }
  const length = requestedOn && expiresOn && expiresOn > requestedOn ? diffDays(expiresOn, requestedOn) : UNKNOWN_LENGTH_DAYS;
  const { nodes } = computeNodes(ledger.nodes, {
    values,
    headers,
    calendar: context.calendar,
    asOf,
    configs: { expiry: { period: { kind: 'days', n: length }, roll: false, warnDays: rules.expiryWarnDays } },
    warnDefaults: context.warnDefaults,
    derived: {
      expiresOn: expiresOn
        ? {
            dueOn: expiresOn,
            steps: `${headers.expiresOn} ${expiresOn}（按布控文书填写）`,
            warnings: [],
            basis: '布控文书载明的到期日（临控无全国统一期限）',
          }
        : null,
    },
  });

  const found = lookUpCase(values, context.view, headers.caseNo);
  problems.push(...found.problems);
  const closure = closureAsOf(found.found, asOf, rules.revokeOnClosure);
  const live = !!requestedOn && !revokedOn && (!expiresOn || asOf <= expiresOn);
  if (live && closure) {
    problems.push({
      column: 'revokedOn',
      level: 'warning',
      message: `案件${describeClosure(String(values.caseNo), closure)}，${target.what}${shownTarget(values, target, headers)}仍在布控，应及时撤控`,
    });
  }
  if (typeof values.result === 'string' && ACHIEVED.includes(values.result) && !revokedOn) {
    problems.push({
      column: 'revokedOn',
      level: 'warning',
      message: `${headers.result}为「${values.result}」，${headers.revokedOn}为空：布控目的已达到，请及时撤控`,
    });
  }
  problems.push(...checkDateOrder(ledger.columns, values, ['requestedOn', 'expiresOn']));
  problems.push(...checkDateOrder(ledger.columns, values, ['requestedOn', 'revokedOn']));

  return {
    status: { phase: phaseOf(values, nodes[0], live && !!closure), ...summarizeNodes(nodes) },
    nodes,
    problems,
    fixed: undefined,
  };
}

function shownTarget(values: RowValues, target: Target, headers: Record<string, string>): string {
  return typeof values[target.id] === 'string' ? `（${headers[target.id]}「${values[target.id]}」）` : '';
}

function phaseOf(values: RowValues, expiry: NodeResult | undefined, pendingRevocation: boolean): string {
  if (asDate(values.revokedOn)) return PHASES.done;
  if (!asDate(values.requestedOn)) return '';
  if (pendingRevocation) return PENDING_REVOCATION;
  return phaseFromNode(expiry, PHASES) ?? PHASES.open;
}
