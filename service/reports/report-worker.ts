// The worker that builds a weekly report (report-service.ts): the live rows arrive in parts, then
// one message asks for the report, as JSON text, the xlsx or the docx (or all three, for the
// Monday run), or for the trend of several weeks (each week's report built over the same rows,
// handed over once).

import { parentPort } from 'node:worker_threads';
import { Calendar, type HolidayData } from '../domain/calendar.ts';
import type { CivilDate } from '../domain/civil-date.ts';
import type { ReportRow } from '../domain/report/as-of.ts';
import type { ReportSettings } from '../domain/report/report-settings.ts';
import { trendWeek, type TrendWeek } from '../domain/report/trend.ts';
import type { IsoWeek } from '../domain/report/week.ts';
import { buildWeeklyReport, type WeeklyReport } from '../domain/report/weekly-report.ts';
import type { RulesConfig } from '../domain/rules.ts';
import { failureOf } from '../workers/worker-thread.ts';
import { weeklyDocument } from './weekly-document.ts';
import { reportWorkbook } from './workbook.ts';

/** What the docx needs beyond the report: the trend's earlier weeks (the stored ones given, the others built here). */
export interface DocumentRequest {
  settings: ReportSettings;
  /** The weeks before the report's that the trend shows, oldest first. */
  earlierWeeks: IsoWeek[];
  /** Those of them kept with their figures, read from the store. */
  stored: TrendWeek[];
  issuedOn: CivilDate;
  fontFiles: string[];
}

export type ReportFormat = 'json' | 'xlsx' | 'docx' | 'saved';

type Message =
  | { ledger: string; rows: ReportRow[] }
  | {
      week: IsoWeek;
      asOf: CivilDate;
      rules: RulesConfig;
      calendar: HolidayData;
      format: ReportFormat;
      /** The xlsx's heading line (unit and 期数). */
      heading?: string;
      document?: DocumentRequest;
    }
  | { weeks: IsoWeek[]; rules: RulesConfig; calendar: HolidayData; format: 'trend' };

export interface WorkerAnswer {
  json?: string;
  xlsx?: Uint8Array;
  docx?: Uint8Array;
}

const rows = new Map<string, ReportRow[]>();

parentPort!.on('message', async (message: Message) => {
  if ('ledger' in message) {
    const kept = rows.get(message.ledger) ?? [];
    for (const row of message.rows) kept.push(row);
    rows.set(message.ledger, kept);
    return;
  }
  try {
    const calendar = new Calendar(message.calendar);
    const { rules } = message;
    if (message.format === 'trend') {
      const trend = message.weeks.map((week) => trendWeek(buildWeeklyReport({ week, asOf: week.to, rows, rules, calendar }), 'computed'));
      return parentPort!.postMessage({ json: JSON.stringify(trend) });
    }
    const { week, asOf, format } = message;
    const report = buildWeeklyReport({ week, asOf, rows, rules, calendar });
    if (format === 'json') return parentPort!.postMessage({ json: JSON.stringify(report) });
    const answer: WorkerAnswer = {};
    if (format === 'xlsx' || format === 'saved') answer.xlsx = new Uint8Array(await reportWorkbook(report, message.heading));
    if (format === 'docx' || format === 'saved') {
      if (!message.document) throw new Error('a docx was asked for without its settings');
      const trend = documentTrend(report, message.document, (earlier) =>
        buildWeeklyReport({ week: earlier, asOf: earlier.to, rows, rules, calendar }),
      );
      answer.docx = new Uint8Array(await weeklyDocument({ report, trend, ...message.document }));
    }
    if (format === 'saved') answer.json = JSON.stringify(report);
    const transfer = [answer.xlsx, answer.docx].flatMap((bytes) => (bytes ? [bytes.buffer as ArrayBuffer] : []));
    parentPort!.postMessage(answer, transfer);
  } catch (error) {
    parentPort!.postMessage(failureOf(error));
  }
});

/** The trend ending with the report's week: the stored weeks as kept, the others built as of their Sunday, the report's own last. */
function documentTrend(report: WeeklyReport, request: DocumentRequest, build: (week: IsoWeek) => WeeklyReport): TrendWeek[] {
  const stored = new Map(request.stored.map((week) => [week.week, week]));
  const earlier = request.earlierWeeks.map((week) => stored.get(week.id) ?? trendWeek(build(week), 'computed'));
  return [...earlier, trendWeek(report, 'computed')];
}
