// A lawful hold on a disbursement (暂缓发放, 法发〔2017〕6号 第十五条第二款): while the money is
// held, the aging clock and the 发放 period stop. The days held are the difference of the dates, as
// a period counts (its first day not counted): 暂缓发放日期 itself still runs, 恢复发放日期 does not,
// so the days left stand still from the day of the hold. Once resumed, the 10 days of 第十五条第三款
// remain at least.

import type { Calendar } from '../../calendar.ts';
import { asDate, diffDays, type CivilDate } from '../../civil-date.ts';
import type { NodeConfig, RowValues } from '../../ledger.ts';
import { countPeriod, describePeriod, lengthenPeriod, type BasedDue } from '../../periods.ts';
import type { Problem } from '../../problem.ts';
import type { HoldReason, PaymentsRules } from './rules.ts';

type HoldRules = PaymentsRules['holds'];

export interface Hold {
  heldOn: CivilDate;
  /** The day the hold ended by asOf: its resumption, else the disbursement; null while it lasts. */
  endedOn: CivilDate | null;
  /** The column that ended it, for the steps. */
  endedBy: 'resumedOn' | 'disbursedOn' | null;
  reason: HoldReason;
}

/**
 * The row's hold as of asOf, with what is wrong in the clerk's entry. A hold counts only with a
 * configured reason and dates in order (the order itself is checked with the row's other dates).
 */
export function readHold(
  values: RowValues,
  headers: Record<string, string>,
  rules: HoldRules,
  asOf: CivilDate,
): { hold: Hold | null; problems: Problem[] } {
  const heldOn = asDate(values.heldOn);
  const resumedOn = asDate(values.resumedOn);
  const typed = typeof values.holdReason === 'string' ? values.holdReason.trim() : '';
  const problems: Problem[] = [];
  if (!heldOn) {
    if (resumedOn) problems.push(error('resumedOn', `已填${headers.resumedOn}，${headers.heldOn}为空，请补录暂缓发放日期`));
    if (typed !== '') problems.push(warning('holdReason', `已填${headers.holdReason}，${headers.heldOn}为空，暂缓未计入`));
    return { hold: null, problems };
  }
  const reason = reasonOf(typed, rules.reasons);
  if (!reason) {
    const listed = `可选：${rules.reasons.map((item) => item.name).join('、')}（${rules.source}）`;
    const message =
      typed === ''
        ? `已填${headers.heldOn}，${headers.holdReason}为空：暂缓未计入发放期限和账龄，请选择暂缓原因，${listed}`
        : `${headers.holdReason}「${typed}」不是规则配置的暂缓原因，暂缓未计入，${listed}`;
    problems.push(error('holdReason', message));
    return { hold: null, problems };
  }
  if (heldOn > asOf || !inOrder(values, heldOn, resumedOn)) return { hold: null, problems };
  return { hold: { reason, heldOn, ...endOf(values, resumedOn, asOf) }, problems };
}

function reasonOf(typed: string, reasons: HoldReason[]): HoldReason | undefined {
  return reasons.find((reason) => reason.name === typed || reason.aliases.includes(typed));
}

/** The dates the row's date order check would pass: received ≤ held ≤ resumed, and held ≤ disbursed. */
function inOrder(values: RowValues, heldOn: CivilDate, resumedOn: CivilDate | null): boolean {
  const receivedOn = asDate(values.receivedOn);
  const disbursedOn = asDate(values.disbursedOn);
  if (!receivedOn || heldOn < receivedOn) return false;
  return !(resumedOn && resumedOn < heldOn) && !(disbursedOn && disbursedOn < heldOn);
}

/** A resumption after asOf has not happened yet; a disbursement ends a hold nobody resumed. */
function endOf(values: RowValues, resumedOn: CivilDate | null, asOf: CivilDate): Pick<Hold, 'endedOn' | 'endedBy'> {
  const disbursedOn = asDate(values.disbursedOn);
  if (resumedOn && resumedOn <= asOf && !(disbursedOn && disbursedOn < resumedOn)) return { endedOn: resumedOn, endedBy: 'resumedOn' };
  if (disbursedOn) return { endedOn: disbursedOn, endedBy: 'disbursedOn' };
  return { endedOn: null, endedBy: null };
}

/** Days held up to `until` (the hold day itself still counted), 0 without a hold. */
export function daysHeld(hold: Hold | null, until: CivilDate): number {
  if (!hold || until <= hold.heldOn) return 0;
  const end = hold.endedOn !== null && hold.endedOn < until ? hold.endedOn : until;
  return diffDays(end, hold.heldOn);
}

export interface HeldDueInputs {
  calendar: Calendar;
  receivedOn: CivilDate;
  hold: Hold;
  asOf: CivilDate;
  config: NodeConfig;
  rules: HoldRules;
  headers: Record<string, string>;
  /** The node's basis without the hold. */
  basis: string;
}

/**
 * The 发放 due date with the days held not counted; while the hold lasts, as it would stand if the
 * money were released on asOf. A hold that began after the period had run out stops the clock but
 * does not undo the lateness, and earns no 10 days after it.
 */
export function heldDisbursementDue(inputs: HeldDueInputs): BasedDue {
  const { calendar, hold, asOf, config, rules, headers } = inputs;
  const anchor = { date: inputs.receivedOn, label: headers.receivedOn };
  const plain = countPeriod(calendar, anchor, config.period, { roll: config.roll });
  const unrolled = countPeriod(calendar, anchor, config.period, { roll: false });
  const end = hold.endedOn ?? asOf;
  const days = diffDays(end, hold.heldOn);
  const why =
    hold.endedBy === null
      ? `${hold.heldOn} 起暂缓发放（${hold.reason.name}），截至 ${asOf} 已暂缓 ${days} 日，不计入`
      : `${hold.heldOn} 暂缓发放、${end} ${headers[hold.endedBy].replace(/日期$/, '')}，暂缓发放 ${days} 日（${hold.reason.name}），不计入`;
  const deducted = lengthenPeriod(calendar, unrolled, days, why, { roll: config.roll });
  const basis = `${inputs.basis}；暂缓发放期间不计入（${rules.source}${hold.reason.clause}）`;
  if (hold.heldOn > plain.dueOn) {
    return { ...deducted, steps: `${deducted.steps}（暂缓前原期限 ${plain.dueOn} 已届满，暂缓不免除超期）`, basis };
  }
  const label = hold.endedBy ? headers[hold.endedBy] : '统计日（按当日恢复发放计）';
  const after = countPeriod(calendar, { date: end, label }, rules.afterResume, { roll: config.roll });
  if (after.dueOn <= deducted.dueOn) return { ...deducted, basis };
  return {
    dueOn: after.dueOn,
    steps: `${deducted.steps}；恢复发放后${describePeriod(rules.afterResume)}内发放：${after.steps}，以此为期限`,
    warnings: [...deducted.warnings, ...after.warnings],
    basis: `${basis}；情形消失后${describePeriod(rules.afterResume)}内完成发放（${rules.afterResumeSource}）`,
  };
}

/** A hold begun after the period ran out: the clerk is told it does not excuse the delay. */
export function lateHoldWarning(hold: Hold, periodDue: CivilDate, headers: Record<string, string>, rules: HoldRules): Problem | null {
  if (hold.heldOn <= periodDue) return null;
  const late = diffDays(hold.heldOn, periodDue);
  return warning(
    'heldOn',
    `${headers.heldOn}「${hold.heldOn}」晚于发放期限「${periodDue}」：暂缓前已超期 ${late} 日，暂缓不免除超期，请核实暂缓审批（${rules.source}）`,
  );
}

function error(column: string, message: string): Problem {
  return { column, level: 'error', message };
}

function warning(column: string, message: string): Problem {
  return { column, level: 'warning', message };
}
