// Maps a sheet's header row to a ledger's columns by header and alias (接管现有表格), and finds the
// header row below a title row. What did not map is reported, never guessed.

import type { LedgerColumn, LedgerDefinition } from '../../client/contract.ts';
import { REV_HEADER, ROW_ID_HEADER, type Slot, type TableLayout } from './layout.ts';

/** How many rows from the top are searched for the header (title rows and notes above it). */
export const HEADER_SCAN_ROWS = 6;

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** Header text compared loosely: spaces, line breaks, required-marks and bracket widths ignored. */
export function normalizeHeader(text: unknown): string {
  return String(text ?? '')
    .replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000*]/g, '')
    .toLowerCase();
}

export interface HeaderReport {
  layout: TableLayout;
  /** Headers that match no column of the ledger; those columns are left alone. */
  unmapped: string[];
  /** A second header for a column already mapped; ignored. */
  duplicates: Array<{ header: string; column: LedgerColumn }>;
  missingRequired: LedgerColumn[];
  missingOptional: LedgerColumn[];
  missingSystem: LedgerColumn[];
  hasRowId: boolean;
  hasRev: boolean;
  mappedInputs: number;
}

export function mapHeaderRow(ledger: LedgerDefinition, headerRow: unknown[]): HeaderReport {
  const byName = new Map<string, LedgerColumn>();
  for (const column of ledger.columns) {
    for (const name of [column.header, ...column.aliases]) {
      const key = normalizeHeader(name);
      if (!byName.has(key)) byName.set(key, column);
    }
  }
  const seen = new Set<string>();
  const unmapped: string[] = [];
  const duplicates: HeaderReport['duplicates'] = [];
  let hasRowId = false;
  let hasRev = false;
  const slots = headerRow.map((cell): Slot => {
    const header = String(cell ?? '').trim();
    const key = normalizeHeader(header);
    if (key === normalizeHeader(ROW_ID_HEADER) && !hasRowId) {
      hasRowId = true;
      return { kind: 'rowId' };
    }
    if (key === normalizeHeader(REV_HEADER) && !hasRev) {
      hasRev = true;
      return { kind: 'rev' };
    }
    const column = byName.get(key);
    if (!column) {
      if (header !== '') unmapped.push(header);
      return { kind: 'other', header };
    }
    if (seen.has(column.id)) {
      duplicates.push({ header, column });
      return { kind: 'other', header };
    }
    seen.add(column.id);
    return column.system ? { kind: 'system', column } : { kind: 'input', column };
  });
  const missing = ledger.columns.filter((column) => !seen.has(column.id));
  return {
    layout: { slots },
    unmapped,
    duplicates,
    missingRequired: missing.filter((column) => !column.system && column.required),
    missingOptional: missing.filter((column) => !column.system && !column.required),
    missingSystem: missing.filter((column) => column.system),
    hasRowId,
    hasRev,
    mappedInputs: slots.filter((slot) => slot.kind === 'input').length,
  };
}

/**
 * The header row among the top rows: the one that maps the most clerk columns (a title row above it
 * maps none). Null when no row maps at least two, which means this is not that ledger's table.
 */
export function findHeaderRow(ledger: LedgerDefinition, rows: unknown[][]): { rowIndex: number; report: HeaderReport } | null {
  let best: { rowIndex: number; report: HeaderReport } | null = null;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((row, rowIndex) => {
    const report = mapHeaderRow(ledger, row);
    if (report.mappedInputs >= 2 && (!best || report.mappedInputs > best.report.mappedInputs)) best = { rowIndex, report };
  });
  return best;
}
