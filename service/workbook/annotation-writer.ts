// Writes a sync's results into the sheet: system columns to the right of the clerk's (or into the
// system columns already there), and, on the clerk's own cells, a note with the messages and a
// conditional-format fill. The clerk's values and formats are never written: the fill lies over
// the cell's own, and the next annotation takes away what this one added.

import type { ProblemLevel } from '../domain/problem.ts';
import type { SystemColumnDef } from '../domain/ledger.ts';
import { systemColumnsOf } from '../domain/row.ts';
import { readAsFormula } from '../domain/sheet-text.ts';
import type { ConditionalFormattingOptions } from 'exceljs';
import type { Cell, Worksheet } from './exceljs.ts';
import { dateCellValue } from './date-cells.ts';
import { WorkbookRefusal } from './limits.ts';
import { columnWidth, MARK_FILLS, SYSTEM_COLUMN_WIDTHS, SYSTEM_HEADER_STYLE, systemCellStyle } from './styles.ts';
import { setPrintLayout } from './print-layout.ts';
import { IDENTITY_COLUMNS, type TableLayout } from './table-layout.ts';

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

export function writeAnnotations(sheet: Worksheet, layout: TableLayout, lastColumn: number, annotations: RowAnnotation[]): void {
  assertRoomForSystemColumns(sheet, layout, lastColumn);
  const targets = placeSystemColumns(sheet, layout, lastColumn);
  clearEarlierMarks(sheet, layout);
  // The header row prints on every page; the clerk's cells keep their own formats.
  setPrintLayout(sheet, layout.ledger.name, `${layout.headerRow}:${layout.headerRow}`);

  const marked: Record<ProblemLevel, string[]> = { error: [], warning: [] };
  for (const annotation of annotations) {
    const row = sheet.getRow(annotation.rowNumber);
    const values: Record<string, string | number | null> = {
      ...annotation.status,
      remarks: annotation.remarks,
      rowId: annotation.rowId,
      rev: annotation.rev,
    };
    for (const { column, columnNumber } of targets) {
      const cell = row.getCell(columnNumber);
      const value = systemValue(column, values[column.id] ?? null);
      cell.value = value;
      cell.style = systemCellStyle(
        typeof value === 'string' && readAsFormula(value) ? 'text' : column.type,
        column.id === 'alert' ? String(values.alert ?? '') : undefined,
      );
    }
    for (const [columnNumber, problems] of problemsByCell(layout, annotation)) {
      const cell = row.getCell(columnNumber);
      const target = cell.isMerged ? cell.master : cell;
      addNote(
        target,
        problems.map((problem) => problem.message),
      );
      marked[problems.some((problem) => problem.level === 'error') ? 'error' : 'warning'].push(target.address);
    }
  }
  for (const level of ['warning', 'error'] as const) {
    if (marked[level].length === 0) continue;
    sheet.addConditionalFormatting({
      ref: compactRanges(marked[level]),
      rules: [{ type: 'expression', priority: 1, formulae: [MARK_FORMULA], style: { fill: MARK_FILLS[level] } }],
    });
  }
}

/**
 * Refuses, before anything is synced, a sheet with no room right of the clerk's columns for the
 * system columns it lacks: a refused upload stores nothing.
 */
export function assertRoomForSystemColumns(sheet: Worksheet, layout: TableLayout, lastColumn: number): void {
  const missing = [...systemColumnsOf(layout.ledger), ...IDENTITY_COLUMNS].filter((column) => !layout.systemColumns.has(column.id));
  if (missing.length > 0 && lastColumn + missing.length > LAST_EXCEL_COLUMN) {
    throw new WorkbookRefusal(
      400,
      'no_room_for_columns',
      `工作表「${sheet.name}」右侧已没有空列，无法写入「${missing[0].header}」等状态列，请删去多余的列后再上传`,
    );
  }
}

/** Each system column's sheet column: where its header already is, else appended after the last used column. */
function placeSystemColumns(sheet: Worksheet, layout: TableLayout, lastColumn: number) {
  const header = sheet.getRow(layout.headerRow);
  let next = lastColumn + 1;
  return [...systemColumnsOf(layout.ledger), ...IDENTITY_COLUMNS].map((column) => {
    let columnNumber = layout.systemColumns.get(column.id);
    if (columnNumber === undefined) {
      columnNumber = next++;
      sheet.getColumn(columnNumber).width = SYSTEM_COLUMN_WIDTHS[column.id] ?? columnWidth(column.header, column.type);
    }
    const cell = header.getCell(columnNumber);
    cell.value = column.header;
    cell.style = SYSTEM_HEADER_STYLE;
    if (IDENTITY_COLUMNS.includes(column)) sheet.getColumn(columnNumber).hidden = true;
    return { column, columnNumber };
  });
}

function systemValue(column: SystemColumnDef, value: string | number | null): string | number | Date | null {
  if (value === null || value === '') return null;
  if ((column.type === 'date' || column.type === 'datetime') && typeof value === 'string') {
    const date = dateCellValue(value);
    if (date) return date;
  }
  // Text stays text: a string cell is never a formula, whatever it starts with, and text that could
  // be read as one is in the text format, so retyping it in Excel keeps it text (SPEC §8).
  return column.type === 'text' ? String(value) : value;
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

/** Takes away the previous annotation's marks: its conditional formats and its part of each note. */
function clearEarlierMarks(sheet: Worksheet, layout: TableLayout): void {
  // exceljs keeps a sheet's conditional formats in a property its types do not declare.
  const formatted = sheet as Worksheet & { conditionalFormattings?: ConditionalFormattingOptions[] };
  const formats = formatted.conditionalFormattings;
  if (formats?.length) {
    formatted.conditionalFormattings = formats.filter(
      (format) => !format.rules.every((rule) => 'formulae' in rule && rule.formulae?.length === 1 && rule.formulae[0] === MARK_FORMULA),
    );
  }
  const columnNumbers = [...layout.columns.values()];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= layout.headerRow) return;
    for (const columnNumber of columnNumbers) {
      const cell = row.findCell(columnNumber);
      if (cell?.note !== undefined) setClerkNote(cell, clerkPartOf(cell.note));
    }
  });
}

type Note = Cell['note'];
type NoteObject = Exclude<Note, string>;

function clerkPartOf(note: Note): Note | undefined {
  if (typeof note === 'string') {
    const kept = note.split(NOTE_MARK)[0].trimEnd();
    return kept === '' ? undefined : kept;
  }
  const texts: NoteObject['texts'] = [];
  for (const run of note.texts ?? []) {
    const at = run.text.indexOf(NOTE_MARK);
    if (at === -1) {
      texts.push(run);
      continue;
    }
    if (at > 0) texts.push({ ...run, text: run.text.slice(0, at) });
    break;
  }
  const last = texts.at(-1);
  if (last) texts[texts.length - 1] = { ...last, text: last.text.trimEnd() };
  return texts.some((run) => run.text !== '') ? { ...note, texts } : undefined;
}

function addNote(cell: Cell, messages: string[]): void {
  const ours = `${NOTE_MARK}\n${messages.join('\n')}`;
  const note = cell.note;
  if (note === undefined) cell.note = ours;
  else if (typeof note === 'string') cell.note = `${note}\n${ours}`;
  else cell.note = { ...note, texts: [...(note.texts ?? []), { text: `\n${ours}` }] };
}

/**
 * exceljs has no way to take a note off a cell. It keeps a note in `_comment`, and a note read
 * from a file also in the model of the cell's value, from where it would be written again.
 */
function setClerkNote(cell: Cell, note: Note | undefined): void {
  if (note !== undefined) return void (cell.note = note);
  const internals = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internals._comment = undefined;
  if (internals._value?.model) delete internals._value.model.comment;
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
