// 20 clients syncing at once against one: throughput (rows per second) and p99 latency.
// Each request sends 50 rows: 40 new cases and 10 edits of rows the client created before.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv } from '../service/config.ts';
import { startService, type RunningService } from '../service/server.ts';
import { line, percentile, TOKEN } from './measure.ts';

const REQUESTS_PER_CLIENT = 15;
const NEW_ROWS = 40;
const EDITS = 10;

async function client(service: RunningService, id: number, latencies: number[]): Promise<number> {
  let sent = 0;
  let mine: Array<{ rowId: string; rev: number; caseNo: string }> = [];
  for (let request = 0; request < REQUESTS_PER_CLIENT; request += 1) {
    const fresh = Array.from({ length: NEW_ROWS }, (_, index) => ({
      values: {
        caseNo: `（2026）豫0102执${id * 100_000 + request * 100 + index + 1}号`,
        filedOn: '2026-10-12',
        respondent: `被执行人${index}`,
        amount: 80_000,
      },
    }));
    const edits = mine
      .slice(0, EDITS)
      .map((row) => ({ rowId: row.rowId, rev: row.rev, values: { caseNo: row.caseNo, handler: `承办人${request}` } }));
    const rows = [...fresh, ...edits];
    const begin = performance.now();
    const response = await fetch(`${service.url}/api/ledgers/cases/sync?asOf=2026-11-26`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ rows }),
    });
    const result = (await response.json()) as { rows: Array<{ rowId: string; rev: number }> };
    latencies.push(performance.now() - begin);
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    sent += rows.length;
    mine = result.rows.map((row, index) => ({ ...row, caseNo: String(rows[index].values.caseNo) }));
  }
  return sent;
}

async function run(clients: number): Promise<{ rowsPerSecond: number; p99: number }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-bench-concurrent-'));
  const service = await startService(
    configFromEnv({ HTTPS: '0', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN }),
    () => {},
  );
  try {
    const latencies: number[] = [];
    const begin = performance.now();
    const sent = await Promise.all(Array.from({ length: clients }, (_, id) => client(service, id, latencies)));
    const seconds = (performance.now() - begin) / 1000;
    return { rowsPerSecond: sent.reduce((a, b) => a + b, 0) / seconds, p99: percentile(latencies, 99) };
  } finally {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const one = await run(1);
const twenty = await run(20);
line('throughput, 20 concurrent clients vs 1 (rows/s)', twenty.rowsPerSecond, one.rowsPerSecond, 'rows/s');
line('p99 latency, 20 concurrent clients vs 1', twenty.p99, one.p99, 'ms');
