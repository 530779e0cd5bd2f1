// Every ledger the service knows. A new ledger is one new definition added here.

import type { AnyLedger } from '../ledger.ts';
import { casesLedger } from './cases/definition.ts';
import { personControlsLedger, vehicleControlsLedger } from './controls/definition.ts';
import { detentionsLedger } from './detentions/definition.ts';
import { disposalsLedger } from './disposals/definition.ts';
import { finesLedger } from './fines/definition.ts';
import { investigationOrdersLedger } from './investigation-orders/definition.ts';
import { measuresLedger } from './measures/definition.ts';
import { paymentsLedger } from './payments/definition.ts';
import { refusalsLedger } from './refusals/definition.ts';
import { summonsLedger } from './summons/definition.ts';

export const LEDGERS: readonly AnyLedger[] = [
  casesLedger,
  // 卷宗管理中心 and 财产处置专班 (SPEC §5.2, §5.3)
  paymentsLedger,
  disposalsLedger,
  // 综合事务中心 (SPEC §5.4)
  summonsLedger,
  detentionsLedger,
  finesLedger,
  investigationOrdersLedger,
  personControlsLedger,
  vehicleControlsLedger,
  measuresLedger,
  refusalsLedger,
];

export function findLedger(id: string): AnyLedger | undefined {
  return LEDGERS.find((ledger) => ledger.id === id);
}
