// A team's 分案清单 as a team works from it: the rows assigned to it on a day (the list the bureau
// sends the team's 内勤 after the day's triage) or all its open ones, the most urgent first — 超期,
// then by days left —, each cell in one form: case numbers official, dates YYYY-MM-DD, identity
// numbers masked. Which columns, which date and which team come from the ledger's `assignment`.
// Pure: the rows come evaluated as of the list's day.

import type { EvaluatedLedgerRow } from './alerts.ts';
import type { CivilDate } from './civil-date.ts';
import type { AnyLedger, AssignmentDef } from './ledger.ts';
import { SEVERITY } from './nodes.ts';
import { maskIdentitiesIn, maskIdentity, type ColumnType } from './normalize/index.ts';
import { systemColumnsOf } from './row.ts';

/** How a cell is written: text, a civil date (YYYY-MM-DD), or a number. */
export type ListCellType = 'text' | 'date' | 'integer' | 'number';

export interface ListColumn {
  id: string;
  header: string;
  type: ListCellType;
}

export type ListCell = string | number | null;

export interface ListRow {
  rowId: string;
  cells: Record<string, ListCell>;
}

/** A stored row evaluated as of the list's day: its normalised values, what the clerk typed, its status. */
/** A row on a list: an evaluated row, its nodes not needed. */
export type AssignedRow = Omit<EvaluatedLedgerRow, 'nodes'>;

export interface AssignmentListQuery {
  team: string;
  /** The day's list (rows assigned that day); null for the team's whole open list. */
  date: CivilDate | null;
  asOf: CivilDate;
}

export interface AssignmentList {
  ledger: string;
  ledgerName: string;
  team: string;
  date: CivilDate | null;
  asOf: CivilDate;
  columns: ListColumn[];
  /** 超期 and 临期 among all the rows, for the line above the table. */
  overdue: number;
  dueSoon: number;
  rows: ListRow[];
}

const IDENTITY_TYPES: ColumnType[] = ['personId', 'creditCode', 'partyId'];

/** Column types written as dates or numbers; every other type is text. */
const CELL_TYPES: Partial<Record<string, ListCellType>> = { date: 'date', integer: 'integer', amount: 'number', number: 'number' };

/** A ledger whose rows are assigned to teams. */
export type AssigningLedger = AnyLedger & { assignment: AssignmentDef };

export function assignsTeams(ledger: AnyLedger): ledger is AssigningLedger {
  return ledger.assignment !== undefined;
}

/** The teams a ledger's rows are assigned to: the options of its team column (none for a ledger without teams). */
export function teamsOf(ledger: AnyLedger): string[] {
  const column = ledger.assignment && ledger.columns.find((candidate) => candidate.id === ledger.assignment?.teamColumn);
  return column?.options ?? [];
}

/** The columns a list shows, in the definition's order, under their headers. */
export function listColumnsOf(ledger: AssigningLedger): ListColumn[] {
  const system = new Map(systemColumnsOf(ledger).map((column) => [column.id, column]));
  return ledger.assignment.listColumns.flatMap((id): ListColumn[] => {
    const input = ledger.columns.find((candidate) => candidate.id === id);
    const column = input ?? system.get(id);
    return column ? [{ id, header: column.header, type: CELL_TYPES[column.type] ?? 'text' }] : [];
  });
}

/** Whether a row is on the team's list: assigned to it (on the day, when one is asked), and open unless a day is asked. */
export function isOnList(row: AssignedRow, assignment: AssignmentDef, query: Pick<AssignmentListQuery, 'team' | 'date'>): boolean {
  const assignedOn = row.values[assignment.assignedOn];
  if (typeof assignedOn !== 'string' || row.status[assignment.teamStatus] !== query.team) return false;
  if (query.date !== null) return assignedOn === query.date;
  const closedOn = row.values[assignment.closedOn];
  return closedOn === null || closedOn === undefined || closedOn === '';
}

/** Case numbers in the order a clerk files them: 执9号 before 执10号. */
const FILING_ORDER = new Intl.Collator('zh', { numeric: true });

/**
 * 超期 first, then 临期, 正常, the rest; within each the fewest days left first (a row without a node
 * last); then the earliest assigned, then by the ledger's key (the case number).
 */
function byUrgency(ledger: AssigningLedger) {
  const severity = (row: AssignedRow) => SEVERITY[String(row.status.alert)] ?? 0;
  const daysLeft = (row: AssignedRow) => (typeof row.status.daysLeft === 'number' ? row.status.daysLeft : Infinity);
  const assignedOn = (row: AssignedRow) => String(row.values[ledger.assignment.assignedOn] ?? '');
  const key = (row: AssignedRow) => ledger.key.map((column) => String(row.values[column] ?? row.raw[column] ?? '')).join(' ');
  return (a: AssignedRow, b: AssignedRow): number =>
    severity(b) - severity(a) ||
    daysLeft(a) - daysLeft(b) ||
    assignedOn(a).localeCompare(assignedOn(b)) ||
    FILING_ORDER.compare(key(a), key(b));
}

/** A cell as the list shows it: normalised where the clerk's value could be read, else as typed; identity numbers masked. */
function listCell(ledger: AnyLedger, column: ListColumn, row: AssignedRow): ListCell {
  const input = ledger.columns.find((candidate) => candidate.id === column.id);
  // A value the service could not read (a case number typed wrong) is shown as typed.
  const shown = input ? (filled(row.values[column.id]) ?? filled(row.raw[column.id])) : filled(row.status[column.id]);
  if (shown === null) return null;
  if (typeof shown === 'number') return column.type === 'text' || column.type === 'date' ? String(shown) : shown;
  const text = Array.isArray(shown) ? shown.join('、') : String(shown);
  return input && IDENTITY_TYPES.includes(input.type) ? maskIdentity(text) : maskIdentitiesIn(text);
}

function filled<T>(value: T | null | undefined | ''): T | null {
  return value === null || value === undefined || value === '' ? null : value;
}

/** The team's list, every row of it, the most urgent first. */
export function assignmentList(ledger: AssigningLedger, rows: AssignedRow[], query: AssignmentListQuery): AssignmentList {
  const columns = listColumnsOf(ledger);
  const listed = rows.filter((row) => isOnList(row, ledger.assignment, query)).sort(byUrgency(ledger));
  const count = (alert: string) => listed.filter((row) => row.status.alert === alert).length;
  return {
    ledger: ledger.id,
    ledgerName: ledger.name,
    team: query.team,
    date: query.date,
    asOf: query.asOf,
    columns,
    overdue: count('超期'),
    dueSoon: count('临期'),
    rows: listed.map((row) => ({
      rowId: row.rowId,
      cells: Object.fromEntries(columns.map((column) => [column.id, listCell(ledger, column, row)])),
    })),
  };
}

export interface ListPage {
  page: number;
  pageSize: number;
  pages: number;
  total: number;
  rows: ListRow[];
}

/** One page of the list (pages count from 1; a page past the last gives the last). */
export function pageOf(rows: ListRow[], page: number, pageSize: number): ListPage {
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const shown = Math.min(Math.max(1, page), pages);
  return { page: shown, pageSize, pages, total: rows.length, rows: rows.slice((shown - 1) * pageSize, shown * pageSize) };
}
