// Starts the real service on a temporary data directory with one user per role the
// general-affairs tests need, and calls it over HTTP.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv } from '../../service/config.ts';
import type { RowResponse, RowsResponse } from '../../service/ledger-service.ts';
import { startService } from '../../service/server.ts';
import { Documents } from '../../service/store/documents.ts';
import { UserDirectory } from '../../service/users.ts';
import type { RawRow, Scenario } from '../scenarios/fixtures.ts';

export const TOKENS = {
  admin: 'test-admin-token',
  general: 'test-general-token',
  affairs: 'test-affairs-token',
  viewer: 'test-viewer-token',
} as const;

export type Role = keyof typeof TOKENS;

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export interface TestService {
  call<T = unknown>(method: string, url: string, role: Role, body?: unknown): Promise<Reply<T>>;
  /** Syncs rows into a ledger as the given role and returns the answer (throws unless 200). */
  sync(ledgerId: string, rows: RawRow[] | Array<{ rowId?: string; values: RawRow }>, options?: { asOf?: string; role?: Role; mode?: 'upsert' | 'snapshot' }): Promise<RowsResponse>;
  rows(ledgerId: string, asOf: string): Promise<RowsResponse>;
  close(): Promise<void>;
}

export async function startTestService(): Promise<TestService> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'general-ledgers-'));
  const service = await startService(configFromEnv({ HTTPS: '0', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: TOKENS.admin }), () => {});
  const users = new UserDirectory(new Documents(dataDir));
  await users.add('综合事务中心书记员', ['general'], TOKENS.general);
  await users.add('事务中心书记员', ['affairs'], TOKENS.affairs);
  await users.add('观察员', ['viewer'], TOKENS.viewer);

  const call = async <T>(method: string, url: string, role: Role, body?: unknown): Promise<Reply<T>> => {
    const response = await fetch(`${service.url}${url}`, {
      method,
      headers: { Authorization: `Bearer ${TOKENS[role]}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const expectOk = <T>(reply: Reply<T>): T => {
    if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  };

  return {
    call,
    sync: async (ledgerId, rows, options = {}) => {
      const body = { rows: rows.map((row) => ('values' in row && typeof row.values === 'object' && row.values !== null ? row : { values: row })), mode: options.mode ?? 'upsert' };
      const query = options.asOf ? `?asOf=${options.asOf}` : '';
      return expectOk(await call<RowsResponse>('POST', `/api/ledgers/${ledgerId}/sync${query}`, options.role ?? 'general', body));
    },
    rows: async (ledgerId, asOf) => expectOk(await call<RowsResponse>('GET', `/api/ledgers/${ledgerId}/rows?asOf=${asOf}`, 'viewer')),
    close: async () => {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Syncs a scenario table as of each scenario's day (one request per day) and hands each scenario its row. */
export async function syncScenarios(service: TestService, ledgerId: string, scenarios: Scenario[], role: Role, check: (scenario: Scenario, row: RowResponse) => void): Promise<void> {
  const byAsOf = new Map<string, Scenario[]>();
  for (const scenario of scenarios) byAsOf.set(scenario.asOf, [...(byAsOf.get(scenario.asOf) ?? []), scenario]);
  for (const [asOf, group] of byAsOf) {
    const answer = await service.sync(ledgerId, group.map((scenario) => scenario.values), { asOf, role });
    if (answer.asOf !== asOf) throw new Error(`asked as of ${asOf}, answered as of ${answer.asOf}`);
    group.forEach((scenario, index) => check(scenario, answer.rows[index]));
  }
}
