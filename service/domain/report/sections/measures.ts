// The general-affairs ledgers' part of the weekly report (SPEC §6): compulsory measures carried
// out in the week, and the measures and controls awaiting release as of the report's day.

import { addDays } from '../../civil-date.ts';
import { PENDING_REVOCATION } from '../../ledgers/controls/evaluate.ts';
import { PENDING_RELEASE } from '../../ledgers/measures/evaluate.ts';
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
  /** Measures 待解除 and controls 待撤控 as of the report's day: the case is closed (or paid in full) and they are still live. */
  pendingRevocation: number;
  /** Renewable measures (freezes, seizures) whose term ran out in the week without renewal. */
  lapsed: number;
}

export function measureFigures(evaluated: ReadonlyMap<string, readonly EvaluatedRow[]>, period: ReportPeriod): MeasureFigures {
  const rows = (ledgerId: string) => evaluated.get(ledgerId) ?? [];
  const inWeek = (ledgerId: string, column: string) => rows(ledgerId).filter(({ row }) => period.holds(dayOf(row.values[column])));
  const measures = rows('measures');
  const fines = inWeek('fines', 'decidedOn');
  // A term ending on day D lapses on D + 1: the week's lapses ended from the Sunday before to the day before asOf.
  const lapsedFrom = addDays(period.week.from, -1);
  const lapsedTo = addDays(period.asOf, -1);
  return {
    summons: inWeek('summons', 'arrivedAt').length,
    detentions: inWeek('detentions', 'startOn').length,
    fines: fines.length,
    fineAmount: sumYuan(fines.map(({ row }) => row.values.amount)),
    personControls: inWeek('person-controls', 'requestedOn').length,
    vehicleControls: inWeek('vehicle-controls', 'requestedOn').length,
    ordersIssued: inWeek('investigation-orders', 'issuedOn').length,
    ordersOverdue: rows('investigation-orders').filter(({ nodes }) => nodes.some((node) => node.id === 'return' && node.state === '超期')).length,
    refusalsTransferred: inWeek('refusals', 'transferredOn').length,
    published: inWeek('measures', 'effectiveOn').length,
    revoked: inWeek('measures', 'revokedOn').length,
    pendingRevocation:
      measures.filter(({ status }) => status.phase === PENDING_RELEASE).length +
      [...rows('person-controls'), ...rows('vehicle-controls')].filter(({ status }) => status.phase === PENDING_REVOCATION).length,
    lapsed: measures.filter(({ nodes }) => nodes.some((node) => node.id === 'renewal' && node.state === '超期' && node.dueOn >= lapsedFrom && node.dueOn <= lapsedTo)).length,
  };
}
