// What other ledgers read from the payments ledger: whether the money received for a case has
// reached an amount (its 执行标的额), and on which day, through an index over the payment rows.

import { asDate, type CivilDate } from '../../civil-date.ts';
import type { LedgerView, RowIndexDef } from '../../ledger.ts';

/** Live payment rows by case number: when and how much (in fen, so sums are exact). */
const paymentsByCase: RowIndexDef<{ receivedOn: CivilDate; fen: number }> = {
  name: 'paymentsByCase',
  entries(values) {
    const receivedOn = asDate(values.receivedOn);
    if (typeof values.caseNo !== 'string' || !receivedOn || typeof values.amount !== 'number' || values.amount <= 0) return [];
    return [[values.caseNo, { receivedOn, fen: Math.round(values.amount * 100) }]];
  },
};

/** The day the payments received for a case (up to asOf) first added up to `amount`, with their sum then; null when they have not. */
export function paidInFull(caseNo: string, amount: number, view: LedgerView, asOf: CivilDate): { on: CivilDate; total: number } | null {
  if (amount <= 0) return null;
  const due = Math.round(amount * 100);
  const received = view
    .lookup('payments', paymentsByCase, caseNo)
    .map((entry) => entry.value)
    .filter((payment) => payment.receivedOn <= asOf)
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  let fen = 0;
  for (const payment of received) {
    fen += payment.fen;
    if (fen >= due) return { on: payment.receivedOn, total: fen / 100 };
  }
  return null;
}
