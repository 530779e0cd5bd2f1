// A one-row edit in a store holding 100,000 rows across ledgers (60,000 cases, the rest spread over
// the other ledgers), against a full 10,000-row sync measured in the same run. The large store is
// written as ledger snapshots before the service starts (building it through the API would only
// measure the set-up).

import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv } from '../service/config.ts';
import { startService, type RunningService } from '../service/server.ts';
import type { StoredRow } from '../service/store/store.ts';
import { LEDGERS } from '../service/domain/ledgers/index.ts';
import { sampleRow } from '../test/helpers/sample-rows.ts';
import { caseRows } from './case-rows.ts';
import { line, median, TOKEN } from './measure.ts';

const STORED = 100_000;
const CASES = 60_000;
const FULL_SYNC = 10_000;
const EDITS = 30;

async function start(dataDir: string): Promise<RunningService> {
  return startService(configFromEnv({ HTTPS: '0', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN }), () => {});
}

async function sync(service: RunningService, rows: unknown[]): Promise<Array<{ rowId: string; rev: number }>> {
  const response = await fetch(`${service.url}/api/ledgers/cases/sync?asOf=2026-11-26`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ rows }),
  });
  if (response.status !== 200) throw new Error(`sync failed: HTTP ${response.status}`);
  return ((await response.json()) as { rows: Array<{ rowId: string; rev: number }> }).rows;
}

const fullDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-bench-full-'));
const largeDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-bench-large-'));
try {
  const full = await start(fullDir);
  const started = performance.now();
  await sync(full, caseRows(FULL_SYNC));
  const fullSync = performance.now() - started;
  await full.close();

  const now = new Date().toISOString();
  const storedRow = (values: StoredRow['values']): StoredRow => ({
    rowId: randomUUID(),
    rev: 1,
    values,
    createdAt: now,
    updatedAt: now,
    updatedBy: 'bench',
  });
  const stored = caseRows(CASES).map((row) => storedRow(row.values));
  await mkdir(path.join(largeDir, 'ledgers'), { recursive: true });
  await writeFile(path.join(largeDir, 'ledgers', 'cases.json'), JSON.stringify({ revision: 1, rows: stored }));
  const others = LEDGERS.filter((ledger) => ledger.id !== 'cases');
  for (const ledger of others) {
    const rows = Array.from({ length: Math.floor((STORED - CASES) / others.length) }, (_, index) =>
      storedRow(sampleRow(ledger, index + 1)),
    );
    await writeFile(path.join(largeDir, 'ledgers', `${ledger.id}.json`), JSON.stringify({ revision: 1, rows }));
  }
  const large = await start(largeDir);
  const times: number[] = [];
  for (let edit = 0; edit < EDITS; edit += 1) {
    const target = stored[(edit * 7919) % CASES];
    const begin = performance.now();
    const [result] = await sync(large, [{ rowId: target.rowId, rev: target.rev, values: { ...target.values, handler: `改${edit}` } }]);
    times.push(performance.now() - begin);
    target.rev = result.rev;
  }
  await large.close();
  line(`one-row edit in a store of ${STORED} rows across ${LEDGERS.length} ledgers (median of ${EDITS})`, median(times), fullSync, 'ms');
  line(`first one-row edit after start (${STORED} rows)`, times[0], fullSync, 'ms');
} finally {
  await rm(fullDir, { recursive: true, force: true });
  await rm(largeDir, { recursive: true, force: true });
}
