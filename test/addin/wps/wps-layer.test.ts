// The WPS layer in Node against the stand-in ET host (the same one the browser suites bundle) and
// the real service: what a clerk would notice beyond one pane's life, and ET's own conventions.

import assert from 'node:assert/strict';
import type { LedgerDefinition } from '../../../client/contract.ts';
import { MARK_FILL } from '../../../addin/sheet/marks.ts';
import { SyncMemory } from '../../../addin/sheet/sync-memory.ts';
import type { EtHostApi } from '../wps-host/et.ts';
import { ADMIN_TOKEN, startTestService, type TestService } from '../browser/harness.ts';
import { caseNo, casesLedger, daysFromToday, lastInputColumn, typedRows } from '../browser/ledger-rows.ts';

const SHEET = '执行案件流转台账';
const TABLE = 'Ledger_cases';

describe('WPS layer against the stand-in ET host', function () {
  this.timeout(60_000);
  let service: TestService;
  let ledger: LedgerDefinition;
  let host: EtHostApi;
  let wps: typeof import('../../../addin/wps/sync.ts');
  let sheets: typeof import('../../../addin/wps/sheets.ts');
  let application: typeof import('../../../addin/wps/application.ts');

  before(async () => {
    // The stand-in installs Application on the global object, as WPS does on its pages' window.
    Object.assign(globalThis, { window: globalThis });
    await import('../wps-host/et.ts');
    host = (globalThis as unknown as { __etHost: EtHostApi }).__etHost;
    [wps, sheets, application] = await Promise.all([
      import('../../../addin/wps/sync.ts'),
      import('../../../addin/wps/sheets.ts'),
      import('../../../addin/wps/application.ts'),
    ]);
    service = await startTestService();
    ledger = await casesLedger(service.url, ADMIN_TOKEN);
  });

  after(async () => {
    await service?.close();
    for (const name of ['window', 'Application', 'wps', '__etHost']) Reflect.deleteProperty(globalThis, name);
  });

  const sync = () =>
    wps.syncLedgerTable(
      { kind: 'all' },
      { connection: { baseUrl: service.url, token: ADMIN_TOKEN }, ledgers: [ledger], memory: new SyncMemory() },
    );
  const cell = (header: string, row: number) => host.tableCell(TABLE, header, row);

  it('in a reopened pane, finds its marks in the comments and clears a fixed cell; a clerk’s own comment stays', async () => {
    sheets.createLedgerSheet(ledger);
    const rows = typedRows(ledger, [
      { 案号: caseNo(1), 立案日期: daysFromToday(-3), 被执行人: '甲' },
      { 案号: 'ABC-17', 立案日期: daysFromToday(-3), 被执行人: '乙' },
    ]);
    host.typeCells(SHEET, `A2:${lastInputColumn(ledger)}3`, rows);
    application.et().ActiveSheet.Range(cell('被执行人', 2).address).AddComment('书记员的备注');
    const first = await sync();
    assert.equal(first.summary.errorRows, 1);
    assert.equal(cell('案号', 3).fill, MARK_FILL);
    assert.match(cell('案号', 3).comment ?? '', /^【台账助手】/);

    host.typeCells(SHEET, 'A3', [[caseNo(2)]]);
    const second = await sync();
    assert.equal(second.summary.errorRows, 0);
    assert.deepEqual([cell('案号', 3).fill, cell('案号', 3).comment], [null, null], 'a new pane (no memory) still clears the mark');
    assert.equal(cell('被执行人', 2).comment, '书记员的备注');
  });

  it('reads ET’s Value2 conventions: one cell a scalar, an empty cell nothing; colours as BGR numbers', () => {
    const sheet = application.et().ActiveSheet;
    host.typeCells(SHEET, 'A10', [['甲']]);
    assert.deepEqual(application.valuesOf(sheet.Range('A10')), [['甲']]);
    assert.deepEqual(application.valuesOf(sheet.Range('A10:B10')), [['甲', '']]);
    assert.equal(application.bgrOf('#FDE7E9'), 0xe9e7fd);
    sheet.Range('B10').Interior.Color = application.bgrOf('#FDE7E9');
    assert.equal(host.cell(SHEET, 'B10').fill, '#FDE7E9');
  });
});
