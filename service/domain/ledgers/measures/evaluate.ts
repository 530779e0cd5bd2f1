// Evaluates one measure: its expiry (computed from the term, or the clerk's), renewal and lapse;
// 待删除 for a 失信 listing past its term, which does not lapse by itself; and 待解除 once the case
// is closed in a way the rules list for the measure, or its payments add up to the 执行标的额,
// while the measure is still live.

import { addDays, asDate, diffDays, type CivilDate } from '../../civil-date.ts';
import type { Calendar } from '../../calendar.ts';
import type { AnyLedger, EvalContext, NodeResult, RowEvaluation, RowInput, RowValues } from '../../ledger.ts';
import { CALENDAR_NOTE_DAYS, computeNodes, summarizeNodes } from '../../nodes.ts';
import { formatYuan, NO_DATE } from '../../normalize/index.ts';
import { countPeriod, describePeriod, type BasedDue } from '../../periods.ts';
import { phaseFromNode } from '../../phases.ts';
import type { Problem } from '../../problem.ts';
import { checkDateOrder, headersOf } from '../../row.ts';
import { closureAsOf, describeClosure, lookUpCase, type RegisteredCase } from '../cases/lookup.ts';
import { paidInFull } from '../payments/lookup.ts';
import { MEASURES, type Measure, type MeasureTerm, type MeasuresRules, type ReleaseDeadline, type TermRemoval } from './rules.ts';

const PHASES = { open: '生效中', dueSoon: '续行临期', overdue: '已失效', done: '已解除' };
/** The case is closed or paid in full and the measure is still live: the weekly report counts these. */
export const PENDING_RELEASE = '待解除';
/** A 失信 listing whose term has ended and which the court has not yet deleted: counted with 待解除. */
export const PENDING_REMOVAL = '待删除';
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
  const oneOff = measure !== null && ONE_OFF.includes(measure);
  const revokedOn = asDate(values.revokedOn);
  const owed = dutiesOf(
    { caseNo: String(values.caseNo), found: found.found, measure, term, expiry, taken, oneOff, revokedOn },
    context,
    headers,
  );
  problems.push(...owed.problems);
  // Once the court must lift the measure, it is not renewed.
  const renewal = owed.obliging ? null : renewalDue(term, expiry, typedDate ? null : computed, measure, headers);

  const { nodes, warnings } = computeNodes(ledger.nodes, {
    values,
    headers,
    calendar: context.calendar,
    asOf,
    configs: {
      renewal: { period: term?.period ?? { kind: 'years', n: 1 }, roll: false, warnDays: rules.renewalWarnDays },
      ...(owed.deadline ? { release: { period: owed.deadline.period, roll: true } } : {}),
      ...(owed.removal ? { removal: { period: owed.removal.period, roll: true } } : {}),
    },
    warnDefaults: context.warnDefaults,
    derived: { expiry: renewal, releaseDue: owed.releaseDue, removalDue: owed.removalDue },
  });
  const { removalDue } = owed;
  for (const warning of warnings) {
    if (warning.column === 'removalDue' && removalDue && diffDays(removalDue.dueOn, asOf) > CALENDAR_NOTE_DAYS) continue;
    problems.push({ column: 'caseNo', level: 'warning', message: warning.message });
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
    pendingRelease: owed.pendingRelease,
    pendingRemoval: owed.pendingRemoval,
    expiry,
    asOf,
    renewalNode: nodes.find((node) => node.id === 'renewal'),
  });
  return { status: { expiry: computed?.due.dueOn ?? null, phase, ...summarizeNodes(nodes) }, nodes, problems, fixed: undefined };
}

/** A renewable measure's renewal is due at its expiry: the computed one with its steps, or the clerk's. */
function renewalDue(
  term: MeasureTerm | null,
  expiry: CivilDate | null,
  computed: Expiry | null,
  measure: Measure | null,
  headers: Record<string, string>,
): BasedDue | null {
  if (!term?.renewable || !expiry) return null;
  if (computed) return computed.due;
  return {
    dueOn: expiry,
    steps: `${headers.expiresOn} ${expiry}（书记员填写）`,
    warnings: [],
    basis: `${term.source}：${measure}期限不超过${describePeriod(term.period)}`,
  };
}

/** What the row's evaluation knows of the measure when it asks what the court owes on it. */
interface MeasureFacts {
  caseNo: string;
  found: RegisteredCase | null;
  measure: Measure | null;
  term: MeasureTerm | null;
  expiry: CivilDate | null;
  taken: boolean;
  oneOff: boolean;
  revokedOn: CivilDate | null;
}

/** What the court owes on a live measure: its release after the case's closure or payment in full, its deletion after its term. */
interface Duties {
  obliging: ReleaseTrigger | null;
  deadline: ReleaseDeadline | undefined;
  releaseDue: BasedDue | null;
  removal: TermRemoval | null;
  removalDue: BasedDue | null;
  pendingRelease: boolean;
  pendingRemoval: boolean;
  problems: Problem[];
}

function dutiesOf(facts: MeasureFacts, context: EvalContext<MeasuresRules>, headers: Record<string, string>): Duties {
  const { measure, term, expiry, revokedOn, taken } = facts;
  const { asOf, calendar } = context;
  // A measure removed at the end of its term (失信) stays live past it until the court removes it.
  const removal = term?.removal && expiry && taken ? term.removal : null;
  const liveOn = (date: CivilDate) =>
    taken && !facts.oneOff && (!revokedOn || revokedOn > date) && (removal !== null || !expiry || date <= expiry);
  const trigger = releaseTrigger(facts.caseNo, facts.found, context, measure);
  // 第十条第二款: a listing with a term is not deleted on these grounds (unless the rules say it is).
  const obliging = trigger && (!removal || removal.closureLifts) ? trigger : null;
  const deadline = measure ? context.rules.release.deadlines[measure] : undefined;
  const releaseDue = obliging && deadline && liveOn(obliging.on) ? releaseAfter(calendar, obliging, deadline) : null;
  const removalDue = removal && expiry ? removalAfterTerm(calendar, expiry, removal) : null;
  const pendingRelease = !!obliging && !revokedOn && liveOn(asOf);
  const pendingRemoval = !!removalDue && !revokedOn && !!expiry && asOf > expiry;

  const problems: Problem[] = [];
  if (obliging && pendingRelease) {
    const by = releaseDue ? `于 ${releaseDue.dueOn} 前解除（${obliging.source ?? deadline?.source}）` : '及时解除';
    problems.push({ column: 'revokedOn', level: 'warning', message: `${obliging.said}，${measure ?? '该措施'}尚未解除，应${by}` });
  }
  if (term && removal && removalDue && expiry && !revokedOn) {
    if (pendingRemoval) problems.push(overdueRemoval(measure, expiry, removalDue, removal));
    else if (trigger && !obliging && liveOn(asOf)) problems.push(termedListingHint(trigger, expiry, removal, term, headers));
  }
  return { obliging, deadline, releaseDue, removal, removalDue, pendingRelease, pendingRemoval, problems };
}

/** What obliges the court to lift the measure, as of asOf: the first of the closure and payment in full. */
interface ReleaseTrigger {
  on: CivilDate;
  /** The anchor's label in the counting steps. */
  label: string;
  /** 「案件终结执行后」, for the basis. */
  after: string;
  /** The fact, for the clerk's message. */
  said: string;
  /** The article that makes this closure (or the payment in full) oblige the release, when the rules name one. */
  source: string | null;
}

function releaseTrigger(
  caseNo: string,
  found: RegisteredCase | null,
  context: EvalContext<MeasuresRules>,
  measure: Measure | null,
): ReleaseTrigger | null {
  const { release } = context.rules;
  const own = measure ? release.byMeasure[measure] : undefined;
  const modes = own ? own.closures.map((closure) => closure.mode) : release.closureModes;
  const closure = closureAsOf(found, context.asOf, modes);
  const closed: ReleaseTrigger | null = closure
    ? {
        on: closure.closedOn,
        label: '结案日期',
        after: `案件${closure.closureMode ?? '结案'}后`,
        said: `案件${describeClosure(caseNo, closure)}`,
        source: own?.closures.find((item) => item.mode === closure.closureMode)?.source ?? null,
      }
    : null;
  const amount = found?.amount;
  const paid = release.onFullPayment && amount ? paidInFull(caseNo, amount, context.view, context.asOf) : null;
  if (!paid || !amount || (closed && closed.on <= paid.on)) return closed;
  return {
    on: paid.on,
    label: '足额到账日期',
    after: '案款足额到账后',
    said: `案件${caseNo}的案款已于 ${paid.on} 足额到账（案款台账累计 ${formatYuan(paid.total)} 元，达到执行标的额 ${formatYuan(amount)} 元）`,
    source: own?.paidSource ?? null,
  };
}

/** The release deadline, counted from the trigger; the basis names the closure's article, and the deadline's when it is another. */
function releaseAfter(calendar: Calendar, trigger: ReleaseTrigger, deadline: ReleaseDeadline): BasedDue {
  const counted = countPeriod(calendar, { date: trigger.on, label: trigger.label }, deadline.period, { roll: true });
  const source = trigger.source ?? deadline.source;
  const deadlineNote = source.startsWith(deadline.source) ? '' : `（期限：${deadline.source}）`;
  return { ...counted, basis: `${source}：${trigger.after}${describePeriod(deadline.period)}内解除${deadlineNote}` };
}

/** 失信 does not lapse: it is deleted within 3 working days after the last day of its term. */
function removalAfterTerm(calendar: Calendar, expiry: CivilDate, removal: TermRemoval): BasedDue {
  const counted = countPeriod(calendar, { date: expiry, label: '期限届满日' }, removal.period, { roll: true });
  return { ...counted, basis: `${removal.source}：期限届满后${describePeriod(removal.period)}内删除` };
}

function overdueRemoval(measure: Measure | null, expiry: CivilDate, due: BasedDue, removal: TermRemoval): Problem {
  return {
    column: 'revokedOn',
    level: 'warning',
    message: `${measure ?? '该措施'}期限已于 ${expiry} 届满，不会自动失效，尚未删除，应于 ${due.dueOn} 前删除（${removal.source}）`,
  };
}

/** A closure that lifts a listing without a term does not lift one with a term: the clerk is told why, and what to do if it has none. */
function termedListingHint(
  trigger: ReleaseTrigger,
  expiry: CivilDate,
  removal: TermRemoval,
  term: MeasureTerm,
  headers: Record<string, string>,
): Problem {
  return {
    column: 'revokedOn',
    level: 'warning',
    message:
      `${trigger.said}。该名单有期限（至 ${expiry}），依${removal.source}不因此删除，应于期限届满后${describePeriod(removal.period)}内删除` +
      `；被执行人积极履行的，可以决定提前删除（${term.source}）；未设期限的，请在「${headers.expiresOn}」填「${NO_DATE}」`,
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
  pendingRemoval: boolean;
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
  if (p.pendingRemoval) return PENDING_REMOVAL;
  if (p.expiry && p.asOf > p.expiry) return PHASES.overdue;
  if (!effective) return '待生效';
  return phaseFromNode(p.renewalNode, PHASES) ?? PHASES.open;
}
