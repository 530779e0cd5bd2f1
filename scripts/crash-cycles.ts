// Crash safety: start the service, sync from several clients at once, kill the process with
// SIGKILL at a random moment, restart it on the same data directory, and check that every row
// whose sync was answered 200 is there with at least the acknowledged revision and its values.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const TOKEN = 'crash-test-admin-token-0123456789';

export interface CrashReport {
  cycles: number;
  acknowledged: number;
  lost: string[];
  /** Acknowledged rows with no line in audit.jsonl after the last restart. */
  unaudited: string[];
  killedAfterMs: number[];
}

interface Acknowledged {
  caseNo: string;
  rowId: string;
  rev: number;
  respondent: string;
}

export async function runCrashCycles(options: { cycles: number; clients: number; seed?: number }): Promise<CrashReport> {
  const random = seeded(options.seed ?? Date.now());
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-crash-'));
  const port = await freePort();
  const acknowledged = new Map<string, Acknowledged>();
  const report: CrashReport = { cycles: 0, acknowledged: 0, lost: [], unaudited: [], killedAfterMs: [] };
  try {
    for (let cycle = 0; cycle < options.cycles; cycle += 1) {
      const child = await startChild(dataDir, port);
      report.lost.push(...(await missing(port, acknowledged)));
      if (report.lost.length > 0) {
        child.kill('SIGKILL');
        break;
      }
      const killAfter = Math.floor(50 + random() * 400);
      report.killedAfterMs.push(killAfter);
      const stop = Date.now() + killAfter;
      const clients = Array.from({ length: options.clients }, (_, client) =>
        syncUntilKilled(port, cycle, client, stop, acknowledged, random),
      );
      await sleep(killAfter);
      child.kill('SIGKILL');
      await Promise.all(clients);
      await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
      report.cycles += 1;
    }
    if (report.lost.length === 0) {
      const child = await startChild(dataDir, port);
      report.lost.push(...(await missing(port, acknowledged)));
      child.kill('SIGKILL');
      report.unaudited.push(...(await unaudited(dataDir, acknowledged)));
    }
    report.acknowledged = acknowledged.size;
    return report;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Syncs new rows and edits of acknowledged ones until the process dies; keeps what was answered 200. */
async function syncUntilKilled(
  port: number,
  cycle: number,
  client: number,
  stop: number,
  acknowledged: Map<string, Acknowledged>,
  random: () => number,
) {
  for (let batch = 0; Date.now() < stop + 1000; batch += 1) {
    const earlier = [...acknowledged.values()].filter(() => random() < 0.02).slice(0, 5);
    const rows = [
      ...Array.from({ length: 20 }, (_, index) => ({
        values: caseValues(`（2026）豫0102执${cycle * 1_000_000 + client * 10_000 + batch * 20 + index + 1}号`, `张${cycle}`),
      })),
      ...earlier.map((row) => ({ rowId: row.rowId, rev: row.rev, values: caseValues(row.caseNo, `改${cycle}-${client}-${batch}`) })),
    ];
    let answer: { rows: Array<{ rowId: string; rev: number; state: string }> };
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/ledgers/cases/sync?asOf=2026-11-26`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ rows }),
      });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      answer = await response.json();
    } catch {
      return; // The process was killed: this sync was never acknowledged.
    }
    answer.rows.forEach((result, index) => {
      const values = rows[index].values;
      if (result.state === 'conflict' || (acknowledged.get(values.caseNo)?.rev ?? 0) > result.rev) return;
      acknowledged.set(values.caseNo, { caseNo: values.caseNo, rowId: result.rowId, rev: result.rev, respondent: values.respondent });
    });
  }
}

function caseValues(caseNo: string, respondent: string) {
  return { caseNo, filedOn: '2026-11-02', respondent, amount: 80_000 };
}

/** Acknowledged rows that the restarted service does not have as acknowledged. */
async function missing(port: number, acknowledged: Map<string, Acknowledged>): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${port}/api/ledgers/cases/rows?asOf=2026-11-26`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  const { rows } = (await response.json()) as { rows: Array<{ rowId: string; rev: number }> };
  const stored = new Map(rows.map((row) => [row.rowId, row]));
  const lost: string[] = [];
  for (const row of acknowledged.values()) {
    const found = stored.get(row.rowId);
    if (!found || found.rev < row.rev) lost.push(`${row.caseNo}（rev ${row.rev}，现为 ${found ? found.rev : '缺失'}）`);
  }
  return lost;
}

/** Acknowledged rows of which audit.jsonl has no line (the restarted service has caught it up by then). */
async function unaudited(dataDir: string, acknowledged: Map<string, Acknowledged>): Promise<string[]> {
  const text = await readFile(path.join(dataDir, 'audit.jsonl'), 'utf8').catch(() => '');
  const audited = new Set<string>();
  for (const line of text.split('\n')) {
    try {
      audited.add((JSON.parse(line) as { rowId: string }).rowId);
    } catch {
      // An empty last line.
    }
  }
  return [...acknowledged.values()].filter((row) => !audited.has(row.rowId)).map((row) => row.caseNo);
}

async function startChild(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'service', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', HTTPS: '0', ADMIN_TOKEN: TOKEN },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors += chunk));
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`服务未能启动：${errors}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`服务 10 秒内未就绪：${errors}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small deterministic generator, so a failing run can be repeated with its seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}
