// Error marks on clerks' cells: a fill and a note (or comment) carrying the service's message.
// Marks are remembered per table by 行ID and column id, so a fixed cell is unmarked on a later sync
// even after the rows were sorted, and a clerk's own notes and fills are never taken for ours.

import type { RowResult } from '../../client/contract.ts';
import { columnIndexOf, type TableLayout } from './layout.ts';

/** A light red that clerks do not use for their own purposes; a cell keeps it only while marked. */
export const MARK_FILL = '#FDE7E9';
/** Every note or comment the add-in writes starts with this, which is how it knows its own. */
export const NOTE_PREFIX = '【台账助手】';

export interface Mark {
  message: string;
  /** The comment's id where comments stand in for notes (ExcelApi 1.10–1.17). */
  commentId?: string;
}

/** Marks of one table: rowId → column id → mark. */
export type Marks = Record<string, Record<string, Mark>>;

/** Error-level problems on the row's clerk columns present in the table, messages joined per cell. */
export function marksOf(layout: TableLayout, result: RowResult): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const problem of result.errors) {
    if (problem.level !== 'error') continue;
    const index = columnIndexOf(layout, problem.column);
    if (index < 0 || layout.slots[index].kind !== 'input') continue;
    cells[problem.column] = cells[problem.column] ? `${cells[problem.column]}；${problem.message}` : problem.message;
  }
  return cells;
}

export interface MarkChange {
  rowId: string;
  columnId: string;
  message: string;
  previous: Mark | null;
}

export interface MarkPlan {
  add: MarkChange[];
  /** Marks whose cell is fixed now. */
  remove: Array<{ rowId: string; columnId: string; mark: Mark }>;
  /** Marks kept unchanged, carried into the next record. */
  keep: Marks;
}

/** Compares the recorded marks of the synced rows with what the service now reports. */
export function planMarks(previous: Marks, layout: TableLayout, results: RowResult[], clearedIds: string[] = []): MarkPlan {
  const add: MarkChange[] = [];
  const remove: MarkPlan['remove'] = [];
  const keep: Marks = {};
  const touched = new Set<string>();
  for (const result of results) {
    if (result.state === 'conflict') continue;
    touched.add(result.rowId);
    const before = previous[result.rowId] ?? {};
    const now = marksOf(layout, result);
    for (const [columnId, message] of Object.entries(now)) {
      const old = before[columnId];
      if (old && old.message === message) (keep[result.rowId] ??= {})[columnId] = old;
      else add.push({ rowId: result.rowId, columnId, message, previous: old ?? null });
    }
    for (const [columnId, mark] of Object.entries(before)) {
      if (!(columnId in now)) remove.push({ rowId: result.rowId, columnId, mark });
    }
  }
  for (const rowId of clearedIds) {
    touched.add(rowId);
    for (const [columnId, mark] of Object.entries(previous[rowId] ?? {})) remove.push({ rowId, columnId, mark });
  }
  for (const [rowId, cells] of Object.entries(previous)) {
    if (!touched.has(rowId)) keep[rowId] = cells;
  }
  return { add, remove, keep };
}

/** Drops records of rows no longer in the table (deleted by the clerk), so the record stays small. */
export function pruneMarks(marks: Marks, presentIds: ReadonlySet<string>): Marks {
  return Object.fromEntries(Object.entries(marks).filter(([rowId]) => presentIds.has(rowId)));
}
