// Every ledger the service knows. A new ledger is one new definition added here.

import type { AnyLedger } from '../ledger.ts';
import { casesLedger } from './cases/definition.ts';

export const LEDGERS: readonly AnyLedger[] = [casesLedger];

export function findLedger(id: string): AnyLedger | undefined {
  return LEDGERS.find((ledger) => ledger.id === id);
}
