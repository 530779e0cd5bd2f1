// The worker that builds a weekly report (report-service.ts): the live rows arrive in parts, then
// one message asks for the report, as JSON text or as the xlsx, or for the trend of several weeks
// (each week's report built over the same rows, handed over once).

import { parentPort } from 'node:worker_threads';
import { Calendar, type HolidayData } from '../domain/calendar.ts';
import type { CivilDate } from '../domain/civil-date.ts';
import type { ReportRow } from '../domain/report/as-of.ts';
import { trendWeek } from '../domain/report/trend.ts';
import type { IsoWeek } from '../domain/report/week.ts';
import { buildWeeklyReport } from '../domain/report/weekly-report.ts';
import type { RulesConfig } from '../domain/rules.ts';
import { failureOf } from '../workers/worker-thread.ts';
import { reportWorkbook } from './workbook.ts';

type Message =
  | { ledger: string; rows: ReportRow[] }
  | { week: IsoWeek; asOf: CivilDate; rules: RulesConfig; calendar: HolidayData; format: 'json' | 'xlsx' | 'both' }
  | { weeks: IsoWeek[]; rules: RulesConfig; calendar: HolidayData; format: 'trend' };

const rows = new Map<string, ReportRow[]>();

parentPort!.on('message', async (message: Message) => {
  if ('ledger' in message) {
    const kept = rows.get(message.ledger) ?? [];
    for (const row of message.rows) kept.push(row);
    rows.set(message.ledger, kept);
    return;
  }
  try {
    if (message.format === 'trend') {
      const { weeks, rules } = message;
      const calendar = new Calendar(message.calendar);
      const trend = weeks.map((week) => trendWeek(buildWeeklyReport({ week, asOf: week.to, rows, rules, calendar }), 'computed'));
      return parentPort!.postMessage({ json: JSON.stringify(trend) });
    }
    const { week, asOf, rules, calendar, format } = message;
    const report = buildWeeklyReport({ week, asOf, rows, rules, calendar: new Calendar(calendar) });
    if (format === 'json') return parentPort!.postMessage({ json: JSON.stringify(report) });
    const bytes = new Uint8Array(await reportWorkbook(report));
    const json = format === 'both' ? JSON.stringify(report) : undefined;
    parentPort!.postMessage({ xlsx: bytes, json }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage(failureOf(error));
  }
});
