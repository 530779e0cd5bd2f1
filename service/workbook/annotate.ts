// The workbook path (SPEC §7 POST /api/workbooks/annotate): find the ledgers in an uploaded
// workbook by their header rows, sync their rows through the same LedgerService as the add-in, and
// write statuses and explanations back into the same workbook.

import { getHeapStatistics } from 'node:v8';
import type { CivilDate } from '../domain/civil-date.ts';
import type { AnyLedger } from '../domain/ledger.ts';
import { normalizeRow } from '../domain/row.ts';
import type { Problem, RawValue } from '../domain/problem.ts';
import type { LedgerService, RowResponse } from '../ledger-service.ts';
import { canWrite, type User } from '../users.ts';
import { assertRoomForSystemColumns, writeAnnotations, type RowAnnotation } from './annotation-writer.ts';
import ExcelJS, { type Worksheet } from './exceljs.ts';
import { checkHeap, heapAvailable, WorkbookRefusal } from './limits.ts';
import { findTable, HEADER_SEARCH_ROWS, type TableLayout } from './table-layout.ts';
import { readTableRows, type TableRow, type TableRows } from './table-rows.ts';
import { inspectXlsx } from './zip-inspection.ts';

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
  /** Parts of the workbook exceljs does not write back (charts, pivot tables). */
  notKept: string[];
}

interface FoundTable {
  sheet: Worksheet;
  layout: TableLayout;
  table: TableRows;
  report: SheetReport;
}

export class WorkbookAnnotator {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ledgerService: LedgerService,
    private readonly ledgers: readonly AnyLedger[],
    private readonly timeZone: string,
  ) {}

  /**
   * One workbook at a time: a large workbook takes hundreds of megabytes while it is worked on,
   * and two at once would double that. Later uploads wait their turn.
   */
  annotate(file: Buffer, user: User, asOf: CivilDate): Promise<{ workbook: Buffer; summary: AnnotationSummary }> {
    const run = this.queue.then(() => this.annotateNow(file, user, asOf));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async annotateNow(file: Buffer, user: User, asOf: CivilDate) {
    const inspection = await inspectXlsx(file);
    checkHeap(inspection, heapAvailable(getHeapStatistics()));
    const workbook = new ExcelJS.Workbook();
    try {
      // exceljs types its input as an ArrayBuffer; it reads a Node Buffer as well, without a copy.
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw new WorkbookRefusal(
        400,
        'unreadable_xlsx',
        '工作簿的内容不符合 Excel 格式，无法读取。请在 Excel 或 WPS 中打开后「另存为」Excel 工作簿（*.xlsx）再上传',
      );
    }
    const date1904 = !!workbook.properties.date1904;

    const reports: SheetReport[] = [];
    const found: FoundTable[] = [];
    for (const sheet of workbook.worksheets) {
      const layout = findTable(sheet, this.ledgers);
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
      else if (!canWrite(user, ledger))
        report.notAnnotated = `用户「${user.name}」（角色：${user.roles.join('、')}）无权写入${ledger.name}，本表未同步`;
      else {
        const table = readTableRows(sheet, layout, date1904);
        report.skipped = table.skipped;
        found.push({ sheet, layout, table, report });
      }
    }
    if (!reports.some((report) => report.ledger)) {
      throw new WorkbookRefusal(
        400,
        'no_ledger_found',
        `工作簿中没有找到可识别的台账。请确认表头行含有台账的列名，可识别的台账：${this.ledgers.map((ledger) => ledger.name).join('、')}；也可以下载空白模板填写`,
      );
    }
    if (found.length === 0) {
      throw new WorkbookRefusal(
        403,
        'forbidden',
        reports
          .map((report) => report.notAnnotated)
          .filter(Boolean)
          .join('；'),
      );
    }

    for (const { sheet, layout, table } of found) assertRoomForSystemColumns(sheet, layout, table.lastColumn);
    for (const ledger of new Set(found.map((table) => table.layout.ledger))) {
      await this.syncLedger(
        ledger,
        found.filter((table) => table.layout.ledger === ledger),
        user,
        asOf,
      );
    }
    const workbookOut = Buffer.from(await workbook.xlsx.writeBuffer());
    return { workbook: workbookOut, summary: { asOf, sheets: reports, notKept: inspection.notKept } };
  }

  /** All sheets of one ledger in one sync, so a case entered on two sheets is reported as a duplicate. */
  private async syncLedger(ledger: AnyLedger, tables: FoundTable[], user: User, asOf: CivilDate): Promise<void> {
    const rows = tables.flatMap(({ table }) => table.rows);
    const rowNames = tables.flatMap(({ sheet, table }) => table.rows.map((row) => `工作表「${sheet.name}」第 ${row.rowNumber} 行`));
    const result =
      rows.length === 0
        ? { rows: [] }
        : await this.ledgerService.sync(
            ledger,
            { rows: rows.map(({ rowId, rev, values }) => ({ rowId, rev, values })), mode: 'upsert', confirmDeletes: false, rowNames },
            user,
            asOf,
          );

    let next = 0;
    const annotations = tables.map(({ layout, table, report }) =>
      table.rows.map((row) => {
        const response = result.rows[next++];
        count(report, response);
        return this.annotation(ledger, layout, row, response);
      }),
    );
    // The sync's answer (with every row's nodes) and the rows as read are not needed any more: let
    // them go before the workbook is written, the step that needs the most memory.
    result.rows.length = 0;
    tables.forEach(({ sheet, layout, table }, index) => {
      writeAnnotations(sheet, layout, table.lastColumn, annotations[index]);
      table.rows.length = 0;
    });
  }

  private annotation(ledger: AnyLedger, layout: TableLayout, row: TableRow, response: RowResponse): RowAnnotation {
    const readWarnings = row.readProblems.map((problem) => ({ ...problem, level: 'warning' as const }));
    const remarks = [
      response.state === 'conflict' ? this.conflictMessage(ledger, layout, row, response) : '',
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
  private conflictMessage(ledger: AnyLedger, layout: TableLayout, row: TableRow, response: RowResponse): string {
    const sent = normalizeRow(ledger.columns, row.values, this.timeZone).values;
    const stored = normalizeRow(ledger.columns, response.values ?? {}, this.timeZone).values;
    const differing = ledger.columns
      .filter((column) => layout.columns.has(column.id) && JSON.stringify(sent[column.id]) !== JSON.stringify(stored[column.id]))
      .map((column) => `${column.header}（服务端为「${shown(stored[column.id])}」）`);
    return `本行已被他人更新为第 ${response.rev} 版，本表的修改没有保存${differing.length ? `，不同的列：${differing.join('、')}` : ''}；状态按服务端的数据计算。核对后再次上传，将以本表为准`;
  }
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
