// The 分案清单: a team's list on demand (JSON, xlsx, docx), and the day's lists of every team made
// and kept after the day's triage. Reads rows through the ledger service and keeps files through
// the store's `assignments`.

import { assignmentList, assignsTeams, teamsOf, type AssigningLedger, type AssignmentList } from '../domain/assignment-list.ts';
import type { CivilDate } from '../domain/civil-date.ts';
import { LEDGERS } from '../domain/ledgers/index.ts';
import type { LedgerService } from '../ledger-service.ts';
import type { ReportSettingsHolder } from '../report-settings.ts';
import { keptListName, type KeptList, type Store } from '../store/store.ts';
import { assignmentDocument } from './document.ts';
import { assignmentWorkbook } from './workbook.ts';

export type ListFormat = 'xlsx' | 'docx';

export class AssignmentService {
  constructor(
    private readonly ledgers: LedgerService,
    private readonly store: Store,
    private readonly reportSettings: ReportSettingsHolder,
  ) {}

  /** A team's list: the day's (rows assigned on `date`) or, without a date, its whole open list; evaluated as of `asOf`. */
  list(ledger: AssigningLedger, team: string, date: CivilDate | null, asOf: CivilDate): AssignmentList {
    return assignmentList(ledger, this.ledgers.assignedRows(ledger, asOf, date ?? undefined), { team, date, asOf });
  }

  async file(list: AssignmentList, format: ListFormat): Promise<Buffer> {
    if (format === 'xlsx') return assignmentWorkbook(list);
    const { settings } = await this.reportSettings.read();
    return assignmentDocument(list, settings);
  }

  /**
   * The day's list of every team that had cases assigned that day, counted as of the day, saved as
   * 分案清单-<team>-<date>.xlsx and .docx unless already kept; a team without new cases gets none.
   * Returns the files saved.
   */
  async keepDay(day: CivilDate): Promise<string[]> {
    const kept = new Set((await this.store.assignments.list()).map((list) => list.file));
    const saved: string[] = [];
    for (const ledger of LEDGERS.filter(assignsTeams)) {
      const rows = this.ledgers.assignedRows(ledger, day, day);
      for (const team of teamsOf(ledger)) {
        const list = assignmentList(ledger, rows, { team, date: day, asOf: day });
        if (list.rows.length === 0) continue;
        for (const format of ['xlsx', 'docx'] as const) {
          const name = keptListName(team, day, format);
          if (kept.has(name)) continue;
          const bytes = await this.file(list, format);
          await this.store.exclusive(() => this.store.assignments.save(name, bytes));
          saved.push(name);
        }
      }
    }
    return saved;
  }

  kept(): Promise<KeptList[]> {
    return this.store.assignments.list();
  }

  read(file: string): Promise<Buffer | null> {
    return this.store.assignments.read(file);
  }
}
