// Speed by construction: a sync makes the same number of context.sync() calls for 10 rows as for
// 10,000, and no request to Excel exceeds Excel on the web's 5 MB. Times go to npm run bench.

import assert from 'node:assert/strict';
import type { LedgerDefinition } from '../../../client/contract.ts';
import {
  ADMIN_TOKEN,
  prepareBrowserSuite,
  clickAndWait,
  connect,
  openPane,
  startTestService,
  type Pane,
  type TestService,
} from './harness.ts';
import { casesLedger, storedRows } from './ledger-rows.ts';
import { typeGeneratedRows, type SyncMeasure } from './generated-rows.ts';

const EXCEL_LIMIT = 5 * 1024 * 1024;

describe('add-in in the browser: sync() calls do not grow with the table', function () {
  this.timeout(300_000);
  let service: TestService;
  let pane: Pane;
  let ledger: LedgerDefinition;

  before(async function () {
    prepareBrowserSuite(this);
    service = await startTestService();
    ledger = await casesLedger(service.url, ADMIN_TOKEN);
    pane = await openPane(service.url);
    await connect(pane, service.url, ADMIN_TOKEN);
  });

  after(async () => {
    await pane?.close();
    await service?.close();
  });

  async function measure(rows: number, firstSerial: number, badCaseNumbers = false): Promise<SyncMeasure> {
    await clickAndWait(pane, '#create-ledger');
    await typeGeneratedRows(pane, ledger, rows, firstSerial, badCaseNumbers);
    await pane.host((host) => host.resetStats());
    const message = await clickAndWait(pane, '#sync');
    assert.match(message, new RegExp(`同步完成：${rows} 行`));
    return pane.host((host) => host.stats);
  }

  it('makes the same number of sync() calls for 10 rows and for 10,000 rows, each request under 5 MB', async () => {
    const small = await measure(10, 1);
    const large = await measure(10_000, 1001);
    console.log(
      `    sync() calls: 10 rows → ${small.syncs}, 10,000 rows → ${large.syncs}; ` +
        `largest request ${Math.round(large.maxRequestBytes / 1024)} KB, largest response ${Math.round(large.maxResponseBytes / 1024)} KB`,
    );
    assert.equal(large.syncs, small.syncs);
    assert.equal(small.syncs, 5);
    assert.equal(large.runs, 1, 'one Excel.run for the whole sync');
    assert.ok(large.maxRequestBytes < EXCEL_LIMIT && large.maxResponseBytes < EXCEL_LIMIT);
    assert.equal((await storedRows(service.url, ADMIN_TOKEN)).length, 10_010);
    for (const header of ['行ID', '承办团队', '预警']) {
      const last = await pane.hostWith((host, column) => host.tableCell('Ledger_cases_2', column, 10_001), header);
      assert.notEqual(last.value, '', `the last of 10,000 rows has its ${header}`);
    }
  });

  it('marks 10,000 rows that all have an error, in batches that each stay under 5 MB', async () => {
    const stats = await measure(10_000, 50_001, true);
    console.log(`    every row an error: ${stats.syncs} sync() calls, largest request ${Math.round(stats.maxRequestBytes / 1024)} KB`);
    assert.ok(stats.maxRequestBytes < EXCEL_LIMIT);
    assert.equal(Number(await pane.page.textContent('#count-errors')), 10_000);
    for (const row of [2, 5_001, 10_001]) {
      const cell = await pane.hostWith((host, at) => host.tableCell('Ledger_cases_3', '案号', at), row);
      assert.equal(cell.fill, '#FDE7E9', `row ${row} is marked`);
      assert.match(cell.note ?? '', /^【台账助手】案号「旧编号-/);
    }
  });
});
