// Weekly reports over the stored ledgers: built on demand, and made and kept once a week. Reads the
// rows through the ledger service (normalised once per row version) and writes files through the store.

import type { CivilDate } from '../domain/civil-date.ts';
import { LEDGERS } from '../domain/ledgers/index.ts';
import { buildWeeklyReport, type WeeklyReport } from '../domain/report/weekly-report.ts';
import type { IsoWeek } from '../domain/report/week.ts';
import type { LedgerService, Settings } from '../ledger-service.ts';
import type { StoredReport, Store } from '../store/store.ts';
import { reportWorkbook } from './workbook.ts';

export class ReportService {
  constructor(
    private readonly ledgers: LedgerService,
    private readonly settings: () => Settings,
    private readonly store: Store,
  ) {}

  /** The report of a week as of a day (the week's Sunday when asOf is later); asOf must not be before the week's Monday. */
  weekly(week: IsoWeek, asOf: CivilDate): WeeklyReport {
    const { rules, calendar } = this.settings();
    const rows = new Map(LEDGERS.map((ledger) => [ledger.id, this.ledgers.liveRows(ledger)]));
    return buildWeeklyReport({ week, asOf, rows, rules, calendar });
  }

  workbook(report: WeeklyReport): Promise<Buffer> {
    return reportWorkbook(report);
  }

  /** The automatic report of a week, as of its Sunday, saved as data/reports/周通报-<week>.xlsx. */
  async saveWeekly(week: IsoWeek): Promise<StoredReport> {
    const bytes = await this.workbook(this.weekly(week, week.to));
    return this.store.exclusive(() => this.store.reports.save(week.id, bytes));
  }

  list(): Promise<StoredReport[]> {
    return this.store.reports.list();
  }

  read(file: string): Promise<Buffer | null> {
    return this.store.reports.read(file);
  }
}
