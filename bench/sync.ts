// Full sync of 10,000 case rows through HTTP, against its floor: JSON parse + stringify + a flushed
// atomic write of the same rows, in the status detail the add-in asks for. Prints one JSON line per
// figure, wall time and CPU time. New rows are synced twice: as the first request into a fresh
// service, and after three syncs.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv } from '../service/config.ts';
import { startService } from '../service/server.ts';
import { writeDurably } from '../service/store/durable-file.ts';
import { caseRows } from './case-rows.ts';
import { line, TOKEN } from './measure.ts';

const ROWS = 10_000;

/** Wall time, and the CPU time of this process (service and client together): on a shared machine the second varies less. */
async function timed<T>(work: () => Promise<T>): Promise<[T, number, number]> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return [result, performance.now() - start, (used.user + used.system) / 1000];
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-bench-'));
const service = await startService(
  configFromEnv({ HTTPS: '0', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN }),
  () => {},
);
try {
  const body = JSON.stringify({ rows: caseRows(ROWS) });
  const sync = (sent: string) =>
    fetch(`${service.url}/api/ledgers/cases/sync?asOf=2026-11-26&detail=status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: sent,
    }).then(async (response) => {
      const result = (await response.json()) as { rows: Array<{ rowId: string; rev: number; state: string }> };
      if (response.status !== 200 || result.rows.length !== ROWS) throw new Error(`sync failed: HTTP ${response.status}`);
      return result.rows;
    });
  const [answered, first, firstCpu] = await timed(() => sync(body));
  const [, again, againCpu] = await timed(() => sync(body));
  // As the pane's 同步本表 sends a table it synced before: rows answered ok and unchanged since are
  // named by 行ID and version, the others sent whole.
  const sent = (JSON.parse(body) as { rows: Array<{ values: unknown }> }).rows;
  const named = JSON.stringify({
    rows: answered.map((row, index) =>
      row.state === 'ok' ? { rowId: row.rowId, rev: row.rev } : { rowId: row.rowId, rev: row.rev, values: sent[index].values },
    ),
  });
  const [, byName, byNameCpu] = await timed(() => sync(named));
  // The first sync above is also the first request into a fresh process (its code not yet
  // optimised); a service that has run for a while takes new rows as here: 10,000 other case numbers.
  const [, warmNew, warmNewCpu] = await timed(() => sync(body.replaceAll('（2026）', '（2025）')));

  const [, floor, floorCpu] = await timed(async () => {
    const rows = JSON.parse(body) as unknown;
    await writeDurably(path.join(dataDir, 'floor.json'), JSON.stringify(rows));
  });
  line(`sync ${ROWS} new case rows`, first, floor, 'ms');
  line(`re-sync ${ROWS} unchanged case rows, named by 行ID and version (同步本表 of a table synced before)`, byName, floor, 'ms');
  line(`re-sync ${ROWS} unchanged case rows, sent whole (a table the pane has not synced yet)`, again, floor, 'ms');
  line(`sync ${ROWS} new case rows into a service that has taken three syncs (${ROWS} rows stored)`, warmNew, floor, 'ms');
  line(`sync ${ROWS} new case rows, CPU time`, firstCpu, floorCpu, 'ms');
  line(`re-sync ${ROWS} unchanged case rows named by 行ID and version, CPU time`, byNameCpu, floorCpu, 'ms');
  line(`re-sync ${ROWS} unchanged case rows sent whole, CPU time`, againCpu, floorCpu, 'ms');
  line(`sync ${ROWS} new case rows into a service that has taken three syncs, CPU time`, warmNewCpu, floorCpu, 'ms');
} finally {
  await service.close();
  await rm(dataDir, { recursive: true, force: true });
}
