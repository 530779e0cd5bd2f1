// Weekly reports over the stored ledgers: built on demand, and made and kept once a week. Reads the
// rows through the ledger service (normalised once per row version) and writes files through the store.

import { addDays, type CivilDate } from '../domain/civil-date.ts';
import { LEDGERS } from '../domain/ledgers/index.ts';
import { reportHeading } from '../domain/report/report-settings.ts';
import { TREND_WEEKS, trendWeek, trendWeeks, type TrendWeek } from '../domain/report/trend.ts';
import { worstFirst, type TeamFigures } from '../domain/report/sections/cases.ts';
import type { WeeklyReport } from '../domain/report/weekly-report.ts';
import { weekOf, type IsoWeek } from '../domain/report/week.ts';
import type { LedgerService, Settings } from '../ledger-service.ts';
import { ReportSettingsHolder } from '../report-settings.ts';
import type { StoredReport, Store } from '../store/store.ts';
import { HttpError } from '../http/errors.ts';
import { workerHeapMb } from '../workbook/limits.ts';
import { WorkerStopped, WorkerThread } from '../workers/worker-thread.ts';
import type { DocumentRequest, ReportFormat, WorkerAnswer } from './report-worker.ts';

const WORKER_ENTRY = new URL('./report-worker.ts', import.meta.url);
export const REPORT_TIMEOUT_MS = 120_000;
const ROWS_PER_MESSAGE = 2_000;

export interface ReportOptions {
  /** Font files for the docx's charts besides the system's (Config.chartFontFiles). */
  chartFontFiles?: string[];
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

type TeamCards = { week: IsoWeek; teams: TeamFigures[] };

export class ReportService {
  private readonly reportSettings: ReportSettingsHolder;
  private lastTeams: { key: string; settings: Settings; cards: Promise<TeamCards> } | null = null;

  constructor(
    private readonly ledgers: LedgerService,
    private readonly settings: () => Settings,
    private readonly store: Store,
    private readonly options: ReportOptions = {},
  ) {
    this.reportSettings = new ReportSettingsHolder(store);
  }

  /**
   * The report of a week as of a day (the week's Sunday when asOf is later), as JSON text, the xlsx
   * or the docx (dated `issuedOn`); asOf must not be before the week's Monday. Built in a worker
   * thread: over 100,000 rows it takes seconds, during which syncs are answered. The rows are posted
   * in parts, so handing them over holds this thread only for moments at a time.
   */
  async weekly(week: IsoWeek, asOf: CivilDate, format: 'json'): Promise<string>;
  async weekly(week: IsoWeek, asOf: CivilDate, format: 'xlsx' | 'docx', issuedOn?: CivilDate): Promise<Buffer>;
  async weekly(week: IsoWeek, asOf: CivilDate, format: 'json' | 'xlsx' | 'docx', issuedOn = asOf): Promise<string | Buffer> {
    const document = format === 'docx' ? await this.documentRequest(week, issuedOn) : undefined;
    const heading = format === 'xlsx' ? reportHeading(week.id, (await this.reportSettings.read()).settings) : undefined;
    const answer = await this.inWorker({ week, asOf, format, document, heading });
    if (format === 'json' && answer.json !== undefined) return answer.json;
    const bytes = format === 'docx' ? answer.docx : answer.xlsx;
    if (!bytes) throw new Error(`the report worker answered no ${format} for ${week.id}`);
    return asBuffer(bytes);
  }

  /**
   * What the docx reads beyond the week's rows: the report settings, and the 11 weeks before it for
   * the trend, those kept with their figures read from them (the worker builds the others).
   */
  private async documentRequest(week: IsoWeek, issuedOn: CivilDate): Promise<DocumentRequest> {
    const { settings } = await this.reportSettings.read();
    const earlierWeeks = trendWeeks(week.to, TREND_WEEKS.default).slice(0, -1);
    const figures = await Promise.all(earlierWeeks.map((earlier) => this.store.reports.figures(earlier.id)));
    const stored = figures.flatMap((json) => (json === null ? [] : [trendWeek(JSON.parse(json) as WeeklyReport, 'stored')]));
    return { settings, earlierWeeks, stored, issuedOn, fontFiles: this.options.chartFontFiles ?? [] };
  }

  /**
   * The trend of the `count` weeks complete by `asOf`, oldest first. A week whose automatic report
   * was kept with its figures is read from them ('stored': the figures as sent that Monday); the
   * others (reports kept before the figures were, or never made) are built again as of their Sunday
   * ('computed'), in one worker over rows handed over once. Each such week evaluates every row as it
   * stood on that Sunday (the rows differ from week to week, so no evaluation is shared): 12 weeks
   * cost 12 reports' time.
   */
  async trend(asOf: CivilDate, count: number): Promise<TrendWeek[]> {
    const weeks = trendWeeks(asOf, count);
    const stored = await Promise.all(weeks.map((week) => this.store.reports.figures(week.id)));
    const missing = weeks.filter((_week, index) => stored[index] === null);
    const answer = missing.length > 0 ? await this.inWorker({ weeks: missing, format: 'trend' }) : {};
    const computed = new Map((JSON.parse(answer.json ?? '[]') as TrendWeek[]).map((week) => [week.week, week]));
    return weeks.flatMap((week, index) => {
      const figures = stored[index];
      if (figures !== null) return [trendWeek(JSON.parse(figures) as WeeklyReport, 'stored')];
      return computed.get(week.id) ?? [];
    });
  }

  /**
   * The teams' figures of the week holding `asOf`, as of that day — the 周通报's own team table —,
   * the team with the most 超期 first (then the most 临期, then the most open), the bureau's team
   * order kept among equals: the 看板's cards. Every 看板 open asks every five minutes, and over
   * 20,000 cases a report takes seconds: the answer is reused while no ledger was written and the
   * rules and calendar are the same (the figures count days, not hours, so nothing else moves them).
   */
  teams(asOf: CivilDate): Promise<TeamCards> {
    const key = [asOf, ...LEDGERS.map((ledger) => this.store.revision(ledger.id))].join('|');
    const settings = this.settings();
    const last = this.lastTeams;
    if (last && last.key === key && last.settings === settings) return last.cards;
    const cards = this.countTeams(asOf);
    this.lastTeams = { key, settings, cards };
    cards.catch(() => {
      if (this.lastTeams?.cards === cards) this.lastTeams = null;
    });
    return cards;
  }

  private async countTeams(asOf: CivilDate): Promise<TeamCards> {
    const week = weekOf(asOf);
    const report = JSON.parse(await this.weekly(week, asOf, 'json')) as WeeklyReport;
    return { week, teams: worstFirst(report.teams) };
  }

  /** Hands the live rows to a report worker, then asks it one request (the rules and calendar added). */
  private async inWorker(request: { format: ReportFormat | 'trend' } & Record<string, unknown>): Promise<WorkerAnswer> {
    const { rules, calendar } = this.settings();
    const worker = new WorkerThread(WORKER_ENTRY, { heapMb: workerHeapMb(), timeoutMs: REPORT_TIMEOUT_MS });
    try {
      for (const ledger of LEDGERS) {
        const rows = this.ledgers.liveRows(ledger);
        for (let start = 0; start < rows.length || start === 0; start += ROWS_PER_MESSAGE) {
          worker.send({ ledger: ledger.id, rows: rows.slice(start, start + ROWS_PER_MESSAGE) });
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      return await worker.request<WorkerAnswer>({ ...request, rules, calendar: calendar.data() });
    } catch (error) {
      if (error instanceof WorkerStopped && error.reason !== 'crashed') {
        throw new HttpError(
          503,
          'report_too_slow',
          error.reason === 'timeout'
            ? `周通报生成超过 ${REPORT_TIMEOUT_MS / 1000} 秒，已停止；请稍后再试，或请管理员检查台账数据量`
            : '周通报生成时超过了内存上限，已停止；请管理员以更大的内存上限启动服务',
        );
      }
      throw error;
    } finally {
      await worker.terminate();
    }
  }

  /**
   * The automatic report of a week, as of its Sunday, saved as data/reports/周通报-<week>.xlsx with
   * its figures (JSON) and its Word document beside it; the document is dated the Monday after.
   */
  async saveWeekly(week: IsoWeek): Promise<StoredReport> {
    const document = await this.documentRequest(week, addDays(week.to, 1));
    const heading = reportHeading(week.id, document.settings);
    const { json, xlsx, docx } = await this.inWorker({ week, asOf: week.to, format: 'saved', document, heading });
    if (!xlsx || !docx || json === undefined) throw new Error(`the report worker answered no xlsx, docx or figures for ${week.id}`);
    return this.store.exclusive(() => this.store.reports.save(week.id, xlsx, json, docx));
  }

  list(): Promise<StoredReport[]> {
    return this.store.reports.list();
  }

  read(file: string): Promise<Buffer | null> {
    return this.store.reports.read(file);
  }
}
