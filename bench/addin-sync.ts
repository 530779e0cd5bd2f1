// 同步本表 of 10,000 case rows through the built task pane, the real service and the stand-in Excel
// host in headless Chromium, against its floor: the same number of new rows posted straight to the
// service in the detail the add-in asks for (status). Also the context.sync() calls for 10 and for
// 10,000 rows, and the same sync in the WPS 表格 pane (stand-in ET host), new rows and rows that all
// carry an error mark. One JSON line per figure.
//
// The service's first large sync in a process runs 1.3-2 times as long as later ones (its JIT is
// cold), and after one such sync the next still took 0.15-0.25 s more of the service's CPU than the
// one after, so before either measured sync two unmeasured syncs of 10,000 other rows are posted
// straight to the service: both sides then meet a warm service. Then each side is measured three
// times, alternately (pane, floor, pane, floor…), and each figure is the mean of its three, so that a
// spell of load on a shared machine, or the store growing, weighs on both alike (single runs of
// either side vary by a third on a shared machine).

import {
  ADMIN_TOKEN,
  browserUnavailable,
  buildAddin,
  clickAndWait,
  connect,
  openPane,
  startTestService,
} from '../test/addin/browser/harness.ts';
import { generatedRow, typeGeneratedRows } from '../test/addin/browser/generated-rows.ts';
import { casesLedger } from '../test/addin/browser/ledger-rows.ts';
import { openWpsPage } from '../test/addin/browser/wps-harness.ts';

const ROWS = 10_000;

const unavailable = browserUnavailable();
if (unavailable) {
  console.error(`加载项同步基准未运行：${unavailable}`);
  process.exit(1);
}

buildAddin();
const service = await startTestService();
const pane = await openPane(service.url);
try {
  await connect(pane, service.url, ADMIN_TOKEN);
  const ledger = await casesLedger(service.url, ADMIN_TOKEN);
  const sync = async (rows: number, firstSerial: number) => {
    await clickAndWait(pane, '#create-ledger');
    await typeGeneratedRows(pane, ledger, rows, firstSerial);
    await pane.host((host) => host.resetStats());
    const start = performance.now();
    await clickAndWait(pane, '#sync');
    const elapsed = performance.now() - start;
    return { elapsed, stats: await pane.host((host) => host.stats) };
  };
  const inputs = ledger.columns.filter((column) => !column.system);
  const postDirect = async (firstSerial: number) => {
    const rows = Array.from({ length: ROWS }, (_, index) => {
      const row = generatedRow(index, firstSerial + index);
      return { values: Object.fromEntries(inputs.map((column) => [column.id, row[column.header] ?? null])) };
    });
    const start = performance.now();
    const response = await fetch(`${service.url}/api/ledgers/cases/sync?detail=status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ rows }),
    });
    await response.json();
    return performance.now() - start;
  };

  await postDirect(500_001);
  await postDirect(800_001);
  const small = await sync(10, 1);
  const large = await sync(ROWS, 100_001);
  const floors = [await postDirect(200_001)];
  const panes = [large.elapsed];
  for (const serial of [600_001, 900_001]) {
    panes.push((await sync(ROWS, serial)).elapsed);
    floors.push(await postDirect(serial + 100_000));
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

  console.log(
    JSON.stringify({
      name: `add-in sync of ${ROWS} new case rows (stand-in Excel host)`,
      value: Math.round(mean(panes)),
      unit: 'ms',
      floor: Math.round(mean(floors)),
      ratio: Number((mean(panes) / mean(floors)).toFixed(2)),
      runs: panes.map((pane, index) => [Math.round(pane), Math.round(floors[index])]),
    }),
  );
  console.log(
    JSON.stringify({
      name: 'context.sync() calls per add-in sync',
      value: large.stats.syncs,
      unit: 'calls',
      rows10: small.stats.syncs,
      [`rows${ROWS}`]: large.stats.syncs,
    }),
  );
  console.log(
    JSON.stringify({
      name: `largest Excel request of a ${ROWS}-row sync`,
      value: Math.round(large.stats.maxRequestBytes / 1024),
      unit: 'KB',
      limit: 5 * 1024,
    }),
  );

  const wps = await openWpsPage(service.url);
  try {
    await connect(wps, service.url, ADMIN_TOKEN);
    const wpsSync = async (rows: number, firstSerial: number, bad: boolean) => {
      await clickAndWait(wps, '#create-ledger');
      await typeGeneratedRows(wps, ledger, rows, firstSerial, bad, '__etHost');
      const start = performance.now();
      await clickAndWait(wps, '#sync');
      return performance.now() - start;
    };
    const fresh = await wpsSync(ROWS, 300_001, false);
    const marked = await wpsSync(ROWS, 400_001, true);
    console.log(
      JSON.stringify({ name: `WPS pane sync of ${ROWS} new case rows (stand-in ET host)`, value: Math.round(fresh), unit: 'ms' }),
    );
    console.log(JSON.stringify({ name: `WPS pane sync of ${ROWS} rows, each marked as an error`, value: Math.round(marked), unit: 'ms' }));
  } finally {
    await wps.close();
  }
} finally {
  await pane.close();
  await service.close();
}
