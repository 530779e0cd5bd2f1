// The 执行期限 of a case: the statutory term (6 months, a tagged case its own, e.g. 非诉执行 3), an
// approved extension (延长审批日期, 延长至), and the periods not counted toward it (扣除期间). The
// last day moves by each in turn, and only then does an end on a rest day roll; the steps say each.

import { addDays, addMonths, asDate, diffDays, type CivilDate } from '../../civil-date.ts';
import type { Calendar } from '../../calendar.ts';
import type { RowValues } from '../../ledger.ts';
import { MONTHS_SUFFIX } from '../../normalize/index.ts';
import { countPeriod, describePeriod, rollOffRestDay, withBasis, type BasedDue, type DueDate, type Period } from '../../periods.ts';
import type { Problem } from '../../problem.ts';
import { readDeductions, type DeductedPeriod } from './deductions.ts';
import type { CasesRules, DeductionKind } from './rules.ts';

/** A last day on its way to the due date, with the counting so far. */
interface Moving {
  last: CivilDate;
  steps: string;
}

export interface CaseTerm {
  statutory: BasedDue;
  period: Period;
  /** The periods typed in 扣除期间 (none when the cell has a mistake), for the team deadline too. */
  deductions: DeductedPeriod[];
  /** The kind of the period running as of the day evaluated, if one is. */
  running: DeductionKind | null;
  problems: Problem[];
}

interface TermInputs {
  values: RowValues;
  headers: Record<string, string>;
  calendar: Calendar;
  asOf: CivilDate;
  rules: CasesRules;
}

export function caseTerm(filedOn: CivilDate, inputs: TermInputs): CaseTerm {
  const { values, headers, calendar, rules, asOf } = inputs;
  const tags = Array.isArray(values.tags) ? values.tags : [];
  const own = rules.statutory.byTag.find((term) => tags.includes(term.tag));
  const period = own?.period ?? rules.statutory.period;
  const anchor = { date: filedOn, label: headers.filedOn };
  const plain = countPeriod(calendar, anchor, period, { roll: rules.statutory.roll });
  const problems: Problem[] = [];
  const counted = countPeriod(calendar, anchor, period, { roll: false });
  const extension = extend({ last: counted.dueOn, steps: counted.steps }, plain.dueOn, inputs, problems);
  const text = typeof values.deductions === 'string' ? values.deductions : '';
  const read = readDeductions(text, rules.deductions.kinds, filedOn, headers.deductions);
  for (const message of read.messages) problems.push({ column: 'deductions', level: 'error', message });
  const deducted = deduct(extension.moving, read.periods, filedOn, asOf);
  const moved = deducted.moving.steps !== counted.steps;
  const due = moved ? finish(calendar, deducted.moving, rules.statutory.roll) : plain;
  const parts = [
    plainBasis(own ?? rules.statutory),
    ...(extension.basis ? [extension.basis] : []),
    ...(deducted.days > 0 ? [`扣除不计入执行期限的期间（${rules.deductions.source}）`] : []),
  ];
  const basis = parts.length === 1 ? parts[0] : parts.join('；');
  const statutory = withBasis(due, basis);
  return { statutory, period, deductions: read.periods, running: deducted.running, problems };
}

/** 「来源：立案之日起N个月内执结」 of a term (the rules' or a tag's): the same words for every case it counts. */
const plainBases = new WeakMap<{ source: string; period: Period }, string>();

function plainBasis(term: { source: string; period: Period }): string {
  let basis = plainBases.get(term);
  if (basis === undefined) plainBases.set(term, (basis = `${term.source}：立案之日起${describePeriod(term.period)}内执结`));
  return basis;
}

/**
 * A team's deadline counted from its anchor with the same deductions, when the rules say the bureau
 * counts it so; the plain count when nothing is deducted.
 */
export function deductedDue(
  calendar: Calendar,
  anchor: { date: CivilDate; label: string },
  period: Period,
  roll: boolean,
  term: { deductions: DeductedPeriod[]; asOf: CivilDate },
): DueDate {
  const plain = countPeriod(calendar, anchor, period, { roll });
  const { dueOn, steps } = countPeriod(calendar, anchor, period, { roll: false });
  const { moving } = deduct({ last: dueOn, steps }, term.deductions, anchor.date, term.asOf);
  return moving.steps === steps ? plain : finish(calendar, moving, roll);
}

/** The due date of a moved last day: rolled off a rest day when the rule rolls. */
function finish(calendar: Calendar, moving: Moving, roll: boolean): DueDate {
  return roll ? rollOffRestDay(calendar, moving.last, moving.steps, '，该日为') : { dueOn: moving.last, steps: moving.steps, warnings: [] };
}

/** The approved extension: a date the term now ends on, or months added to its last day. */
function extend(
  counted: Moving,
  originalDue: CivilDate,
  { values, headers, rules }: TermInputs,
  problems: Problem[],
): { moving: Moving; basis: string | null } {
  const unchanged = { moving: counted, basis: null };
  const extendedTo = typeof values.extendedTo === 'string' ? values.extendedTo : null;
  const approvedOn = asDate(values.extensionApprovedOn);
  if (!extendedTo) {
    if (approvedOn)
      problems.push({
        column: 'extendedTo',
        level: 'warning',
        message: `已填${headers.extensionApprovedOn}「${approvedOn}」，但未填${headers.extendedTo}`,
      });
    return unchanged;
  }
  if (!approvedOn) {
    const message = `已填${headers.extendedTo}「${extendedTo}」，但未填${headers.extensionApprovedOn}：未经批准的延长不计入法定期限`;
    problems.push({ column: 'extensionApprovedOn', level: 'warning', message });
    return unchanged;
  }
  const months = extendedTo.endsWith(MONTHS_SUFFIX) ? Number.parseInt(extendedTo, 10) : null;
  if (months === null && extendedTo < originalDue) {
    const message = `${headers.extendedTo}「${extendedTo}」早于原法定期限 ${originalDue}，延长后的期限不能早于原期限`;
    problems.push({ column: 'extendedTo', level: 'error', message });
    return unchanged;
  }
  if (approvedOn > originalDue) {
    const message = `${headers.extensionApprovedOn}「${approvedOn}」晚于原法定期限 ${originalDue}：延长执行期限应当在期限届满前申请并批准`;
    problems.push({ column: 'extensionApprovedOn', level: 'warning', message });
  }
  const last = months === null ? extendedTo : addMonths(counted.last, months).date;
  const approved = months === null ? `经批准延长至 ${last}` : `经批准延长 ${months} 个月`;
  const steps = months === null ? `${counted.steps}；${approvedOn} ${approved}` : `${counted.steps}；${approvedOn} ${approved}，至 ${last}`;
  return { moving: { last, steps }, basis: `${approvedOn} ${approved}（${rules.statutory.extensionSource}）` };
}

/**
 * Each period's days (both ends counted) after the anchor and up to `asOf` move the last day on; a
 * period that began after the term had run out saves nothing. The steps stay `start`'s when no period applied.
 */
function deduct(
  start: Moving,
  periods: DeductedPeriod[],
  anchor: CivilDate,
  asOf: CivilDate,
): { moving: Moving; days: number; running: DeductionKind | null } {
  let moving = start;
  let days = 0;
  let running: DeductionKind | null = null;
  for (const period of periods) {
    if (period.from > asOf) continue;
    const ongoing = period.to === null || period.to > asOf;
    if (ongoing) running = period.kind;
    const from = period.from > anchor ? period.from : addDays(anchor, 1);
    const to = ongoing ? asOf : (period.to ?? asOf);
    if (from > to) continue;
    if (from > moving.last) {
      moving = { ...moving, steps: `${moving.steps}；${period.kind.name}自 ${period.from} 起，已在期限届满之后，不予扣除` };
      continue;
    }
    const counted = diffDays(to, from) + 1;
    const last = addDays(moving.last, counted);
    const range = ongoing ? `${period.from}起尚未结束，计至 ${asOf}` : `${period.from}至${period.to}`;
    moving = { last, steps: `${moving.steps}；扣除${period.kind.name} ${counted} 日（${range}），至 ${last}` };
    days += counted;
  }
  return { moving, days, running };
}
