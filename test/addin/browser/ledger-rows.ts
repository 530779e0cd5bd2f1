// What the browser tests type and what they compare with: rows in the clerk's words (by header),
// dates relative to today in Asia/Shanghai, and the service's own view of the stored rows.

import { addDays, civilDateAt } from '../../../service/domain/civil-date.ts';
import type { LedgerDefinition, RowsResponse } from '../../../client/contract.ts';
import { columnLetters } from '../../../addin/sheet/addresses.ts';

export function today(): string {
  return civilDateAt(new Date(), 'Asia/Shanghai');
}

export function daysFromToday(days: number): string {
  return addDays(today(), days);
}

export async function api<T>(baseUrl: string, token: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export async function casesLedger(baseUrl: string, token: string): Promise<LedgerDefinition> {
  const ledgers = await api<LedgerDefinition[]>(baseUrl, token, '/api/ledgers');
  const ledger = ledgers.find((candidate) => candidate.id === 'cases');
  if (!ledger) throw new Error('the service has no cases ledger');
  return ledger;
}

/** Rows as the clerk types them into a template: one array per row, in the template's column order. */
export function typedRows(ledger: LedgerDefinition, rows: Array<Record<string, string | number>>): Array<Array<string | number>> {
  const inputs = ledger.columns.filter((column) => !column.system);
  for (const row of rows) {
    for (const header of Object.keys(row))
      if (!inputs.some((column) => column.header === header)) throw new Error(`no clerk column ${header}`);
  }
  return rows.map((row) => inputs.map((column) => row[column.header] ?? ''));
}

/** The last column letter of the clerk's columns in a template (they start at A). */
export function lastInputColumn(ledger: LedgerDefinition): string {
  return columnLetters(ledger.columns.filter((column) => !column.system).length - 1);
}

export async function storedRows(baseUrl: string, token: string): Promise<RowsResponse['rows']> {
  return (await api<RowsResponse>(baseUrl, token, '/api/ledgers/cases/rows')).rows;
}

/** Excel's serial number of a civil date (1900 date system). */
export function serial(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function caseNo(serialNumber: number): string {
  return `（2026）豫0102执${serialNumber}号`;
}
