// The family notice after committal: within a number of hours (24 by default), counted in hours and
// never rolled to a workday. The hours run from 送拘时间 when the clerk recorded the moment; a bare
// 送拘日期 carries no time of day, so they run from the end of that day (24:00), the latest moment
// custody can have begun: a 超期 shown is then certain, never a guess.

import { addDays, asDate, diffDays, type CivilDate } from '../../civil-date.ts';
import { dateOf, evaluationMoment, fromMinuteNumber, isLocalDateTime, toMinuteNumber, type LocalDateTime } from '../../date-time.ts';
import type { EvalContext, NodeResult, NodeState, RowValues } from '../../ledger.ts';
import type { Problem } from '../../problem.ts';
import type { DetentionsRules } from './rules.ts';

const MINUTES_PER_DAY = 1440;

/** A limit falling exactly at midnight reads as 24:00 of the day before, as a clerk says it. */
function shown(minutes: number): { at: string; dueOn: CivilDate } {
  const at = fromMinuteNumber(minutes);
  if (minutes % MINUTES_PER_DAY !== 0) return { at, dueOn: dateOf(at) };
  const dueOn = addDays(dateOf(at), -1);
  return { at: `${dueOn} 24:00`, dueOn };
}

/** The moment the hours run from, and how the steps describe it. */
function committal(values: RowValues, headers: Record<string, string>): { minutes: number; described: string } | null {
  if (isLocalDateTime(values.startAt))
    return { minutes: toMinuteNumber(values.startAt), described: `${headers.startAt} ${values.startAt} ` };
  const startOn = asDate(values.startOn);
  if (!startOn) return null;
  return {
    minutes: toMinuteNumber(`${addDays(startOn, 1)} 00:00`),
    described: `${headers.startOn} ${startOn}（未填${headers.startAt}，按当日 24:00 计）`,
  };
}

/** 送拘时间 is the moment of 送拘日期: a time on another day is a typing error. */
export function checkStartAt(values: RowValues, headers: Record<string, string>): Problem[] {
  const startOn = asDate(values.startOn);
  if (!isLocalDateTime(values.startAt)) return [];
  if (!startOn) {
    return [
      {
        column: 'startOn',
        level: 'warning',
        message: `已填${headers.startAt}「${values.startAt}」，${headers.startOn}为空，无法计算期满日期`,
      },
    ];
  }
  if (dateOf(values.startAt) === startOn) return [];
  return [
    {
      column: 'startAt',
      level: 'error',
      message: `${headers.startAt}「${values.startAt}」与${headers.startOn}「${startOn}」不是同一天，请核对`,
    },
  ];
}

export interface FamilyNotice {
  node: NodeResult;
  problems: Problem[];
}

/** The node 通知家属 and its warnings; null until the person is committed. */
export function familyNotice(
  values: RowValues,
  headers: Record<string, string>,
  context: EvalContext<DetentionsRules>,
): FamilyNotice | null {
  const start = committal(values, headers);
  if (!start) return null;
  const { hours, warnHours, source } = context.rules.familyNotice;
  const limit = start.minutes + hours * 60;
  const { at: limitAt, dueOn } = shown(limit);
  const notifiedAt: LocalDateTime | null = isLocalDateTime(values.familyNotifiedAt) ? values.familyNotifiedAt : null;
  const reason = typeof values.notNotifiedReason === 'string' ? values.notNotifiedReason : null;
  const moment = evaluationMoment(context);

  let state: NodeState;
  if (notifiedAt) state = toMinuteNumber(notifiedAt) <= limit || reason ? '已完成' : '超期完成';
  else if (reason) state = '已完成';
  else if (moment > limit) state = '超期';
  else state = limit - moment <= warnHours * 60 ? '临期' : '正常';

  const closed = closure(notifiedAt, reason, limit, headers, dueOn);
  const node: NodeResult = {
    id: 'familyNotice',
    name: '通知家属',
    dueOn,
    doneOn: closed?.doneOn ?? null,
    state,
    daysLeft: closed ? null : diffDays(dueOn, context.asOf),
    basis: `${source}：采取拘留措施后 ${hours} 小时内通知被拘留人家属；确实无法按时通知或者通知不到的，应当记录在案`,
    steps: `${start.described}起算 ${hours} 小时，至 ${limitAt} 届满，按小时计算，不因节假日顺延` + (closed ? `；${closed.text}` : ''),
  };
  return { node, problems: problemsOf(state, notifiedAt, limitAt, headers, source) };
}

/** What closed the node: the notice (with a recorded reason when it came late), or the reason alone. */
function closure(
  notifiedAt: LocalDateTime | null,
  reason: string | null,
  limit: number,
  headers: Record<string, string>,
  dueOn: CivilDate,
): { doneOn: CivilDate; text: string } | null {
  if (notifiedAt) {
    const late = reason && toMinuteNumber(notifiedAt) > limit ? `，逾时原因已记录：${reason}` : '';
    return { doneOn: dateOf(notifiedAt), text: `${headers.familyNotifiedAt} ${notifiedAt}${late}` };
  }
  return reason ? { doneOn: dueOn, text: `${headers.notNotifiedReason}已记录：${reason}` } : null;
}

function problemsOf(
  state: NodeState,
  notifiedAt: LocalDateTime | null,
  limitAt: string,
  headers: Record<string, string>,
  source: string,
): Problem[] {
  const record = `确实无法按时通知或者通知不到的，请在${headers.notNotifiedReason}中记录（${source}）`;
  if (state === '超期') {
    return [
      {
        column: 'familyNotifiedAt',
        level: 'warning',
        message: `送拘后通知家属的时限 ${limitAt} 已过，${headers.familyNotifiedAt}为空：请立即通知；${record}`,
      },
    ];
  }
  if (state === '超期完成' && notifiedAt) {
    return [
      {
        column: 'familyNotifiedAt',
        level: 'warning',
        message: `${headers.familyNotifiedAt}「${notifiedAt}」晚于时限 ${limitAt}；${record}`,
      },
    ];
  }
  return [];
}
