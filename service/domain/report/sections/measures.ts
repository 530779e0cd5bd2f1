// The general-affairs ledgers' part of the weekly report (SPEC §6): compulsory measures carried
// out in the week, and the measures and controls awaiting release as of the report's day.

import { addDays } from '../../civil-date.ts';
import type { AnyLedger } from '../../ledger.ts';
import { dayOf } from '../as-of.ts';
import { sumYuan } from './amounts.ts';
import type { EvaluatedRow, ReportPeriod } from '../evaluation.ts';

export interface MeasureFigures {
  /** 拘传 carried out (到案) in the week. */
  summons: number;
  /** Persons committed to detention (送拘) in the week. */
  detentions: number;
  /** Fines decided in the week, and their sum in yuan. */
  fines: number;
  fineAmount: number;
  /** Controls requested (布控) in the week. */
  personControls: number;
  vehicleControls: number;
  /** Investigation orders issued in the week; orders not returned past their validity as of the report's day. */
  ordersIssued: number;
  ordersOverdue: number;
  /** Refusal-to-execute cases transferred to the police in the week. */
  refusalsTransferred: number;
  /** 冻结/划拨/限高/失信 taking effect (published) and revoked in the week. */
  published: number;
  revoked: number;
  /**
   * Measures 待解除 and controls 待撤控 as of the report's day: the case is closed (or paid in full) and they are still live;
   * and 失信 listings 待删除: their term has ended and the court has not deleted them.
   */
  pendingRevocation: number;
  /** Renewable measures (freezes, seizures) whose term ran out in the week without renewal. */
  lapsed: number;
}

/** The figures a ledger can add to by counting its rows (every field of MeasureFigures). */
export type MeasureFigure = keyof MeasureFigures;

/**
 * What one ledger's rows add to the compulsory-measures section: declared in its definition, so
 * this section names no ledger and no column.
 */
export interface MeasureContribution {
  /** Figures counting the rows whose date in a column falls in the week, e.g. { summons: 'arrivedAt' }. */
  inWeek?: Partial<Record<MeasureFigure, string>>;
  /** A figure summing an amount column (in yuan) over the rows one `inWeek` figure counts. */
  amountInWeek?: { figure: MeasureFigure; counted: MeasureFigure; column: string };
  /** Figures counting the rows with a node overdue as of the report's day, e.g. { ordersOverdue: 'return' }. */
  overdueNode?: Partial<Record<MeasureFigure, string>>;
  /** Figures counting the rows in a phase (or one of several) as of the report's day, e.g. { pendingRevocation: '待解除' }. */
  inPhase?: Partial<Record<MeasureFigure, string | readonly string[]>>;
  /** Figures counting the rows whose renewable term (this node) ran out in the week without renewal. */
  lapsedNode?: Partial<Record<MeasureFigure, string>>;
}

type Entries = Array<[MeasureFigure, string]>;
const entriesOf = (figures: Partial<Record<MeasureFigure, string>> | undefined) => Object.entries(figures ?? {}) as Entries;

export function measureFigures(
  ledgers: readonly AnyLedger[],
  evaluated: ReadonlyMap<string, readonly EvaluatedRow[]>,
  period: ReportPeriod,
): MeasureFigures {
  const figures: MeasureFigures = {
    summons: 0,
    detentions: 0,
    fines: 0,
    fineAmount: 0,
    personControls: 0,
    vehicleControls: 0,
    ordersIssued: 0,
    ordersOverdue: 0,
    refusalsTransferred: 0,
    published: 0,
    revoked: 0,
    pendingRevocation: 0,
    lapsed: 0,
  };
  // A term ending on day D lapses on D + 1: the week's lapses ended from the Sunday before to the day before asOf.
  const lapsedFrom = addDays(period.week.from, -1);
  const lapsedTo = addDays(period.asOf, -1);
  for (const ledger of ledgers) {
    const contribution = ledger.measureFigures;
    if (!contribution) continue;
    const rows = evaluated.get(ledger.id) ?? [];
    const counted = new Map<MeasureFigure, readonly EvaluatedRow[]>();
    for (const [figure, column] of entriesOf(contribution.inWeek)) {
      const inWeek = rows.filter(({ row }) => period.holds(dayOf(row.values[column])));
      counted.set(figure, inWeek);
      figures[figure] += inWeek.length;
    }
    const amount = contribution.amountInWeek;
    if (amount) figures[amount.figure] += sumYuan((counted.get(amount.counted) ?? []).map(({ row }) => row.values[amount.column]));
    for (const [figure, node] of entriesOf(contribution.overdueNode)) {
      figures[figure] += rows.filter(({ nodes }) => nodes.some((result) => result.id === node && result.state === '超期')).length;
    }
    for (const [figure, phase] of Object.entries(contribution.inPhase ?? {}) as Array<[MeasureFigure, string | readonly string[]]>) {
      const phases: readonly string[] = typeof phase === 'string' ? [phase] : phase;
      figures[figure] += rows.filter(({ status }) => phases.includes(String(status.phase))).length;
    }
    for (const [figure, node] of entriesOf(contribution.lapsedNode)) {
      figures[figure] += rows.filter(({ nodes }) =>
        nodes.some((result) => result.id === node && result.state === '超期' && result.dueOn >= lapsedFrom && result.dueOn <= lapsedTo),
      ).length;
    }
  }
  return figures;
}
