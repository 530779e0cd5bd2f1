// The ledger-scenario tests' view of the real service: sync and read any ledger as a role, over HTTP.

import type { RowsResponse } from '../../service/ledger-service.ts';
import type { RawRow, Scenario } from '../scenarios/fixtures.ts';
import { addUser, Sandbox, type Client, type RowWithNodes } from './service.ts';

/** An answer in the default detail (`nodes`). */
type RowsWithNodes = RowsResponse & { rows: RowWithNodes[] };

const ROLES = { admin: ['admin'], general: ['general'], affairs: ['affairs'], viewer: ['viewer'] } as const;

export type Role = keyof typeof ROLES;

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export interface TestService {
  call<T = unknown>(method: string, url: string, role: Role, body?: unknown): Promise<Reply<T>>;
  /** Syncs rows into a ledger as the given role and returns the answer (throws unless 200). */
  sync(
    ledgerId: string,
    rows: RawRow[] | Array<{ rowId?: string; values: RawRow }>,
    options?: { asOf?: string; role?: Role; mode?: 'upsert' | 'snapshot'; confirmDeletes?: boolean },
  ): Promise<RowsWithNodes>;
  rows(ledgerId: string, asOf: string): Promise<RowsWithNodes>;
  close(): Promise<void>;
}

/**
 * The shared Sandbox (real service, temporary data directory, replies checked for 500s and stack
 * traces) with one user per role these tests sync or read as.
 */
export async function startTestService(): Promise<TestService> {
  const sandbox = new Sandbox();
  const service = await sandbox.start();
  const clients = new Map<Role, Client>([['admin', service.admin]]);
  for (const role of ['general', 'affairs', 'viewer'] as const)
    clients.set(role, service.as(await addUser(service, `用户-${role}`, [...ROLES[role]])));

  const call = async <T>(method: string, url: string, role: Role, body?: unknown): Promise<Reply<T>> => {
    const reply = await clients.get(role)!.send(method, url, body === undefined ? undefined : JSON.stringify(body));
    return { status: reply.status, body: reply.body as T };
  };
  const expectOk = <T>(reply: Reply<T>): T => {
    if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  };

  return {
    call,
    sync: async (ledgerId, rows, options = {}) => {
      const body = {
        rows: rows.map((row) => ('values' in row && typeof row.values === 'object' && row.values !== null ? row : { values: row })),
        mode: options.mode ?? 'upsert',
        ...(options.confirmDeletes ? { confirmDeletes: true } : {}),
      };
      const query = options.asOf ? `?asOf=${options.asOf}` : '';
      return expectOk(await call<RowsWithNodes>('POST', `/api/ledgers/${ledgerId}/sync${query}`, options.role ?? 'general', body));
    },
    rows: async (ledgerId, asOf) => expectOk(await call<RowsWithNodes>('GET', `/api/ledgers/${ledgerId}/rows?asOf=${asOf}`, 'viewer')),
    close: () => sandbox.cleanUp(),
  };
}

/** Syncs a scenario table as of each scenario's day (one request per day) and hands each scenario its row. */
export async function syncScenarios(
  service: TestService,
  ledgerId: string,
  scenarios: Scenario[],
  role: Role,
  check: (scenario: Scenario, row: RowWithNodes) => void,
): Promise<void> {
  const byAsOf = new Map<string, Scenario[]>();
  for (const scenario of scenarios) byAsOf.set(scenario.asOf, [...(byAsOf.get(scenario.asOf) ?? []), scenario]);
  for (const [asOf, group] of byAsOf) {
    const answer = await service.sync(
      ledgerId,
      group.map((scenario) => scenario.values),
      { asOf, role },
    );
    if (answer.asOf !== asOf) throw new Error(`asked as of ${asOf}, answered as of ${answer.asOf}`);
    group.forEach((scenario, index) => check(scenario, answer.rows[index]));
  }
}
