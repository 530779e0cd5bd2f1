// Turns a row as the clerk typed it into normalised values and problems, by the ledger's columns.

import type { ColumnDef, AnyLedger, RowValues, SystemColumnDef } from './ledger.ts';
import { caseTypeOf, normalizeCell, type CellValue } from './normalize/index.ts';
import type { Normalized, Problem, RawValue } from './problem.ts';

/** The six system columns every ledger ends with (SPEC §5). */
export const COMMON_SYSTEM_COLUMNS: SystemColumnDef[] = [
  { id: 'nextNode', header: '当前节点', type: 'text' },
  { id: 'nextDue', header: '节点期限', type: 'date' },
  { id: 'daysLeft', header: '剩余天数', type: 'integer' },
  { id: 'alert', header: '预警', type: 'text' },
  { id: 'remarks', header: '校验意见', type: 'text' },
];

/** All system columns of a ledger in order: its own, then `phase` (if it has one) and the common ones. */
export function systemColumnsOf(ledger: AnyLedger): SystemColumnDef[] {
  const phase: SystemColumnDef[] = ledger.phaseHeader ? [{ id: 'phase', header: ledger.phaseHeader, type: 'text' }] : [];
  return [...ledger.systemColumns, ...phase, ...COMMON_SYSTEM_COLUMNS];
}

const headerCache = new WeakMap<AnyLedger, Record<string, string>>();

/** Column headers by id; computed once per ledger because every row's messages need them. */
export function headersOf(ledger: AnyLedger): Record<string, string> {
  let headers = headerCache.get(ledger);
  if (!headers) {
    headers = Object.fromEntries(ledger.columns.map((column) => [column.id, column.header]));
    headerCache.set(ledger, headers);
  }
  return headers;
}

const columnHeaders = new WeakMap<ColumnDef[], Map<string, string>>();

/** Headers by column id, made once per column list: every row's date-order check names two. */
function headersOfColumns(columns: ColumnDef[]): Map<string, string> {
  let headers = columnHeaders.get(columns);
  if (!headers) columnHeaders.set(columns, (headers = new Map(columns.map((column) => [column.id, column.header]))));
  return headers;
}

/**
 * Cells already normalised, by column and time zone: ledgers repeat the same dates, options and
 * tags thousands of times. Values are shared, so nobody may change one; a full cache starts over.
 */
const normalizedCells = new WeakMap<ColumnDef, Map<string, Map<RawValue, Normalized<CellValue>>>>();
const CACHED_CELLS_PER_COLUMN = 20_000;

function normalizeCellOnce(column: ColumnDef, raw: RawValue, timeZone: string): Normalized<CellValue> {
  let byZone = normalizedCells.get(column);
  if (!byZone) normalizedCells.set(column, (byZone = new Map()));
  let cells = byZone.get(timeZone);
  if (!cells || cells.size >= CACHED_CELLS_PER_COLUMN) byZone.set(timeZone, (cells = new Map()));
  let cell = cells.get(raw);
  if (!cell) {
    cell = normalizeCell({ ...column, aliases: column.optionAliases }, raw, { timeZone });
    if (Array.isArray(cell.value)) Object.freeze(cell.value);
    cells.set(raw, Object.freeze(cell));
  }
  return cell;
}

const emptyRows = new WeakMap<ColumnDef[], RowValues>();

/** The ids the rules read a column's cell under: its own, and its case type's (ColumnDef.caseTypeAs). */
export function readAs(column: ColumnDef): string[] {
  return column.caseTypeAs ? [column.id, column.caseTypeAs] : [column.id];
}

/**
 * A row of a column list with every cell empty, made once per list, for each row to start as a copy
 * of. V8 keeps an object that gains more than a dozen properties by computed name as a hash table,
 * and every rule reads the row's cells many times; a copy of this one has them all from the start.
 */
function emptyRow(columns: ColumnDef[]): RowValues {
  let empty = emptyRows.get(columns);
  if (!empty) {
    // JSON.parse lays an object's properties out in place, as a literal would.
    const ids = columns.flatMap(readAs);
    empty = Object.freeze(JSON.parse(JSON.stringify(Object.fromEntries(ids.map((id) => [id, null])))) as RowValues);
    emptyRows.set(columns, empty);
  }
  return empty;
}

export function normalizeRow(
  columns: ColumnDef[],
  raw: Record<string, RawValue>,
  timeZone: string,
): { values: RowValues; problems: Problem[] } {
  const values: RowValues = { ...emptyRow(columns) };
  const problems: Problem[] = [];
  for (const column of columns) {
    const cell = normalizeCellOnce(column, raw[column.id], timeZone);
    values[column.id] = cell.value;
    if (column.caseTypeAs) values[column.caseTypeAs] = caseTypeOf(cell.value);
    for (const problem of cell.problems) problems.push({ column: column.id, ...problem, cell: true });
    if (column.required && isEmpty(raw[column.id])) {
      problems.push({ column: column.id, level: 'error', message: `${column.header}为必填项，当前为空` });
    }
  }
  return { values, problems };
}

export function isEmpty(value: RawValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Whether two cells hold the same value, every kind of empty being the same. */
export function sameCell(a: RawValue, b: RawValue): boolean {
  return a === b || (isEmpty(a) && isEmpty(b));
}

/**
 * Dates that must not go backwards, in the ledger's order. Each present date is compared with the
 * previous present one, so one wrong date gives one message naming both columns.
 */
export function checkDateOrder(columns: ColumnDef[], values: RowValues, order: string[]): Problem[] {
  const headers = headersOfColumns(columns);
  const problems: Problem[] = [];
  let previous: { id: string; date: string } | null = null;
  for (const id of order) {
    const date = values[id];
    if (typeof date !== 'string') continue;
    if (previous && date < previous.date) {
      problems.push({
        column: id,
        level: 'error',
        message: `${headers.get(id)}「${date}」早于${headers.get(previous.id)}「${previous.date}」，日期先后有误`,
      });
    }
    previous = { id, date };
  }
  return problems;
}

/** The 校验意见 cell: every problem's message, errors first. */
export function remarksOf(problems: Problem[]): string {
  const ordered = [...problems.filter((p) => p.level === 'error'), ...problems.filter((p) => p.level === 'warning')];
  return ordered.map((problem) => problem.message).join('；');
}
