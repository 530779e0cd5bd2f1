// The add-in's only door to the service: fetch with the clerk's token, errors as Chinese text.
// The shapes below are the HTTP contract of SPEC §7; the add-in knows no ledger beyond them.

import type { WeeklyReport } from '../service/domain/report/weekly-report.ts';

export interface Connection {
  baseUrl: string;
  token: string;
}

export interface LedgerColumn {
  id: string;
  header: string;
  aliases: string[];
  type: string;
  required: boolean;
  options?: string[];
  system: boolean;
}

/** A ledger whose rows are assigned to teams: the teams, and what a 分案清单 shows. */
export interface LedgerAssignment {
  teams: string[];
  /** The input column where a clerk assigns a team by hand. */
  teamColumn: string;
  /** The status column naming a row's team. */
  teamStatus: string;
  /** The date column from which a row counts as assigned. */
  assignedOn: string;
  /** The columns a 分案清单 shows, in order. */
  listColumns: string[];
}

export interface LedgerDefinition {
  id: string;
  name: string;
  key: string[];
  columns: LedgerColumn[];
  assignment?: LedgerAssignment;
}

export type CellInput = string | number | boolean | null;

export interface SyncRowRequest {
  rowId?: string;
  rev?: number;
  values: Record<string, CellInput>;
}

export interface RowProblem {
  column: string;
  level: 'error' | 'warning';
  message: string;
}

export interface RowResult {
  rowId: string;
  rev: number;
  state: 'ok' | 'invalid' | 'conflict';
  errors: RowProblem[];
  status: Record<string, string | number | null>;
  /** The stored values: sent with a conflict, and with every row of a 分案清单. */
  values?: Record<string, CellInput>;
}

export interface RowsResponse {
  asOf: string;
  revision: number;
  rows: RowResult[];
}

export class ServiceError extends Error {}

export async function callService<T>(connection: Connection, path: string, init: RequestInit = {}): Promise<T> {
  const url = `${connection.baseUrl.replace(/\/+$/, '')}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { Authorization: `Bearer ${connection.token}`, 'Content-Type': 'application/json', ...init.headers },
    });
  } catch {
    throw new ServiceError(`无法连接服务 ${connection.baseUrl}，请检查服务地址和网络`);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body?.error?.message ?? `服务返回 HTTP ${response.status}`;
    throw new ServiceError(message);
  }
  return body as T;
}

/** Checks the address and the token: health needs no token, the ledger list does. */
export async function testConnection(connection: Connection): Promise<{ version: string; ledgers: LedgerDefinition[] }> {
  const health = await callService<{ ok: boolean; version: string }>(connection, '/api/health');
  const ledgers = await fetchLedgers(connection);
  return { version: health.version, ledgers };
}

export function fetchLedgers(connection: Connection): Promise<LedgerDefinition[]> {
  return callService<LedgerDefinition[]>(connection, '/api/ledgers');
}

export function syncRows(connection: Connection, ledgerId: string, rows: SyncRowRequest[]): Promise<RowsResponse> {
  return callService<RowsResponse>(connection, `/api/ledgers/${encodeURIComponent(ledgerId)}/sync`, {
    method: 'POST',
    body: JSON.stringify({ rows, mode: 'upsert' }),
  });
}

/** A team's 分案清单: the rows the service assigns to the team, triaged since a date when given. */
export function fetchTeamRows(connection: Connection, ledgerId: string, team: string, since?: string): Promise<RowsResponse> {
  const query = new URLSearchParams({ team, ...(since ? { since } : {}) });
  return callService<RowsResponse>(connection, `/api/ledgers/${encodeURIComponent(ledgerId)}/rows?${query}`);
}

/** The 周通报 of an ISO week (YYYY-Www); the service answers the week before this one when none is given. */
export function fetchWeeklyReport(connection: Connection, week?: string): Promise<WeeklyReport> {
  const query = new URLSearchParams({ format: 'json', ...(week ? { week } : {}) });
  return callService<WeeklyReport>(connection, `/api/reports/weekly?${query}`);
}
