// The 看板's alerts across every ledger and the case page, over the stored rows evaluated through
// the ledger service. Owns no file and no HTTP.

import type { CivilDate } from './domain/civil-date.ts';
import {
  alertPage,
  alertsOf,
  caseNoOf,
  caseOwners,
  type Alert,
  type AlertFilter,
  type AlertPage,
  type LedgerRows,
} from './domain/alerts.ts';
import { casePage, type CasePage } from './domain/case-page.ts';
import { LEDGERS } from './domain/ledgers/index.ts';
import type { LedgerService, Settings } from './ledger-service.ts';
import type { Store } from './store/store.ts';

/**
 * How long an evaluation of every row is reused while nothing was written: paging through the list
 * then costs no evaluation, and the hour-counting ledgers (拘传's 询问时限) are at most this late.
 */
const REUSED_FOR_MS = 60_000;

interface Evaluated {
  key: string;
  settings: Settings;
  at: number;
  alerts: Alert[];
}

export class CaseAlerts {
  private last: Evaluated | null = null;

  constructor(
    private readonly ledgers: LedgerService,
    private readonly store: Store,
    private readonly settings: () => Settings,
    private readonly clock: () => Date,
  ) {}

  /** One page of the 超期 and 临期 nodes of every ledger as of a day, most urgent first. */
  alerts(asOf: CivilDate, filter: AlertFilter, page: number, pageSize: number): AlertPage {
    return alertPage(this.allAlerts(asOf), LEDGERS, filter, page, pageSize);
  }

  /** Every ledger's rows of a case (the official case number) as of a day; null when no ledger has one. */
  casePage(caseNo: string, asOf: CivilDate): CasePage | null {
    const ledgers: LedgerRows[] = LEDGERS.map((ledger) => ({
      ledger,
      rows: this.ledgers.evaluated(ledger, asOf, (values) => caseNoOf(ledger, values) === caseNo),
    }));
    if (ledgers.every(({ rows }) => rows.length === 0)) return null;
    return casePage(caseNo, ledgers, caseOwners(ledgers).get(caseNo));
  }

  private allAlerts(asOf: CivilDate): Alert[] {
    const key = [asOf, ...LEDGERS.map((ledger) => this.store.revision(ledger.id))].join('|');
    const settings = this.settings();
    const at = this.clock().getTime();
    const last = this.last;
    if (last && last.key === key && last.settings === settings && at - last.at >= 0 && at - last.at < REUSED_FOR_MS) return last.alerts;
    const ledgers = LEDGERS.map((ledger) => ({ ledger, rows: this.ledgers.evaluated(ledger, asOf) }));
    const alerts = alertsOf(ledgers, caseOwners(ledgers));
    this.last = { key, settings, at, alerts };
    return alerts;
  }
}
