// Full sync of 10,000 case rows through HTTP, against its floor: JSON parse + stringify + a flushed
// atomic write of the same rows. Prints one JSON line per figure.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv } from '../service/config.ts';
import { startService } from '../service/server.ts';
import { writeDurably } from '../service/store/durable-file.ts';
import { caseRows } from './case-rows.ts';
import { line, TOKEN } from './measure.ts';

const ROWS = 10_000;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-bench-'));
const service = await startService(
  configFromEnv({ HTTPS: '0', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN }),
  () => {},
);
try {
  const body = JSON.stringify({ rows: caseRows(ROWS) });
  const sync = () =>
    fetch(`${service.url}/api/ledgers/cases/sync?asOf=2026-11-26&detail=status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body,
    }).then(async (response) => {
      const result = (await response.json()) as { rows: unknown[] };
      if (response.status !== 200 || result.rows.length !== ROWS) throw new Error(`sync failed: HTTP ${response.status}`);
    });
  const [, first] = await timed(sync);
  const [, again] = await timed(sync);

  const [, floor] = await timed(async () => {
    const rows = JSON.parse(body) as unknown;
    await writeDurably(path.join(dataDir, 'floor.json'), JSON.stringify(rows));
  });
  line(`sync ${ROWS} new case rows`, first, floor, 'ms');
  line(`re-sync ${ROWS} unchanged case rows`, again, floor, 'ms');
} finally {
  await service.close();
  await rm(dataDir, { recursive: true, force: true });
}
