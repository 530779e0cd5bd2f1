// One weekly report over 100,000 case rows plus 20,000 rows of the other ledgers, against its
// floor: JSON.parse of the same rows. Measured cold (every row normalised first, as after a start)
// and warm (rows already normalised, as the service keeps them), and the xlsx made from it.

import { packageHolidayData } from '../service/calendar-source.ts';
import { Calendar } from '../service/domain/calendar.ts';
import type { ReportRow } from '../service/domain/report/as-of.ts';
import { parseWeek } from '../service/domain/report/week.ts';
import { buildWeeklyReport } from '../service/domain/report/weekly-report.ts';
import { LEDGERS } from '../service/domain/ledgers/index.ts';
import type { RawValue } from '../service/domain/problem.ts';
import { defaultRules } from '../service/domain/rules.ts';
import { normalizeRow } from '../service/domain/row.ts';
import { reportWorkbook } from '../service/reports/workbook.ts';
import type { WorkerAnswer } from '../service/reports/report-worker.ts';
import { sampleRow } from '../test/helpers/sample-rows.ts';
import { caseRows } from './case-rows.ts';
import { WorkerThread } from '../service/workers/worker-thread.ts';
import { line } from './measure.ts';

const CASES = 100_000;
const OTHERS = 20_000;
const WEEK = '2026-W44';

const others = LEDGERS.filter((ledger) => ledger.id !== 'cases');
const raw = new Map<string, Array<{ rowId: string; values: Record<string, RawValue> }>>([
  ['cases', caseRows(CASES).map((row, index) => ({ rowId: `cases-${index}`, values: row.values }))],
  ...others.map(
    (ledger) =>
      [
        ledger.id,
        Array.from({ length: OTHERS / others.length }, (_, index) => ({
          rowId: `${ledger.id}-${index}`,
          values: sampleRow(ledger, index + 1),
        })),
      ] as const,
  ),
]);
const text = JSON.stringify(Object.fromEntries(raw));
const week = parseWeek(WEEK);
if (!week.ok) throw new Error(week.reason);
const reportWeek = week.week;
const rules = defaultRules();
const calendar = new Calendar(packageHolidayData());

const timed = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
};

const [, floor] = timed(() => JSON.parse(text));
const normalize = () =>
  new Map<string, ReportRow[]>(
    [...raw].map(([id, rows]) => {
      const ledger = LEDGERS.find((candidate) => candidate.id === id)!;
      return [id, rows.map((row) => ({ rowId: row.rowId, values: normalizeRow(ledger.columns, row.values, 'Asia/Shanghai').values }))];
    }),
  );
const build = (rows: Map<string, ReportRow[]>) => buildWeeklyReport({ week: week.week, asOf: week.week.to, rows, rules, calendar });

const [report, cold] = timed(() => build(normalize()));
const normalized = normalize();
const warm = Math.min(...[1, 2, 3].map(() => timed(() => build(normalized))[1]));
const start = performance.now();
const bytes = await reportWorkbook(report);
const xlsx = performance.now() - start;

line(`weekly report over ${CASES} case rows + ${OTHERS} other rows, rows normalised first`, cold, floor, 'ms');
line(`weekly report over ${CASES} case rows + ${OTHERS} other rows, rows already normalised (best of 3)`, warm, floor, 'ms');
line(`xlsx of that report (${report.overdue.length} overdue nodes listed, ${Math.round(bytes.length / 1024)} KB)`, xlsx, floor, 'ms');

/** The report and its xlsx in a report worker, as the service makes them (the rows handed over first, not timed). */
async function inWorker(): Promise<number> {
  const worker = new WorkerThread(new URL('../service/reports/report-worker.ts', import.meta.url), { heapMb: 8192, timeoutMs: 600_000 });
  try {
    for (const [ledger, rows] of normalized) worker.send({ ledger, rows });
    const request = { week: reportWeek, asOf: reportWeek.to, rules, calendar: calendar.data() };
    await worker.request<WorkerAnswer>({ ...request, format: 'json' });
    const begun = performance.now();
    await worker.request<WorkerAnswer>({ ...request, format: 'xlsx' });
    return performance.now() - begun;
  } finally {
    await worker.terminate();
  }
}
line('report + xlsx in the report worker, as the service makes them (warm)', await inWorker(), floor, 'ms');
