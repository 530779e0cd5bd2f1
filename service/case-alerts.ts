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
 * A write during an evaluation changes a revision, so the next request evaluates again.
 */
const REUSED_FOR_MS = 60_000;

interface Evaluated {
  key: string;
  settings: Settings;
  at: number;
  alerts: Promise<Alert[]>;
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
  async alerts(asOf: CivilDate, filter: AlertFilter, page: number, pageSize: number): Promise<AlertPage> {
    return alertPage(await this.allAlerts(asOf), LEDGERS, filter, page, pageSize);
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

  /** The last evaluation while it holds; else a new one, shared by the requests that come meanwhile. */
  private allAlerts(asOf: CivilDate): Promise<Alert[]> {
    const key = [asOf, ...LEDGERS.map((ledger) => this.store.revision(ledger.id))].join('|');
    const settings = this.settings();
    const at = this.clock().getTime();
    const last = this.last;
    if (last && last.key === key && last.settings === settings && at - last.at >= 0 && at - last.at < REUSED_FOR_MS) return last.alerts;
    const alerts = this.evaluateAll(asOf);
    this.last = { key, settings, at, alerts };
    // A failed evaluation is not kept: the next request tries again.
    alerts.catch(() => {
      if (this.last?.alerts === alerts) this.last = null;
    });
    return alerts;
  }

  private async evaluateAll(asOf: CivilDate): Promise<Alert[]> {
    const ledgers: LedgerRows[] = [];
    for (const ledger of LEDGERS) ledgers.push({ ledger, rows: await this.ledgers.evaluatedInTurns(ledger, asOf) });
    return alertsOf(ledgers, caseOwners(ledgers));
  }
}
