// A one-row edit and a start-up with 100,000 stored rows (one bureau) and with 1,000,000 (a large
// intermediate court over several years), 60 % cases and the rest spread over the other ledgers
// (issue 15 item 5). Printed: the one-row edit against a full 10,000-row sync measured in the same
// run, the 1,000,000-row edit against the 100,000-row one, and each start-up (the service
// listening, its daily backup and last week's report already made that day) against JSON.parse of
// the ledger files it reads. The stores are written as ledger snapshots before the service starts
// (building them through the API would only measure the set-up).

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv } from '../service/config.ts';
import { LEDGERS } from '../service/domain/ledgers/index.ts';
import { startService, type RunningService } from '../service/server.ts';
import { resetJournal } from '../service/store/ledger-file.ts';
import type { StoredRow } from '../service/store/store.ts';
import { sampleRow } from '../test/helpers/sample-rows.ts';
import { caseRows } from './case-rows.ts';
import { line, median, TOKEN } from './measure.ts';

const SIZES = [100_000, 1_000_000];
const CASE_SHARE = 0.6;
const FULL_SYNC = 10_000;
const EDITS = 30;

async function start(dataDir: string): Promise<RunningService> {
  return startService(configFromEnv({ HTTPS: '0', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN }), () => {});
}

async function sync(service: RunningService, rows: unknown[]): Promise<Array<{ rowId: string; rev: number }>> {
  const response = await fetch(`${service.url}/api/ledgers/cases/sync?asOf=2026-11-26&detail=status`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ rows }),
  });
  if (response.status !== 200) throw new Error(`sync failed: HTTP ${response.status}`);
  return ((await response.json()) as { rows: Array<{ rowId: string; rev: number }> }).rows;
}

/**
 * A data directory holding `total` rows, as a service that ran there leaves it: users, today's
 * backup and last week's report made by a first start on it empty, then the ledgers' snapshots
 * (each with its journal). Answers the case rows the edits change, every 7919th one.
 */
async function storeOf(total: number): Promise<{ dir: string; targets: StoredRow[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `ledger-bench-${total}-`));
  await (await start(dir)).close();
  const now = new Date().toISOString();
  const storedRow = (values: StoredRow['values']): StoredRow => ({
    rowId: randomUUID(),
    rev: 1,
    values,
    createdAt: now,
    updatedAt: now,
    updatedBy: 'bench',
  });
  const write = async (id: string, rows: StoredRow[]) => {
    const snapshot = path.join(dir, 'ledgers', `${id}.json`);
    await writeFile(snapshot, JSON.stringify({ format: 2, revision: 1, rows }));
    await resetJournal(snapshot);
  };
  await mkdir(path.join(dir, 'ledgers'), { recursive: true });
  const cases = caseRows(Math.round(total * CASE_SHARE)).map((row) => storedRow(row.values));
  await write('cases', cases);
  const others = LEDGERS.filter((ledger) => ledger.id !== 'cases');
  const each = Math.floor((total - cases.length) / others.length);
  for (const ledger of others)
    await write(
      ledger.id,
      Array.from({ length: each }, (_, index) => storedRow(sampleRow(ledger, index + 1))),
    );
  // The files just written go to the disk now: the edits' flushes should not wait for them.
  execFileSync('sync');
  const targets = Array.from({ length: EDITS }, (_, edit) => cases[(edit * 7919) % cases.length]);
  return { dir, targets };
}

/** JSON.parse of every ledger file the service reads at start, one after another. */
async function parseFloor(dir: string): Promise<number> {
  let elapsed = 0;
  for (const name of await readdir(path.join(dir, 'ledgers'))) {
    const text = await readFile(path.join(dir, 'ledgers', name), 'utf8');
    const begin = performance.now();
    for (const part of name.endsWith('.jsonl') ? text.split('\n').filter(Boolean) : [text]) JSON.parse(part);
    elapsed += performance.now() - begin;
  }
  return elapsed;
}

interface Scale {
  startUp: number;
  parse: number;
  edits: number[];
}

async function measure(total: number): Promise<Scale> {
  const { dir, targets } = await storeOf(total);
  try {
    const parse = await parseFloor(dir);
    const begin = performance.now();
    const service = await start(dir);
    const startUp = performance.now() - begin;
    const edits: number[] = [];
    try {
      for (const [edit, target] of targets.entries()) {
        const editBegin = performance.now();
        const [result] = await sync(service, [
          { rowId: target.rowId, rev: target.rev, values: { ...target.values, handler: `改${edit}` } },
        ]);
        edits.push(performance.now() - editBegin);
        target.rev = result.rev;
      }
    } finally {
      await service.close();
    }
    return { startUp, parse, edits };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const fullDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-bench-full-'));
try {
  const full = await start(fullDir);
  const started = performance.now();
  await sync(full, caseRows(FULL_SYNC));
  const fullSync = performance.now() - started;
  await full.close();

  const [bureau, court] = [await measure(SIZES[0]), await measure(SIZES[1])];
  for (const [total, scale] of [
    [SIZES[0], bureau],
    [SIZES[1], court],
  ] as const) {
    line(
      `one-row edit in a store of ${total} rows across ${LEDGERS.length} ledgers (median of ${EDITS})`,
      median(scale.edits),
      fullSync,
      'ms',
    );
    line(`first one-row edit after start (${total} rows)`, scale.edits[0], fullSync, 'ms');
    line(`start-up with ${total} stored rows (floor: JSON.parse of their files)`, scale.startUp, scale.parse, 'ms');
  }
  line(`one-row edit: ${SIZES[1]}-row store (floor: the ${SIZES[0]}-row store)`, median(court.edits), median(bureau.edits), 'ms');
} finally {
  await rm(fullDir, { recursive: true, force: true });
}
