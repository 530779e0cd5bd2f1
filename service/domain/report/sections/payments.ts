// The payments ledger's part of the weekly report (SPEC §6): money received in the week, and what
// still waits on the account as of the report's day, a lawful hold (暂缓发放) apart from the late ones.

import { asDate, type CivilDate } from '../../civil-date.ts';
import { PAYMENT_PHASES } from '../../ledgers/payments/rules.ts';
import type { EvaluatedRow, ReportPeriod } from '../evaluation.ts';
import { sumYuan } from './amounts.ts';

export interface PaymentFigures {
  /** Payments received in the week, and their sum in yuan. */
  received: number;
  receivedAmount: number;
  /** Payments received and not yet notified, as of the report's day. */
  unnotified: number;
  /** Undisbursed payments in the 提醒 and 通报 phases, as of the report's day; a held one is in neither. */
  remind: number;
  report: number;
  /** Payments lawfully held (暂缓发放) as of the report's day. */
  held: number;
  /**
   * Undisbursed payments past the disbursement period (30 days by default), the days held not
   * counted, as of the report's day: a payment held in time is not among them.
   */
  over30: number;
  /** …and their sum in yuan. */
  over30Amount: number;
  /** The sum waiting on the account undisbursed, as of the report's day. */
  pendingAmount: number;
}

interface Payment {
  receivedOn: CivilDate | null;
  amount: unknown;
  notified: boolean;
  disbursed: boolean;
  phase: unknown;
  disbursementOverdue: boolean;
}

export function paymentFigures(evaluated: readonly EvaluatedRow[], period: ReportPeriod): PaymentFigures {
  const payments: Payment[] = evaluated.map(({ row: { values }, status, nodes }) => ({
    receivedOn: asDate(values.receivedOn),
    amount: values.amount,
    notified: asDate(values.notifiedOn) !== null,
    disbursed: asDate(values.disbursedOn) !== null,
    phase: status.phase,
    disbursementOverdue: nodes.some((node) => node.id === 'disburse' && node.state === '超期'),
  }));
  const received = payments.filter((payment) => period.holds(payment.receivedOn));
  const waiting = payments.filter((payment) => payment.receivedOn !== null && !payment.disbursed);
  const overdue = waiting.filter((payment) => payment.disbursementOverdue);
  return {
    received: received.length,
    receivedAmount: sumYuan(received.map((payment) => payment.amount)),
    unnotified: payments.filter((payment) => payment.receivedOn !== null && !payment.notified).length,
    remind: payments.filter((payment) => payment.phase === PAYMENT_PHASES.remind).length,
    report: payments.filter((payment) => payment.phase === PAYMENT_PHASES.report).length,
    held: payments.filter((payment) => payment.phase === PAYMENT_PHASES.held).length,
    over30: overdue.length,
    over30Amount: sumYuan(overdue.map((payment) => payment.amount)),
    pendingAmount: sumYuan(waiting.map((payment) => payment.amount)),
  };
}
