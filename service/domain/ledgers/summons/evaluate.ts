// Evaluates one summons row: the questioning limit in hours (8, or 24 where detention may follow),
// counted from arrival and looked at as of the evaluation moment; the prior summons; the case.

import { asDate, diffDays, type CivilDate } from '../../civil-date.ts';
import {
  dateOf,
  evaluationMoment,
  fromMinuteNumber,
  hoursBetween,
  isLocalDateTime,
  toMinuteNumber,
  type LocalDateTime,
} from '../../date-time.ts';
import type { AnyLedger, EvalContext, NodeResult, NodeState, RowEvaluation, RowInput, RowValues } from '../../ledger.ts';
import { summarizeNodes } from '../../nodes.ts';
import { phaseFromNode } from '../../phases.ts';
import type { Problem } from '../../problem.ts';
import { checkDateOrder, headersOf } from '../../row.ts';
import { lookUpCase } from '../cases/lookup.ts';
import type { SummonsRules } from './rules.ts';

const PHASES = { open: '询问中', dueSoon: '询问中', overdue: '超时未结束', done: '询问结束' };

interface Questioning {
  arrivedAt: LocalDateTime;
  endedAt: LocalDateTime | null;
  limitAt: LocalDateTime;
  limitHours: number;
  detainable: boolean;
}

export function evaluateSummons(ledger: AnyLedger, row: RowInput, context: EvalContext<SummonsRules>): RowEvaluation {
  const { values } = row;
  const { rules } = context;
  const headers = headersOf(ledger);
  const problems: Problem[] = [];

  const questioning = questioningOf(values, rules);
  const nodes = questioning ? [questioningNode(questioning, evaluationMoment(context), context.asOf, rules)] : [];
  if (questioning) problems.push(...checkLimit(questioning, headers, rules));
  problems.push(...checkPriorSummons(values, headers, rules.source));
  problems.push(...checkDateOrder(ledger.columns, values, ['warrantOn', 'arrivedAt', 'endedAt']));
  if (!context.statusOnly) problems.push(...lookUpCase(values, context.view, headers.caseNo).problems);

  const phase = phaseFromNode(nodes[0], PHASES) ?? (asDate(values.warrantOn) ? '待到案' : '');
  return {
    status: {
      hours: questioning?.endedAt ? hoursBetween(questioning.arrivedAt, questioning.endedAt) : null,
      limitAt: questioning?.limitAt ?? null,
      phase,
      ...summarizeNodes(nodes),
    },
    nodes,
    problems,
    fixed: undefined,
  };
}

function questioningOf(values: RowValues, rules: SummonsRules): Questioning | null {
  if (!isLocalDateTime(values.arrivedAt)) return null;
  const detainable = values.mayDetain === true;
  const limitHours = detainable ? rules.detainableHours : rules.questioningHours;
  return {
    arrivedAt: values.arrivedAt,
    endedAt: isLocalDateTime(values.endedAt) ? values.endedAt : null,
    limitAt: fromMinuteNumber(toMinuteNumber(values.arrivedAt) + limitHours * 60),
    limitHours,
    detainable,
  };
}

/** The limit in hours: done when questioning ended by it, 超期 when still open past it as of the moment. */
function questioningNode(q: Questioning, moment: number, asOf: CivilDate, rules: SummonsRules): NodeResult {
  const limit = toMinuteNumber(q.limitAt);
  let state: NodeState;
  if (q.endedAt) state = toMinuteNumber(q.endedAt) <= limit ? '已完成' : '超期完成';
  else if (moment > limit) state = '超期';
  else state = limit - moment <= rules.warnHours * 60 ? '临期' : '正常';
  const dueOn = dateOf(q.limitAt);
  return {
    id: 'questioning',
    name: '询问时限',
    dueOn,
    doneOn: q.endedAt ? dateOf(q.endedAt) : null,
    state,
    daysLeft: q.endedAt ? null : diffDays(dueOn, asOf),
    basis: `${rules.source}：到案后调查询问不得超过${q.limitHours}小时${q.detainable ? '（情况复杂，依法可能采取拘留措施）' : ''}`,
    steps: `到案时间 ${q.arrivedAt} 起算 ${q.limitHours} 小时，至 ${q.limitAt} 届满`,
  };
}

function checkLimit(q: Questioning, headers: Record<string, string>, rules: SummonsRules): Problem[] {
  if (!q.endedAt || toMinuteNumber(q.endedAt) <= toMinuteNumber(q.limitAt)) return [];
  const hours = hoursBetween(q.arrivedAt, q.endedAt);
  const limit = q.detainable ? `可能采取拘留措施时 ${q.limitHours} 小时` : ` ${q.limitHours} 小时`;
  const hint =
    !q.detainable && hours <= rules.detainableHours
      ? `；如情况复杂、依法可能采取拘留措施，请将${headers.mayDetain}填为「是」（时限 ${rules.detainableHours} 小时）`
      : '';
  return [
    {
      column: 'endedAt',
      level: 'error',
      message: `${headers.endedAt}「${q.endedAt}」距${headers.arrivedAt} ${q.arrivedAt} 已 ${hours} 小时，超过${limit}的询问时限（${rules.source}）${hint}`,
    },
  ];
}

/** 拘传 presupposes a summons refused without good reason: a summons on or before the warrant (or the arrival). */
function checkPriorSummons(values: RowValues, headers: Record<string, string>, source: string): Problem[] {
  const summonedOn = asDate(values.summonedOn);
  if (!summonedOn) {
    return [
      {
        column: 'summonedOn',
        level: 'warning',
        cell: true,
        message: `${headers.summonedOn}为空：拘传应以经依法传唤无正当理由拒不到场为前提（${source}），请补录传唤情况`,
      },
    ];
  }
  const warrantOn = asDate(values.warrantOn);
  const next = warrantOn
    ? { column: 'warrantOn', date: warrantOn }
    : isLocalDateTime(values.arrivedAt)
      ? { column: 'arrivedAt', date: dateOf(values.arrivedAt) }
      : null;
  if (!next || summonedOn <= next.date) return [];
  return [
    {
      column: 'summonedOn',
      level: 'warning',
      cell: true,
      message: `${headers.summonedOn}「${summonedOn}」晚于${headers[next.column]}「${next.date}」，拘传前未见传唤记录（${source}），请核实`,
    },
  ];
}
