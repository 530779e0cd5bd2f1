// Runs the real service and talks to it over HTTP, as the add-in does: on the in-memory store, or
// on a temporary data directory for the tests whose subject is the disk (restarts, files, backups,
// the lock, a separate process). Every reply is checked for what must never leave the server: a
// 500 or a stack trace.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv } from '../../service/config.ts';
import type { NodeResult } from '../../service/domain/ledger.ts';
import type { Problem, RawValue } from '../../service/domain/problem.ts';
import type { RowResponse, RowsResponse } from '../../service/ledger-service.ts';
import { startService, type StartOptions } from '../../service/server.ts';
import { buildIfStale } from '../../service/static-build.ts';
import { Documents } from '../../service/store/documents.ts';
import { FileStore } from '../../service/store/file-store.ts';
import { readLedger } from '../../service/store/ledger-file.ts';
import { MemoryStore } from '../../service/store/memory-store.ts';
import type { AuditEntry, Store, StoredRow } from '../../service/store/store.ts';
import type { SyncRow } from '../../service/sync-request.ts';
import { UserDirectory } from '../../service/users.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const ADMIN_TOKEN = 'admin-test-token-0123456789abcdef';
/** Every request passes asOf: the hand-checked cases below are read on this day. */
export const AS_OF = '2026-10-05';
export const CHINESE = /[\u4e00-\u9fff]/;

const STACK_TRACE = /\n\s+at\s|\bat\s+\S+\s+\(|node:internal|\.[cm]?[jt]s:\d+:\d+/;

export interface Reply {
  status: number;
  text: string;
  // The parsed JSON body; undefined when the body is not JSON.
  body: any;
}

export class Client {
  constructor(
    readonly url: string,
    private readonly authorization: string | null,
  ) {}

  get(route: string): Promise<Reply> {
    return this.send('GET', route);
  }

  post(route: string, body: unknown): Promise<Reply> {
    return this.send('POST', route, JSON.stringify(body));
  }

  put(route: string, body: unknown): Promise<Reply> {
    return this.send('PUT', route, JSON.stringify(body));
  }

  patch(route: string, body: unknown): Promise<Reply> {
    return this.send('PATCH', route, JSON.stringify(body));
  }

  sync(rows: SyncRow[], options: { asOf?: string; mode?: 'upsert' | 'snapshot'; confirmDeletes?: boolean } = {}): Promise<Reply> {
    const { asOf, ...body } = options;
    return this.post(`/api/ledgers/cases/sync?asOf=${asOf ?? AS_OF}`, { rows, ...body });
  }

  rows(query: Record<string, string> = {}): Promise<Reply> {
    return this.get(`/api/ledgers/cases/rows?${new URLSearchParams({ asOf: AS_OF, ...query })}`);
  }

  async send(method: string, route: string, body?: string): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (this.authorization !== null) headers.authorization = this.authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.url + route, { method, headers, body });
    const text = await response.text();
    assert.notEqual(response.status, 500, `${method} ${route} 得到 500：${text.slice(0, 300)}`);
    assert.doesNotMatch(text.slice(0, 100_000), STACK_TRACE, `${method} ${route} 的响应含有堆栈信息`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, text, body: parsed };
  }
}

export interface TestService {
  url: string;
  /** The store the service runs on. */
  store: Store;
  /** What startService returned: the admin token when this start created the admin. */
  adminToken: string | null;
  admin: Client;
  anonymous: Client;
  as(token: string): Client;
  close(): Promise<void>;
}

/** A service on the file store in a data directory. */
export interface DiskTestService extends TestService {
  dataDir: string;
}

function onDisk(service: TestService): service is DiskTestService {
  return 'dataDir' in service;
}

/** How a test starts the service: startService's options, and where its start messages go (nowhere by default). */
export type LaunchOptions = StartOptions & { log?: (line: string) => void };

/** Services, processes and data directories of one test, all gone after `cleanUp`. */
export class Sandbox {
  private services: TestService[] = [];
  private processes: ServiceProcess[] = [];
  private dirs: string[] = [];

  async dataDir(): Promise<string> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ledger-service-test-'));
    this.dirs.push(dir);
    return dir;
  }

  /** The service on the in-memory store: for every test whose subject is not the disk. */
  start(options: StartOptions = {}): Promise<TestService> {
    return this.launch(path.join(os.tmpdir(), 'ledger-service-test-no-files'), async (ledgerIds) => new MemoryStore(ledgerIds), options);
  }

  /** The service on the file store in a data directory (a new empty one unless given). */
  async startOnDisk(dataDir?: string, options: LaunchOptions = {}): Promise<DiskTestService> {
    const dir = dataDir ?? (await this.dataDir());
    return { ...(await this.launch(dir, (ledgerIds) => FileStore.open(dir, ledgerIds), options)), dataDir: dir };
  }

  private async launch(dataDir: string, open: NonNullable<StartOptions['store']>, options: LaunchOptions): Promise<TestService> {
    const config = configFromEnv({ HTTPS: '0', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN });
    let store: Store | undefined;
    const { log = () => {}, ...start } = options;
    const running = await startService(config, log, { ...start, store: async (ledgerIds) => (store = await open(ledgerIds)) });
    if (!store) throw new Error('startService started without opening its store');
    let closed = false;
    const service: TestService = {
      url: running.url,
      store,
      adminToken: running.adminToken,
      admin: new Client(running.url, `Bearer ${ADMIN_TOKEN}`),
      anonymous: new Client(running.url, null),
      as: (token) => new Client(running.url, `Bearer ${token}`),
      // Closing twice would release a lock a later service on the same directory holds.
      close: async () => {
        if (closed) return;
        closed = true;
        await running.close();
      },
    };
    this.services.push(service);
    return service;
  }

  /** `npm start` as a separate process on a data directory (no ADMIN_TOKEN: a random one). */
  spawn(dataDir: string, env: Record<string, string> = {}): ServiceProcess {
    const started = new ServiceProcess(dataDir, env);
    this.processes.push(started);
    return started;
  }

  async cleanUp(): Promise<void> {
    for (const service of this.services.reverse()) await service.close();
    for (const started of this.processes) await started.stop();
    for (const dir of this.dirs) await fs.rm(dir, { recursive: true, force: true });
    this.services = [];
    this.processes = [];
    this.dirs = [];
  }
}

export class ServiceProcess {
  private readonly child: ChildProcess;
  private out = '';
  private err = '';
  private exitCode: number | null | undefined = undefined;
  private readonly exit: Promise<number | null>;

  constructor(dataDir: string, env: Record<string, string>) {
    // npm start builds a stale dist/ before it listens; built here, the wait for the start is the start's alone.
    buildIfStale(ROOT, () => undefined, 'ignore');
    this.child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'service', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, HTTPS: '0', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: '', LEDGER_TZ: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk) => (this.out += String(chunk)));
    this.child.stderr?.on('data', (chunk) => (this.err += String(chunk)));
    this.exit = new Promise((resolve) =>
      this.child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
  }

  get stdout(): string {
    return this.out;
  }

  get stderr(): string {
    return this.err;
  }

  /** Resolves with the exit code; rejects if the process still runs after `ms`. */
  exited(ms = 15_000): Promise<number | null> {
    return Promise.race([this.exit, rejectAfter<number | null>(ms, `服务进程 ${ms} ms 内未退出`)]);
  }

  /** Waits until stdout matches; fails when the process exits first or after `ms`. */
  async waitFor(pattern: RegExp, ms = 15_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + ms;
    for (;;) {
      const match = pattern.exec(this.out);
      if (match) return match;
      if (this.exitCode !== undefined) throw new Error(`服务进程已退出（${this.exitCode}）：${this.out}${this.err}`);
      if (Date.now() > deadline) throw new Error(`等待 ${pattern} 超时：${this.out}${this.err}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The URL the started service printed. */
  async url(): Promise<string> {
    return (await this.waitFor(/服务已启动：(https?:\/\/[^\s（]+)/))[1];
  }

  /** SIGTERM, as a service manager stops it; waits for the exit. */
  async stop(): Promise<number | null> {
    if (this.exitCode === undefined) this.child.kill('SIGTERM');
    return this.exited();
  }
}

function rejectAfter<T>(ms: number, message: string): Promise<T> {
  return new Promise((_resolve, reject) => setTimeout(() => reject(new Error(message)), ms).unref());
}

/**
 * Adds a user and returns the token: in a data directory as `npm run add-user` does, while the
 * service may run; on the memory store through the running service's documents.
 */
export async function addUser(to: StoredIn, name: string, roles: string[]): Promise<string> {
  const where = source(to);
  const documents = where instanceof MemoryStore ? where.documents : new Documents(where);
  return new UserDirectory(documents).add(name, roles, `token-${randomUUID()}`);
}

// ---- Rows ------------------------------------------------------------------------------------

export function caseNo(serial: number, year = 2026): string {
  return `（${year}）豫0102执${serial}号`;
}

/**
 * The hand-checked case: filed 2026-09-24, 5万, transferred and triaged 2026-09-28 (rule 9,
 * 速执团队, 60 days from triage); its 执行通知 falls due in the National Day holiday.
 */
export const CHECKED_CASE: Record<string, RawValue> = {
  caseNo: caseNo(1234),
  filedOn: '2026-09-24',
  respondent: '张三',
  amount: '5万',
  transferredOn: '2026-09-28',
  triagedOn: '2026-09-28',
};

export function caseRow(values: Record<string, RawValue> = {}, identity: { rowId?: string; rev?: number } = {}): SyncRow {
  return { ...identity, values: { ...CHECKED_CASE, ...values } };
}

/** `count` distinct cases, each with its own case number from `firstSerial` on. */
export function manyCases(count: number, firstSerial = 1): SyncRow[] {
  return Array.from({ length: count }, (_, i) => caseRow({ caseNo: caseNo(firstSerial + i), respondent: `被执行人${firstSerial + i}` }));
}

// ---- Replies ---------------------------------------------------------------------------------

/** A row of an answer in the default detail (`nodes`): it carries its nodes. */
export type RowWithNodes = RowResponse & { nodes: NodeResult[] };

/** A 200 sync or rows reply, in the default detail. */
export function rowsOf(reply: Reply): RowWithNodes[] {
  assert.equal(reply.status, 200, reply.text.slice(0, 500));
  return (reply.body as RowsResponse).rows as RowWithNodes[];
}

export function onlyRow(reply: Reply): RowWithNodes {
  const rows = rowsOf(reply);
  assert.equal(rows.length, 1, reply.text.slice(0, 500));
  return rows[0];
}

export function nodeOf(row: RowWithNodes, id: string): NodeResult {
  const found = row.nodes.find((node) => node.id === id);
  assert.ok(found, `没有节点 ${id}：${row.nodes.map((node) => node.id).join(', ')}`);
  return found;
}

export function problemsOf(row: RowResponse, column: string, level?: Problem['level']): Problem[] {
  return row.errors.filter((problem) => problem.column === column && (level === undefined || problem.level === level));
}

/** An error reply: exactly { error: { code, message } }, the message in Chinese. Returns the message. */
export function assertError(reply: Reply, status: number, code?: string): string {
  assert.equal(reply.status, status, reply.text.slice(0, 500));
  assert.deepEqual(Object.keys(reply.body ?? {}), ['error'], reply.text.slice(0, 500));
  assert.deepEqual(Object.keys(reply.body.error).sort(), ['code', 'message']);
  assert.equal(typeof reply.body.error.code, 'string');
  if (code !== undefined) assert.equal(reply.body.error.code, code);
  assert.match(reply.body.error.message, CHINESE);
  return reply.body.error.message;
}

// ---- What is stored: files in a data directory, or the memory store ------------------------------

export async function readText(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const casesFiles = (dataDir: string) =>
  [path.join(dataDir, 'ledgers', 'cases.json'), path.join(dataDir, 'ledgers', 'cases.journal.jsonl')] as const;

/** A data directory, or a service (on files or in memory). */
type StoredIn = TestService | string;

/** Where to read what is stored: the data directory on disk, or the memory store. */
function source(from: StoredIn): string | MemoryStore {
  if (typeof from === 'string') return from;
  if (onDisk(from)) return from.dataDir;
  if (from.store instanceof MemoryStore) return from.store;
  throw new Error('the service runs on neither a data directory nor the memory store');
}

/** The cases ledger as stored, as text: its snapshot and journal on disk, or its revision and rows in memory. */
export async function storedLedgerText(from: StoredIn): Promise<string> {
  const stored = source(from);
  if (stored instanceof MemoryStore)
    return JSON.stringify({ revision: stored.revision('cases'), rows: [...stored.rows('cases').values()] });
  const [snapshot, journal] = casesFiles(stored);
  return `${(await readText(snapshot)) ?? ''}\n${(await readText(journal)) ?? ''}`;
}

/** Every row of the cases ledger as stored (on files: as the disk has it), soft-deleted ones included. */
export async function storedRows(from: StoredIn): Promise<StoredRow[]> {
  const stored = source(from);
  if (stored instanceof MemoryStore) return structuredClone([...stored.rows('cases').values()]);
  return [...(await readLedger(...casesFiles(stored))).rows.values()];
}

/** The audit log: audit.jsonl in a data directory, or the memory store's. */
export async function auditEntries(from: StoredIn): Promise<AuditEntry[]> {
  const stored = source(from);
  if (stored instanceof MemoryStore) return stored.documents.audit();
  const text = (await readText(path.join(stored, 'audit.jsonl'))) ?? '';
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditEntry);
}

/** Today in the court's time zone, as the service names its backup directories. */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}
