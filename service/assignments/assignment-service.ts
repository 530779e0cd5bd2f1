// The 分案清单: a team's list on demand (JSON, xlsx, docx), and the day's lists of every team made
// and kept after the day's triage. Reads rows through the ledger service and keeps files through
// the store's `assignments`.

import { assignmentList, assignsTeams, teamsOf, type AssigningLedger, type AssignmentList } from '../domain/assignment-list.ts';
import type { CivilDate } from '../domain/civil-date.ts';
import { LEDGERS } from '../domain/ledgers/index.ts';
import type { LedgerService, Settings } from '../ledger-service.ts';
import type { ReportSettingsHolder } from '../report-settings.ts';
import { HttpError } from '../http/errors.ts';
import { keptListName, type KeptList, type Store } from '../store/store.ts';
import { workerHeapMb } from '../workbook/limits.ts';
import { WorkerStopped, WorkerThread } from '../workers/worker-thread.ts';

export type ListFormat = 'xlsx' | 'docx';

const WORKER_ENTRY = new URL('./list-file-worker.ts', import.meta.url);
export const LIST_FILE_TIMEOUT_MS = 120_000;
/** Lists kept evaluated for paging: a team's 内勤 turning pages, a few teams at once. */
const LISTS_KEPT = 8;

export class AssignmentService {
  constructor(
    private readonly ledgers: LedgerService,
    private readonly store: Store,
    private readonly reportSettings: ReportSettingsHolder,
    /** The rules and calendar in force: a list made under others is made again. */
    private readonly settings: () => Settings,
  ) {}

  /** Recent lists by what they were made from, so turning a page does not evaluate every row again. */
  private readonly recent = new Map<string, AssignmentList>();
  private madeWith: Settings | null = null;

  /**
   * A team's list: the day's (rows assigned on `date`) or, without a date, its whole open list;
   * evaluated as of `asOf`. Kept while no ledger changes (a row's alert may read another ledger),
   * nor the rules or the calendar; the ledgers that assign teams count days, not hours, so the
   * time of day does not change it.
   */
  list(ledger: AssigningLedger, team: string, date: CivilDate | null, asOf: CivilDate): AssignmentList {
    if (this.madeWith !== this.settings()) {
      this.recent.clear();
      this.madeWith = this.settings();
    }
    const made = [ledger.id, team, date, asOf, ...LEDGERS.map((each) => this.store.revision(each.id))].join('|');
    const kept = this.recent.get(made);
    if (kept) return kept;
    const list = assignmentList(ledger, this.ledgers.assignedRows(ledger, asOf, date ?? undefined), { team, date, asOf });
    this.recent.set(made, list);
    if (this.recent.size > LISTS_KEPT) this.recent.delete(this.recent.keys().next().value as string);
    return list;
  }

  /** The list as an xlsx or a docx, written in a worker thread. */
  async file(list: AssignmentList, format: ListFormat): Promise<Buffer> {
    const { settings } = await this.reportSettings.read();
    const worker = new WorkerThread(WORKER_ENTRY, { heapMb: workerHeapMb(), timeoutMs: LIST_FILE_TIMEOUT_MS });
    try {
      const { bytes } = await worker.request<{ bytes: Uint8Array }>({ list, settings, format });
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (error instanceof WorkerStopped && error.reason !== 'crashed') {
        throw new HttpError(
          503,
          'list_too_slow',
          `分案清单共 ${list.rows.length} 件，生成文件超过时限或内存上限，已停止；请按分案日期分批下载`,
        );
      }
      throw error;
    } finally {
      await worker.terminate();
    }
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
