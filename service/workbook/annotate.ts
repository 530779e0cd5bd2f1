// The workbook path (SPEC §7 POST /api/workbooks/annotate): find the ledgers in an uploaded
// workbook by their header rows, sync their rows through the same LedgerService as the add-in, and
// write statuses and explanations back into the same workbook.

import { getHeapStatistics } from 'node:v8';
import type { CivilDate } from '../domain/civil-date.ts';
import type { AnyLedger } from '../domain/ledger.ts';
import { normalizeRow } from '../domain/row.ts';
import type { Problem, RawValue } from '../domain/problem.ts';
import type { LedgerService, RowResponse } from '../ledger-service.ts';
import { unitName } from '../row-permissions.ts';
import { canWrite, type User } from '../users.ts';
import { annotatedPackage } from './annotated-package.ts';
import { assertRoomForSystemColumns, type RowAnnotation } from './annotation-writer.ts';
import { scanHeaders, type HeaderScan } from './header-scan.ts';
import { checkHeap, formatCount, heapAvailable, workerHeapMb, WorkbookRefusal } from './limits.ts';
import { findTable, HEADER_SEARCH_ROWS, ledgerOfRows, type TableLayout } from './table-layout.ts';
import { readTableRows, type TableRow, type TableRows } from './table-rows.ts';
import { openWorkbook, readWorkbookSheet } from './workbook-reading.ts';
import { inspectXlsx } from './zip-inspection.ts';
import type { QueueLimits, Ticket } from '../workers/work-queue.ts';
import { WorkQueue } from '../workers/work-queue.ts';
import { WorkerStopped, WorkerThread } from '../workers/worker-thread.ts';

export interface SheetReport {
  sheet: string;
  ledger: { id: string; name: string } | null;
  headerRow: number | null;
  /** Rows synced and annotated. */
  rows: number;
  invalid: number;
  /** Rows without errors but with warnings. */
  warnings: number;
  conflicts: number;
  overdue: number;
  dueSoon: number;
  /** Headers of the clerk's own columns, left alone. */
  otherHeaders: string[];
  missingRequired: string[];
  skipped: TableRows['skipped'];
  /** Why the sheet was left as it was, when it was. */
  notAnnotated: string | null;
}

export interface AnnotationSummary {
  asOf: CivilDate;
  sheets: SheetReport[];
}

interface FoundTable {
  sheet: string;
  layout: TableLayout;
  table: TableRows;
  report: SheetReport;
}

/** A workbook read in a worker (annotate-worker.ts): the upload and its tables, kept there until their annotations come back. */
export interface OpenWorkbook {
  file: Buffer;
  found: FoundTable[];
  reports: SheetReport[];
}

/** What the worker sends the main thread of one ledger table: plain data, nothing of exceljs. */
export interface ReadTable {
  ledgerId: string;
  sheet: string;
  /** Index of the table's report in ReadWorkbook.reports. */
  report: number;
  columns: Map<string, number>;
  rows: TableRow[];
}

export interface ReadWorkbook {
  reports: SheetReport[];
  tables: ReadTable[];
}

export interface AnnotatorOptions {
  /** Heap of each worker, in MB; by default the old generation this process may have. */
  heapMb?: number;
  /** Wall-clock limit of each step a worker takes (reading, then writing). */
  timeoutMs?: number;
  queue?: QueueLimits;
  /** Told how long each step of an annotation took, in milliseconds (bench/annotate.ts prints the split). */
  onStep?: (step: 'read' | 'sync' | 'write', ms: number) => void;
}

export const ANNOTATE_TIMEOUT_MS = 120_000;
export const ANNOTATE_QUEUE: QueueLimits = { running: 2, waiting: 4 };

const WORKER_ENTRY = new URL('./annotate-worker.ts', import.meta.url);

export class WorkbookAnnotator {
  private readonly queue: WorkQueue;
  private readonly heapMb: number;
  private readonly timeoutMs: number;
  private readonly onStep: NonNullable<AnnotatorOptions['onStep']>;

  constructor(
    private readonly ledgerService: LedgerService,
    private readonly ledgers: readonly AnyLedger[],
    private readonly timeZone: string,
    options: AnnotatorOptions = {},
  ) {
    this.heapMb = options.heapMb ?? workerHeapMb();
    this.timeoutMs = options.timeoutMs ?? ANNOTATE_TIMEOUT_MS;
    this.onStep = options.onStep ?? (() => {});
    this.queue = new WorkQueue(options.queue ?? ANNOTATE_QUEUE, {
      userBusy: '已有一个工作簿正在处理，请等它完成后再上传',
      full: '服务繁忙：正在处理的工作簿较多，请过一两分钟再上传',
    });
  }

  /**
   * A place in the upload queue: one workbook per user, a few at once service-wide, a few waiting.
   * Taken before the upload is read, so a refused one is not even received.
   */
  admit(user: User): Ticket {
    return this.queue.admit(user.name);
  }

  /**
   * Reads the workbook in a worker, syncs its rows here (the store lives in this thread) and has the
   * worker write the annotated workbook. The header rows are read first, without the worker: a user
   * who may write none of the ledgers found is refused before the full read.
   */
  async annotate(
    file: Buffer,
    user: User,
    asOf: CivilDate,
    ticket = this.admit(user),
  ): Promise<{ workbook: Buffer; summary: AnnotationSummary }> {
    try {
      this.checkHeaders(await scanHeaders(file), user);
    } catch (error) {
      ticket.release();
      throw error;
    }
    return ticket.run(() => this.annotateInWorker(file, user, asOf));
  }

  /** Refuses a workbook whose header rows show only ledgers the user may not write (visible sheets). */
  private checkHeaders(scan: HeaderScan | null, user: User): void {
    if (!scan?.complete) return;
    const found = scan.sheets
      .filter((sheet) => sheet.visible)
      .map((sheet) => ({ sheet: sheet.name, ledger: ledgerOfRows(sheet.rows, this.ledgers) }))
      .filter((entry): entry is { sheet: string; ledger: AnyLedger } => entry.ledger !== null);
    if (found.length === 0 || found.some(({ ledger }) => canWrite(user, ledger))) return;
    throw nothingWritable(found.map(({ sheet, ledger }) => ({ sheet, reason: notWritable(user, ledger) })));
  }

  private async annotateInWorker(file: Buffer, user: User, asOf: CivilDate) {
    const worker = new WorkerThread(WORKER_ENTRY, { heapMb: this.heapMb, timeoutMs: this.timeoutMs });
    try {
      const bytes = new Uint8Array(file);
      let started = performance.now();
      const read = await this.step(
        worker.request<ReadWorkbook>({ file: bytes, ledgers: this.ledgers.map(ledgerLayout), user }, [bytes.buffer]),
      );
      this.onStep('read', performance.now() - started);
      started = performance.now();
      const annotations = new Map<ReadTable, RowAnnotation[]>();
      for (const ledger of new Set(read.tables.map((table) => table.ledgerId))) {
        const tables = read.tables.filter((table) => table.ledgerId === ledger);
        const annotated = await this.syncLedger(
          this.ledgers.find((known) => known.id === ledger)!,
          tables,
          read.reports,
          user,
          asOf,
        );
        tables.forEach((table, index) => annotations.set(table, annotated[index]));
      }
      this.onStep('sync', performance.now() - started);
      started = performance.now();
      const written = await this.step(
        worker.request<{ workbook: Uint8Array }>({ annotations: read.tables.map((table) => annotations.get(table)!) }),
      );
      this.onStep('write', performance.now() - started);
      const workbook = Buffer.from(written.workbook.buffer, written.workbook.byteOffset, written.workbook.byteLength);
      return { workbook, summary: { asOf, sheets: read.reports } };
    } finally {
      await worker.terminate();
    }
  }

  /** A worker's answer; a refusal it reported, or its end past a limit, as the clerk's refusal. */
  private async step<T>(answer: Promise<T>): Promise<T> {
    try {
      return await answer;
    } catch (error) {
      const { status, code, message } = error as { status?: number; code?: string; message: string };
      if (status && code) throw new WorkbookRefusal(status as WorkbookRefusal['status'], code, message);
      if (error instanceof WorkerStopped && error.reason === 'timeout') {
        throw new WorkbookRefusal(
          422,
          'workbook_too_complex',
          `工作簿过于复杂，处理超过 ${Math.round(this.timeoutMs / 1000)} 秒，已停止；请拆分后再上传`,
        );
      }
      if (error instanceof WorkerStopped && error.reason === 'memory') {
        throw new WorkbookRefusal(
          413,
          'not_enough_memory',
          `工作簿过于复杂，处理时超过了内存上限（约 ${formatCount(this.heapMb)} MB），已停止；请拆分后再上传`,
        );
      }
      throw error;
    }
  }

  /** All sheets of one ledger in one sync, so a case entered on two sheets is reported as a duplicate. */
  private async syncLedger(
    ledger: AnyLedger,
    tables: ReadTable[],
    reports: SheetReport[],
    user: User,
    asOf: CivilDate,
  ): Promise<RowAnnotation[][]> {
    const rows = tables.flatMap((table) => table.rows);
    const rowNames = tables.flatMap((table) => table.rows.map((row) => `工作表「${table.sheet}」第 ${row.rowNumber} 行`));
    const result =
      rows.length === 0
        ? { rows: [] }
        : await this.ledgerService.sync(
            ledger,
            { rows: rows.map(({ rowId, rev, values }) => ({ rowId, rev, values })), mode: 'upsert', confirmDeletes: false, rowNames },
            user,
            asOf,
            // The sheet takes the status columns and the problems; the nodes' texts are not written.
            'status',
          );

    let next = 0;
    return tables.map((table) =>
      table.rows.map((row) => {
        const response = result.rows[next++];
        count(reports[table.report], response);
        return this.annotation(ledger, table.columns, row, response);
      }),
    );
  }

  private annotation(ledger: AnyLedger, columns: Map<string, number>, row: TableRow, response: RowResponse): RowAnnotation {
    const readWarnings = row.readProblems.map((problem) => ({ ...problem, level: 'warning' as const }));
    const remarks = [
      response.state === 'conflict' ? this.conflictMessage(ledger, columns, row, response) : '',
      String(response.status.remarks ?? ''),
      ...readWarnings.map((problem) => problem.message),
    ];
    return {
      rowNumber: row.rowNumber,
      rowId: response.rowId,
      rev: response.rev,
      status: response.status,
      remarks: remarks.filter((text) => text !== '').join('；'),
      problems: [...response.errors.filter((problem) => aboutTheCell(problem)), ...readWarnings],
    };
  }

  /** Which of the sheet's columns differ from the newer stored row, with the stored values. */
  private conflictMessage(ledger: AnyLedger, columns: Map<string, number>, row: TableRow, response: RowResponse): string {
    const sent = normalizeRow(ledger.columns, row.values, this.timeZone).values;
    const stored = normalizeRow(ledger.columns, response.values ?? {}, this.timeZone).values;
    const differing = ledger.columns
      .filter((column) => columns.has(column.id) && JSON.stringify(sent[column.id]) !== JSON.stringify(stored[column.id]))
      .map((column) => `${column.header}（服务端为「${shown(stored[column.id])}」）`);
    return `本行已被他人更新为第 ${response.rev} 版，本表的修改没有保存${differing.length ? `，不同的列：${differing.join('、')}` : ''}；状态按服务端的数据计算。核对后再次上传，将以本表为准`;
  }
}

// ---- In the worker (annotate-worker.ts): reading the workbook, and writing it back ----------------

/**
 * Reads an uploaded workbook: the zip inspected, the heap checked (against the worker's own limit),
 * the workbook loaded, the ledger tables found and their rows read. Sheets of ledgers the user may
 * not write are reported and left alone.
 */
export async function readWorkbook(file: Buffer, ledgers: readonly AnyLedger[], user: User): Promise<OpenWorkbook> {
  const inspection = await inspectXlsx(file);
  checkHeap(inspection, heapAvailable(getHeapStatistics()));
  const unreadable = () =>
    new WorkbookRefusal(
      400,
      'unreadable_xlsx',
      '工作簿的内容不符合 Excel 格式，无法读取。请在 Excel 或 WPS 中打开后「另存为」Excel 工作簿（*.xlsx）再上传',
    );
  const workbook = await openWorkbook(file).catch(() => {
    throw unreadable();
  });

  const reports: SheetReport[] = [];
  const found: FoundTable[] = [];
  for (const entry of workbook.sheets) {
    const sheet = await readWorkbookSheet(workbook, entry).catch(() => {
      throw unreadable();
    });
    const layout = findTable(sheet, ledgers);
    if (!layout) {
      if (sheet.state === 'visible')
        reports.push(
          emptyReport(sheet.name, null, `没有找到台账的表头行（表头须在前 ${HEADER_SEARCH_ROWS} 行内，并含台账的关键列，如「案号」）`),
        );
      continue;
    }
    const { ledger } = layout;
    const report = emptyReport(sheet.name, layout, null);
    reports.push(report);
    if (sheet.state !== 'visible') report.notAnnotated = '工作表是隐藏的，未处理；如需标注，请先取消隐藏';
    else if (!canWrite(user, ledger)) report.notAnnotated = notWritable(user, ledger);
    else {
      const table = readTableRows(sheet, layout, workbook.text.date1904);
      report.skipped = table.skipped;
      found.push({ sheet: sheet.name, layout, table, report });
    }
  }
  if (!reports.some((report) => report.ledger)) {
    throw new WorkbookRefusal(
      400,
      'no_ledger_found',
      `工作簿中没有找到可识别的台账。请确认表头行含有台账的列名，可识别的台账：${ledgers.map((ledger) => ledger.name).join('、')}；也可以下载空白模板填写`,
    );
  }
  if (found.length === 0) {
    throw nothingWritable(reports.flatMap((report) => (report.notAnnotated ? [{ sheet: report.sheet, reason: report.notAnnotated }] : [])));
  }
  // A sheet without room for its status columns is refused here, before anything is synced: a refused upload stores nothing.
  for (const { sheet, layout, table } of found) assertRoomForSystemColumns(sheet, layout, table.lastColumn);
  return { file, found, reports };
}

/** What the main thread needs of a read workbook to sync it. */
export function tablesOf(open: OpenWorkbook): ReadWorkbook {
  const tables = open.found.map(({ sheet, layout, table, report }) => ({
    ledgerId: layout.ledger.id,
    sheet,
    report: open.reports.indexOf(report),
    columns: layout.columns,
    rows: table.rows,
  }));
  return { reports: open.reports, tables };
}

/** Writes each table's annotations (in the order of tablesOf) into a copy of the upload. */
export async function writeWorkbook(open: OpenWorkbook, annotations: RowAnnotation[][]): Promise<Buffer> {
  const tables = open.found.map(({ sheet, layout, table }, index) => {
    // The rows as read are not needed any more: let them go before the workbook is written.
    table.rows.length = 0;
    return { sheet, layout, lastColumn: table.lastColumn, annotations: annotations[index] };
  });
  return annotatedPackage(open.file, tables);
}

/**
 * What reading and writing a workbook needs of a ledger, without its rules and evaluation (functions,
 * which cannot be posted to a worker): its columns, key, system columns and writers.
 */
export function ledgerLayout(ledger: AnyLedger): AnyLedger {
  const { id, name, key, columns, systemColumns, phaseHeader, writers } = ledger;
  return { id, name, key, columns, systemColumns, phaseHeader, writers, nodes: [] } as unknown as AnyLedger;
}

/** The refusal of a workbook none of whose sheets may be synced: one line per sheet with its reason, which clients show as a list. */
function nothingWritable(sheets: Array<{ sheet: string; reason: string }>): WorkbookRefusal {
  const lines = sheets.map(({ sheet, reason }) => `工作表「${sheet}」：${reason}`);
  return new WorkbookRefusal(403, 'forbidden', ['没有可以同步的工作表：', ...lines].join('\n'));
}

function notWritable(user: User, ledger: AnyLedger): string {
  return `用户「${user.name}」（角色：${user.roles.map(unitName).join('、')}）无权写入${ledger.name}，本表未同步`;
}

/** Whether a problem explains the clerk's cell, and so belongs in a note on it (see Problem.cell). */
function aboutTheCell(problem: Problem): boolean {
  return problem.level === 'error' || problem.cell === true;
}

function emptyReport(sheet: string, layout: TableLayout | null, notAnnotated: string | null): SheetReport {
  return {
    sheet,
    ledger: layout && { id: layout.ledger.id, name: layout.ledger.name },
    headerRow: layout?.headerRow ?? null,
    rows: 0,
    invalid: 0,
    warnings: 0,
    conflicts: 0,
    overdue: 0,
    dueSoon: 0,
    otherHeaders: layout?.otherHeaders ?? [],
    missingRequired: layout?.missingRequired ?? [],
    skipped: { blank: 0, footer: 0, header: 0 },
    notAnnotated,
  };
}

function count(report: SheetReport, response: RowResponse): void {
  report.rows++;
  if (response.state === 'invalid') report.invalid++;
  else if (response.state === 'conflict') report.conflicts++;
  else if (response.errors.length > 0) report.warnings++;
  if (response.status.alert === '超期') report.overdue++;
  if (response.status.alert === '临期') report.dueSoon++;
}

function shown(value: RawValue | string[] | undefined): string {
  if (value === null || value === undefined) return '空';
  return Array.isArray(value) ? value.join('、') : String(value);
}
