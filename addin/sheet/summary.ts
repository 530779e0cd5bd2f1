// The result summary of a sync: counts for the clerk, and the problem rows to click through.

import { ALERT_COLUMN, DUE_SOON, OVERDUE, type CellInput, type LedgerDefinition, type RowResult } from '../../client/contract.ts';

export type ProblemKind = 'error' | 'conflict' | 'overdue' | 'dueSoon';

export interface ProblemItem {
  kind: ProblemKind;
  rowId: string;
  /** The column whose cell is selected on click. */
  columnId: string;
  /** The row in the clerk's words: its key columns (e.g. the case number). */
  label: string;
  message: string;
  /** Conflicts only: the stored revision and values, for 保留我的 / 采用对方的. */
  storedRev?: number;
  storedValues?: Record<string, CellInput>;
  storedStatus?: Record<string, string | number | null>;
}

export interface SyncSummary {
  ledgerId: string;
  tableKey: string;
  tableName: string;
  sheetName: string;
  rows: number;
  errorRows: number;
  warningRows: number;
  overdue: number;
  dueSoon: number;
  conflicts: number;
  /** Rows that moved while the service answered and could not be found again. */
  unplaced: number;
  /** The first PROBLEM_LIST_LIMIT problems in the list's order; problemCount says how many there are. */
  problems: ProblemItem[];
  at: string;
}

/** The list is for clicking through, not a report: it stops here and says how many more there are. */
export const PROBLEM_LIST_LIMIT = 200;

export function rowLabel(ledger: LedgerDefinition, values: Record<string, CellInput> | undefined, position: number | undefined): string {
  const parts = ledger.key.map((id) => values?.[id]).filter((value) => value !== null && value !== undefined && value !== '');
  if (parts.length > 0) return parts.join(' / ');
  return position === undefined ? '（无键值的行）' : `表格第 ${position + 1} 行`;
}

export interface SummaryEntry {
  result: RowResult;
  values: Record<string, CellInput>;
  position: number;
}

/** An automatic sync's few rows laid over the last summary's rows, by 行ID. */
export function mergeEntries(previous: SummaryEntry[], latest: SummaryEntry[]): SummaryEntry[] {
  const byId = new Map(previous.map((entry) => [entry.result.rowId, entry]));
  for (const entry of latest) byId.set(entry.result.rowId, entry);
  return [...byId.values()];
}

export interface TableRef {
  key: string;
  name: string;
  sheet: string;
}

export function summarize(ledger: LedgerDefinition, table: TableRef, results: SummaryEntry[], unplaced: number): SyncSummary {
  // Conflicts first, then errors, 超期 and 临期; of each kind only what the list can show is built.
  const listed: Record<ProblemKind, ProblemItem[]> = { conflict: [], error: [], overdue: [], dueSoon: [] };
  const list = (kind: ProblemKind, item: () => Omit<ProblemItem, 'kind'>) => {
    if (listed[kind].length < PROBLEM_LIST_LIMIT) listed[kind].push({ kind, ...item() });
  };
  let errorRows = 0;
  let warningRows = 0;
  let overdue = 0;
  let dueSoon = 0;
  let conflicts = 0;
  const firstInput = ledger.columns.find((column) => !column.system)?.id ?? '';
  for (const { result, values, position } of results) {
    const label = () => rowLabel(ledger, values, position);
    if (result.state === 'conflict') {
      conflicts += 1;
      list('conflict', () => ({
        rowId: result.rowId,
        columnId: firstInput,
        label: label(),
        message: '此行已被他人修改，请选择保留我的或采用对方的',
        storedRev: result.rev,
        storedValues: result.values,
        storedStatus: result.status,
      }));
      continue;
    }
    const errors = result.errors.filter((problem) => problem.level === 'error');
    if (errors.length > 0) {
      errorRows += 1;
      list('error', () => ({
        rowId: result.rowId,
        columnId: errors[0].column,
        label: label(),
        message: errors.map((error) => error.message).join('；'),
      }));
    } else if (result.errors.length > 0) {
      warningRows += 1;
    }
    const alert = result.status[ALERT_COLUMN];
    if (alert === OVERDUE) {
      overdue += 1;
      list('overdue', () => ({ rowId: result.rowId, columnId: ALERT_COLUMN, label: label(), message: describeNode(result, OVERDUE) }));
    } else if (alert === DUE_SOON) {
      dueSoon += 1;
      list('dueSoon', () => ({ rowId: result.rowId, columnId: ALERT_COLUMN, label: label(), message: describeNode(result, DUE_SOON) }));
    }
  }
  return {
    ledgerId: ledger.id,
    tableKey: table.key,
    tableName: table.name,
    sheetName: table.sheet,
    rows: results.length,
    errorRows,
    warningRows,
    overdue,
    dueSoon,
    conflicts,
    unplaced,
    problems: [...listed.conflict, ...listed.error, ...listed.overdue, ...listed.dueSoon].slice(0, PROBLEM_LIST_LIMIT),
    at: new Date().toISOString(),
  };
}

/** How many problems the sync found, listed or not: each is one conflict, error row, 超期 or 临期. */
export function problemCount(summary: SyncSummary): number {
  return summary.conflicts + summary.errorRows + summary.overdue + summary.dueSoon;
}

function describeNode(result: RowResult, word: string): string {
  const node = result.status.nextNode;
  const due = result.status.nextDue;
  return [node ? `${node}${word}` : word, due ? `期限 ${due}` : ''].filter(Boolean).join('，');
}
