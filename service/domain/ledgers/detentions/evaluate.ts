// Evaluates one detention row: the custody term and its last day, release on time, the limit on
// days, the family notice within hours of committal, and a second detention of the same person in
// the same case.

import { asDate, diffDays, type CivilDate } from '../../civil-date.ts';
import type { AnyLedger, EvalContext, NodeResult, RowEvaluation, RowInput, RowValues } from '../../ledger.ts';
import { computeNodes, summarizeNodes } from '../../nodes.ts';
import { countPeriod } from '../../periods.ts';
import { phaseFromNode } from '../../phases.ts';
import type { Problem } from '../../problem.ts';
import { checkDateOrder, headersOf } from '../../row.ts';
import { lookUpCase } from '../cases/lookup.ts';
import { repeatPunishmentCheck } from '../repeat-punishment.ts';
import { checkStartAt, familyNotice } from './family-notice.ts';
import type { DetentionsRules } from './rules.ts';

const checkRepeat = repeatPunishmentCheck({
  ledgerId: 'detentions',
  measure: '拘留',
  personColumn: 'person',
  personIdColumn: 'personId',
  dateColumns: ['decidedOn', 'startOn'],
});

const PHASES = { open: '在押', dueSoon: '临期释放', overdue: '应释放未释放', done: '已释放' };

export function evaluateDetention(ledger: AnyLedger, row: RowInput, context: EvalContext<DetentionsRules>): RowEvaluation {
  const { values } = row;
  const { rules, asOf } = context;
  const headers = headersOf(ledger);
  const problems: Problem[] = [];

  const days = typeof values.days === 'number' ? values.days : null;
  const startOn = asDate(values.startOn);
  problems.push(...checkDays(days, startOn, headers, rules));
  // Custody days count the day of committal: the last day is startOn + days − 1, never rolled.
  const endOn =
    startOn && days !== null && days >= 1
      ? {
          ...countPeriod(context.calendar, { date: startOn, label: headers.startOn }, { kind: 'days', n: days }, { inclusive: true }),
          basis: `${rules.days.source}：拘留 ${days} 日，自送拘之日起算（含首日），期满之日释放`,
        }
      : null;
  const { nodes } = computeNodes(ledger.nodes, {
    values,
    headers,
    calendar: context.calendar,
    asOf,
    configs: { release: { period: { kind: 'days', n: Math.max(days ?? 1, 1) }, roll: false, warnDays: rules.releaseWarnDays } },
    warnDefaults: context.warnDefaults,
    derived: { endOn },
  });
  const release = nodes.find((node) => node.id === 'release');
  const notice = familyNotice(values, headers, context);
  if (notice) problems.push(...notice.problems);
  problems.push(...checkStartAt(values, headers));
  if (endOn) problems.push(...checkRelease(values, endOn.dueOn, release?.state === '超期', headers));
  problems.push(...checkDateOrder(ledger.columns, values, ['decidedOn', 'startOn', 'releasedOn']));
  problems.push(...checkDateOrder(ledger.columns, values, ['startOn', 'familyNotifiedAt']));
  const allNodes = notice ? [notice.node, ...nodes] : nodes;
  if (!context.statusOnly) problems.push(...checkRepeat(row.rowId, values, context.view, headers, rules.repeatSource));
  if (!context.statusOnly) problems.push(...lookUpCase(values, context.view, headers.caseNo).problems);

  return {
    status: { endOn: endOn?.dueOn ?? null, phase: phaseOf(values, release, asOf), ...summarizeNodes(allNodes) },
    nodes: allNodes,
    problems,
    fixed: undefined,
  };
}

function phaseOf(values: RowValues, release: NodeResult | undefined, asOf: CivilDate): string {
  const startOn = asDate(values.startOn);
  if (asDate(values.releasedOn)) return PHASES.done;
  if (!startOn || startOn > asOf) return asDate(values.decidedOn) || startOn ? '待送拘' : '';
  return phaseFromNode(release, PHASES) ?? PHASES.open;
}

function checkDays(days: number | null, startOn: CivilDate | null, headers: Record<string, string>, rules: DetentionsRules): Problem[] {
  const { min, max, source } = rules.days;
  if (days === null) {
    return startOn ? [{ column: 'days', level: 'warning', message: `已填${headers.startOn}，${headers.days}为空，无法计算期满日期` }] : [];
  }
  if (days >= min && days <= max) return [];
  const reason = days > max ? `超过 ${max} 日的上限` : `应在 ${min} 至 ${max} 日之间`;
  return [{ column: 'days', level: 'error', message: `${headers.days}「${days}」${reason}（${source}）` }];
}

function checkRelease(values: RowValues, endOn: CivilDate, overdue: boolean, headers: Record<string, string>): Problem[] {
  const releasedOn = asDate(values.releasedOn);
  const early = values.earlyRelease === true;
  if (overdue) {
    return [
      {
        column: 'releasedOn',
        level: 'warning',
        message: `期满日期 ${endOn} 已过，${headers.releasedOn}为空：应释放未释放，请立即核实并办理解除`,
      },
    ];
  }
  if (!releasedOn) {
    return early
      ? [{ column: 'releasedOn', level: 'warning', message: `${headers.earlyRelease}为「是」，但${headers.releasedOn}为空` }]
      : [];
  }
  if (releasedOn > endOn) {
    return [
      {
        column: 'releasedOn',
        level: 'error',
        message: `${headers.releasedOn}「${releasedOn}」晚于期满日期 ${endOn}，超期羁押 ${diffDays(releasedOn, endOn)} 日`,
      },
    ];
  }
  if (releasedOn < endOn && !early) {
    return [
      {
        column: 'earlyRelease',
        level: 'warning',
        message: `${headers.releasedOn}「${releasedOn}」早于期满日期 ${endOn}，如系提前解除，请将${headers.earlyRelease}填为「是」`,
      },
    ];
  }
  if (releasedOn === endOn && early) {
    return [
      {
        column: 'earlyRelease',
        level: 'warning',
        cell: true,
        message: `${headers.earlyRelease}为「是」，但${headers.releasedOn}「${releasedOn}」即期满日期，并未提前`,
      },
    ];
  }
  return [];
}
