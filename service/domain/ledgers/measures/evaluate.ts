// Evaluates one measure: its expiry (computed from the term, or the clerk's), renewal and lapse,
// and 待解除 once the case is closed by 执行完毕, or its payments add up to the 执行标的额, while
// the measure is still live.

import { addDays, asDate, type CivilDate } from '../../civil-date.ts';
import type { Calendar } from '../../calendar.ts';
import type { AnyLedger, EvalContext, LedgerView, NodeResult, RowEvaluation, RowInput, RowValues } from '../../ledger.ts';
import { computeNodes, summarizeNodes } from '../../nodes.ts';
import { formatYuan, NO_DATE } from '../../normalize/index.ts';
import { countPeriod, describePeriod, type BasedDue } from '../../periods.ts';
import { phaseFromNode } from '../../phases.ts';
import type { Problem } from '../../problem.ts';
import { checkDateOrder, headersOf } from '../../row.ts';
import { closureAsOf, describeClosure, lookUpCase, type RegisteredCase } from '../cases/lookup.ts';
import { paidInFull } from '../payments/lookup.ts';
import { MEASURES, type Measure, type MeasureTerm, type MeasuresRules } from './rules.ts';

const PHASES = { open: '生效中', dueSoon: '续行临期', overdue: '已失效', done: '已解除' };
/** The case is closed or paid in full and the measure is still live: the weekly report counts these. */
export const PENDING_RELEASE = '待解除';
/** Done once it is done: nothing stays in force to lapse or to lift. */
const ONE_OFF: readonly Measure[] = ['划拨'];

/** The computed expiry and, when renewed in time, the end of the first term it continues. */
interface Expiry {
  due: BasedDue;
  firstEnd: CivilDate;
}

export function evaluateMeasure(ledger: AnyLedger, row: RowInput, context: EvalContext<MeasuresRules>): RowEvaluation {
  const { values } = row;
  const { rules, asOf } = context;
  const headers = headersOf(ledger);
  const problems: Problem[] = [];

  const measure = MEASURES.find((word) => word === values.measure) ?? null;
  const term = measure ? (rules.terms[measure] ?? null) : null;
  const effectiveOn = asDate(values.effectiveOn);
  const typedDate = asDate(values.expiresOn);
  const typedNone = values.expiresOn === NO_DATE;
  // A measure is taken once approved; it is live from then until revoked or expired.
  const taken = !!(effectiveOn ?? asDate(values.approvedOn));
  if (!measure && taken)
    problems.push({ column: 'measure', level: 'warning', cell: true, message: `${headers.measure}为空，无法确定期限和解除要求` });
  if (typedNone && term?.renewable) {
    problems.push({
      column: 'expiresOn',
      level: 'error',
      message: `${headers.expiresOn}「${NO_DATE}」不适用于${measure}：其期限不超过${describePeriod(term.period)}（${term.source}）`,
    });
  }

  // 「无」 on a listing without a term (失信, 第一条第一项) means none; on a freeze it is an error and the term still runs.
  const computed =
    term && effectiveOn && !(typedNone && !term.renewable)
      ? computeExpiry(measure!, term, effectiveOn, values, context.calendar, headers, problems)
      : null;
  const expiry = typedDate ?? computed?.due.dueOn ?? null;
  if (typedDate && computed) problems.push(...checkTypedExpiry(typedDate, computed, values, headers, term!));

  const found = lookUpCase(values, context.view, headers.caseNo);
  problems.push(...found.problems);
  const trigger = releaseTrigger(String(values.caseNo), found.found, context.view, asOf, rules.release);
  const revokedOn = asDate(values.revokedOn);
  const oneOff = measure !== null && ONE_OFF.includes(measure);
  const liveOn = (date: CivilDate) => taken && !oneOff && (!revokedOn || revokedOn > date) && (!expiry || date <= expiry);
  const deadline = measure ? rules.release.deadlines[measure] : undefined;
  const release: BasedDue | null =
    trigger && deadline && liveOn(trigger.on)
      ? {
          ...countPeriod(context.calendar, { date: trigger.on, label: trigger.label }, deadline.period, { roll: true }),
          basis: `${deadline.source}：${trigger.after}${describePeriod(deadline.period)}内解除`,
        }
      : null;
  const renewal: BasedDue | null =
    term?.renewable && expiry && !trigger
      ? computed && !typedDate
        ? computed.due
        : {
            dueOn: expiry,
            steps: `${headers.expiresOn} ${expiry}（书记员填写）`,
            warnings: [],
            basis: `${term.source}：${measure}期限不超过${describePeriod(term.period)}`,
          }
      : null;

  const { nodes, warnings } = computeNodes(ledger.nodes, {
    values,
    headers,
    calendar: context.calendar,
    asOf,
    configs: {
      renewal: { period: term?.period ?? { kind: 'years', n: 1 }, roll: false, warnDays: rules.renewalWarnDays },
      ...(deadline ? { release: { period: deadline.period, roll: true } } : {}),
    },
    warnDefaults: context.warnDefaults,
    derived: { expiry: renewal, releaseDue: release },
  });
  for (const warning of warnings) problems.push({ column: 'caseNo', level: 'warning', message: warning.message });

  const pendingRelease = !!trigger && !revokedOn && liveOn(asOf);
  if (trigger && pendingRelease) {
    const by = release ? `于 ${release.dueOn} 前解除（${deadline!.source}）` : '及时解除';
    problems.push({ column: 'revokedOn', level: 'warning', message: `${trigger.said}，${measure ?? '该措施'}尚未解除，应${by}` });
  }
  const dated = { ...values, expiresOn: typedDate };
  for (const order of [
    ['approvedOn', 'effectiveOn', 'revokedOn'],
    ['effectiveOn', 'renewedOn'],
    ['effectiveOn', 'expiresOn'],
  ]) {
    problems.push(...checkDateOrder(ledger.columns, dated, order));
  }

  const phase = phaseOf({
    values,
    measure,
    taken,
    oneOff,
    pendingRelease,
    expiry,
    asOf,
    renewalNode: nodes.find((node) => node.id === 'renewal'),
  });
  return { status: { expiry: computed?.due.dueOn ?? null, phase, ...summarizeNodes(nodes) }, nodes, problems, fixed: undefined };
}

/** What obliges the court to lift the measure, as of asOf: the first of the closure and payment in full. */
interface ReleaseTrigger {
  on: CivilDate;
  /** The anchor's label in the counting steps. */
  label: string;
  /** 「案件执行完毕后」, for the basis. */
  after: string;
  /** The fact, for the clerk's message. */
  said: string;
}

function releaseTrigger(
  caseNo: string,
  found: RegisteredCase | null,
  view: LedgerView,
  asOf: CivilDate,
  release: MeasuresRules['release'],
): ReleaseTrigger | null {
  const closure = closureAsOf(found, asOf, release.closureModes);
  const closed: ReleaseTrigger | null = closure
    ? {
        on: closure.closedOn,
        label: '结案日期',
        after: `案件${closure.closureMode ?? '结案'}后`,
        said: `案件${describeClosure(caseNo, closure)}`,
      }
    : null;
  const paid = release.onFullPayment && found?.amount ? paidInFull(caseNo, found.amount, view, asOf) : null;
  if (!paid || (closed && closed.on <= paid.on)) return closed;
  return {
    on: paid.on,
    label: '足额到账日期',
    after: '案款足额到账后',
    said: `案件${caseNo}的案款已于 ${paid.on} 足额到账（案款台账累计 ${formatYuan(paid.total)} 元，达到执行标的额 ${formatYuan(found!.amount!)} 元）`,
  };
}

/**
 * The term counts its first day (start + term − 1, no roll). A renewal before expiry continues the
 * measure for the same term from the day after; a renewal after it comes too late: the measure lapsed.
 */
function computeExpiry(
  measure: Measure,
  term: MeasureTerm,
  effectiveOn: CivilDate,
  values: RowValues,
  calendar: Calendar,
  headers: Record<string, string>,
  problems: Problem[],
): Expiry {
  const first = countPeriod(calendar, { date: effectiveOn, label: headers.effectiveOn }, term.period, { inclusive: true });
  const basis = `${term.source}：${measure}期限不超过${describePeriod(term.period)}${term.renewable ? '，届满前可续行' : ''}`;
  const renewedOn = asDate(values.renewedOn);
  if (!renewedOn) return { due: { ...first, basis }, firstEnd: first.dueOn };
  if (!term.renewable) {
    problems.push({
      column: 'renewedOn',
      level: 'warning',
      cell: true,
      message: `${headers.renewedOn}「${renewedOn}」：${measure}不适用续行`,
    });
    return { due: { ...first, basis }, firstEnd: first.dueOn };
  }
  if (renewedOn > first.dueOn) {
    problems.push({
      column: 'renewedOn',
      level: 'warning',
      cell: true,
      message: `${headers.renewedOn}「${renewedOn}」晚于原到期日 ${first.dueOn}：续行应在期限届满前办理（${term.source}），措施已于到期后失效，需重新采取`,
    });
    return { due: { ...first, basis }, firstEnd: first.dueOn };
  }
  const next = countPeriod(calendar, { date: addDays(first.dueOn, 1), label: '原到期日次日' }, term.period, { inclusive: true });
  return {
    due: {
      dueOn: next.dueOn,
      steps: `${first.steps}；${headers.renewedOn} ${renewedOn} 在届满前，续行${describePeriod(term.period)}：${next.steps}`,
      warnings: [],
      basis,
    },
    firstEnd: first.dueOn,
  };
}

/** The clerk's expiry wins; it is checked against the statutory term and against a renewal it predates. */
function checkTypedExpiry(
  typed: CivilDate,
  computed: Expiry,
  values: RowValues,
  headers: Record<string, string>,
  term: MeasureTerm,
): Problem[] {
  const shown = `${headers.expiresOn}「${typed}」`;
  if (typed > computed.due.dueOn) {
    return [
      {
        column: 'expiresOn',
        level: 'warning',
        message: `${shown}晚于按法定期限计算的到期日 ${computed.due.dueOn}（${term.source}），请核对`,
      },
    ];
  }
  const renewedOn = asDate(values.renewedOn);
  if (term.renewable && renewedOn && renewedOn <= computed.firstEnd && typed <= computed.firstEnd) {
    return [
      {
        column: 'expiresOn',
        level: 'warning',
        message: `已于 ${renewedOn} 续行，${shown}仍是续行前的到期日，请改为续行后的到期日（按法定期限计算为 ${computed.due.dueOn}），或清空由系统计算`,
      },
    ];
  }
  return [];
}

interface PhaseInputs {
  values: RowValues;
  measure: Measure | null;
  taken: boolean;
  oneOff: boolean;
  pendingRelease: boolean;
  expiry: CivilDate | null;
  asOf: CivilDate;
  renewalNode: NodeResult | undefined;
}

function phaseOf(p: PhaseInputs): string {
  const effective = !!asDate(p.values.effectiveOn);
  if (asDate(p.values.revokedOn)) return PHASES.done;
  if (!p.taken) return '';
  if (p.oneOff) return effective ? '已划拨' : '待生效';
  if (p.pendingRelease) return PENDING_RELEASE;
  if (p.expiry && p.asOf > p.expiry) return PHASES.overdue;
  if (!effective) return '待生效';
  return phaseFromNode(p.renewalNode, PHASES) ?? PHASES.open;
}
