// Writes a sync's results into a clerk's sheet as its XML is copied (sheet-rewrite.ts): system
// columns to the right of the clerk's (or into the system columns already there), and, on the
// clerk's own cells, a note with the messages and a conditional-format fill. The clerk's values and
// formats are never written: the fill lies over the cell's own, and the next annotation takes away
// what this one added.

import type { ProblemLevel } from '../domain/problem.ts';
import type { SystemColumnDef } from '../domain/ledger.ts';
import { systemColumnsOf } from '../domain/row.ts';
import { readAsFormula } from '../domain/sheet-text.ts';
import { columnLetters } from '../../addin/sheet/addresses.ts';
import { dateCellValue } from './date-cells.ts';
import { WorkbookRefusal } from './limits.ts';
import { cellOf, type SheetNotes } from './notes-part.ts';
import { printLayout } from './print-layout.ts';
import { frameHead, frameTail, mergesOf, type ColumnChange } from './sheet-frame.ts';
import type { SheetChanges } from './sheet-rewrite.ts';
import { columnWidth, MARK_FILLS, SYSTEM_COLUMN_WIDTHS, SYSTEM_HEADER_STYLE, systemCellStyle } from './styles.ts';
import type { WorkbookStyles } from './styles-part.ts';
import { IDENTITY_COLUMNS, type TableLayout } from './table-layout.ts';
import { textElement } from './xml-text.ts';

export interface RowAnnotation {
  rowNumber: number;
  rowId: string;
  rev: number;
  status: Record<string, string | number | null>;
  remarks: string;
  /** Messages about the clerk's cells, by column id. */
  problems: Array<{ column: string; level: ProblemLevel; message: string }>;
}

/** Starts the service's part of a note; what comes before it is the clerk's own note. */
export const NOTE_MARK = '【执行台账助手】';
/** The condition of the service's conditional formats: always true, and recognisably ours. */
export const MARK_FORMULA = '"执行台账助手"="执行台账助手"';
const LAST_EXCEL_COLUMN = 16_384;
const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system, and the days the 1904 system starts later. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1904 = 1_462;

/** What writing into one sheet needs of its workbook. */
export interface SheetContext {
  sheetName: string;
  styles: WorkbookStyles;
  notes: SheetNotes;
  date1904: boolean;
  /** The relationship id of the notes' drawing (the sheet's own, or one the package will add). */
  drawingId: string;
}

interface Target {
  column: SystemColumnDef;
  columnNumber: number;
  letters: string;
}

/**
 * Refuses, before anything is synced, a sheet with no room right of the clerk's columns for the
 * system columns it lacks: a refused upload stores nothing.
 */
export function assertRoomForSystemColumns(sheetName: string, layout: TableLayout, lastColumn: number): void {
  const missing = [...systemColumnsOf(layout.ledger), ...IDENTITY_COLUMNS].filter((column) => !layout.systemColumns.has(column.id));
  if (missing.length > 0 && lastColumn + missing.length > LAST_EXCEL_COLUMN) {
    throw new WorkbookRefusal(
      400,
      'no_room_for_columns',
      `工作表「${sheetName}」右侧已没有空列，无法写入「${missing[0].header}」等状态列，请删去多余的列后再上传`,
    );
  }
}

/** The changes annotating one sheet makes, as rewriteSheet asks for them. */
export class SheetAnnotation implements SheetChanges {
  private readonly targets: Target[] = [];
  private readonly columnChanges = new Map<number, ColumnChange>();
  private readonly rows = new Map<number, RowAnnotation>();
  private prefix = '';

  constructor(
    private readonly layout: TableLayout,
    lastColumn: number,
    annotations: RowAnnotation[],
    private readonly context: SheetContext,
  ) {
    assertRoomForSystemColumns(context.sheetName, layout, lastColumn);
    let next = lastColumn + 1;
    for (const column of [...systemColumnsOf(layout.ledger), ...IDENTITY_COLUMNS]) {
      const existing = layout.systemColumns.get(column.id);
      const columnNumber = existing ?? next++;
      const change: ColumnChange = {};
      if (existing === undefined) change.width = SYSTEM_COLUMN_WIDTHS[column.id] ?? columnWidth(column.header, column.type);
      if (IDENTITY_COLUMNS.includes(column)) change.hidden = true;
      if (change.width !== undefined || change.hidden) this.columnChanges.set(columnNumber, change);
      this.targets.push({ column, columnNumber, letters: columnLetters(columnNumber - 1) });
    }
    for (const annotation of annotations) this.rows.set(annotation.rowNumber, annotation);
  }

  head(xml: string, prefix: string): string {
    this.prefix = prefix;
    return frameHead(xml, prefix, this.columnChanges);
  }

  cells(rowNumber: number): Map<number, string> | undefined {
    if (rowNumber === this.layout.headerRow) return this.headerCells();
    const annotation = this.rows.get(rowNumber);
    if (!annotation) return undefined;
    const values: Record<string, string | number | null> = {
      ...annotation.status,
      remarks: annotation.remarks,
      rowId: annotation.rowId,
      rev: annotation.rev,
    };
    const cells = new Map<number, string>();
    for (const { column, columnNumber, letters } of this.targets) {
      const value = this.systemValue(column, values[column.id] ?? null);
      const style = systemCellStyle(
        typeof value === 'string' && readAsFormula(value) ? 'text' : column.type,
        column.id === 'alert' ? String(values.alert ?? '') : undefined,
      );
      cells.set(columnNumber, this.cellXml(`${letters}${rowNumber}`, value, this.context.styles.cellStyle(style)));
    }
    return cells;
  }

  /** After the rows: the notes and marks, on the merged area's first cell where a cell is merged. */
  tail(xml: string, prefix: string): string {
    const { notes, styles } = this.context;
    const ledgerColumns = new Set(this.layout.columns.values());
    for (const ref of notes.refs()) {
      const [row, column] = cellOf(ref);
      if (row > this.layout.headerRow && ledgerColumns.has(column)) notes.takeOffOurs(ref, NOTE_MARK);
    }
    const master = masterCells(mergesOf(xml));
    const marked: Record<ProblemLevel, string[]> = { error: [], warning: [] };
    for (const annotation of this.rows.values()) {
      for (const [columnNumber, problems] of problemsByCell(this.layout, annotation)) {
        const ref = `${columnLetters(columnNumber - 1)}${annotation.rowNumber}`;
        const target = master(ref);
        notes.add(target, `${NOTE_MARK}\n${problems.map((problem) => problem.message).join('\n')}`);
        marked[problems.some((problem) => problem.level === 'error') ? 'error' : 'warning'].push(target);
      }
    }
    const marks = (['warning', 'error'] as const)
      .filter((level) => marked[level].length > 0)
      .map((level) => ({ sqref: compactRanges(marked[level]), dxfId: styles.conditionalFill(MARK_FILLS[level]) }));
    return frameTail(xml, prefix, {
      // The header row prints on every page.
      print: printLayout(this.layout.ledger.name, `${this.layout.headerRow}:${this.layout.headerRow}`),
      marks,
      markFormula: MARK_FORMULA,
      legacyDrawing: notes.changed() && notes.refs().length > 0 ? this.context.drawingId : null,
    });
  }

  private headerCells(): Map<number, string> {
    const style = this.context.styles.cellStyle(SYSTEM_HEADER_STYLE);
    const row = this.layout.headerRow;
    return new Map(
      this.targets.map(({ column, columnNumber, letters }) => [columnNumber, this.cellXml(`${letters}${row}`, column.header, style)]),
    );
  }

  /** Serials of the dates written, by their text: a sheet's dates repeat. */
  private readonly serials = new Map<string, number | null>();

  /** A system cell's value as written: a date as its serial (in a date format), text as text. */
  private systemValue(column: SystemColumnDef, value: string | number | null): string | number | null {
    if (value === null || value === '') return null;
    if ((column.type === 'date' || column.type === 'datetime') && typeof value === 'string') {
      let serial = this.serials.get(value);
      if (serial === undefined) {
        const date = dateCellValue(value);
        serial = date && date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL - (this.context.date1904 ? DAYS_1904 : 0);
        this.serials.set(value, serial);
      }
      if (serial !== null) return serial;
    }
    // Text stays text: a string cell is never a formula, whatever it starts with, and text that could
    // be read as one is in the text format, so retyping it in Excel keeps it text (SPEC §8).
    return column.type === 'text' ? String(value) : value;
  }

  private cellXml(ref: string, value: string | number | null, style: number): string {
    const p = this.prefix;
    if (value === null) return `<${p}c r="${ref}" s="${style}"/>`;
    if (typeof value === 'string') return `<${p}c r="${ref}" s="${style}" t="inlineStr"><${p}is>${textElement(value, p)}</${p}is></${p}c>`;
    return `<${p}c r="${ref}" s="${style}"><${p}v>${value}</${p}v></${p}c>`;
  }
}

function problemsByCell(layout: TableLayout, annotation: RowAnnotation): Map<number, RowAnnotation['problems']> {
  const byCell = new Map<number, RowAnnotation['problems']>();
  for (const problem of annotation.problems) {
    const columnNumber = layout.columns.get(problem.column);
    if (columnNumber === undefined) continue;
    byCell.set(columnNumber, [...(byCell.get(columnNumber) ?? []), problem]);
  }
  return byCell;
}

/** The first cell of the merged range a cell lies in, or the cell itself; ranges found by the rows they cover. */
function masterCells(merges: string[]): (ref: string) => string {
  const byRow = new Map<number, Array<{ left: number; right: number; ref: string }>>();
  for (const range of merges) {
    const [first, last = first] = range.split(':');
    const [top, left] = cellOf(first);
    const [bottom, right] = cellOf(last);
    for (let row = top; row <= bottom; row++) {
      const list = byRow.get(row) ?? [];
      list.push({ left, right, ref: first.replace(/\$/g, '') });
      byRow.set(row, list);
    }
  }
  return (ref) => {
    const [row, column] = cellOf(ref);
    return byRow.get(row)?.find(({ left, right }) => left <= column && column <= right)?.ref ?? ref;
  };
}

/** A1 A2 A3 B7 → A1:A3 B7: runs of marked cells down a column, so the range stays short. */
export function compactRanges(addresses: string[]): string {
  const byColumn = new Map<string, number[]>();
  for (const address of new Set(addresses)) {
    const [, column, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
    const rows = byColumn.get(column) ?? [];
    rows.push(Number(row));
    byColumn.set(column, rows);
  }
  const ranges: string[] = [];
  for (const [column, rows] of byColumn) {
    rows.sort((a, b) => a - b);
    for (let start = 0; start < rows.length;) {
      let end = start;
      while (end + 1 < rows.length && rows[end + 1] === rows[end] + 1) end++;
      ranges.push(end === start ? `${column}${rows[start]}` : `${column}${rows[start]}:${column}${rows[end]}`);
      start = end + 1;
    }
  }
  return ranges.join(' ');
}
