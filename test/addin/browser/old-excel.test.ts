// Older Excel: every feature above ExcelApi 1.1 is used only where supported, the pane says what is
// missing, and the core (new ledger, sync, statuses, error fills) works on ExcelApi 1.1. Where
// notes are missing but comments exist (1.10–1.17), comments carry the messages.

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
import { caseNo, casesLedger, daysFromToday, lastInputColumn, typedRows } from './ledger-rows.ts';

const SHEET = '执行案件流转台账';
const TABLE = 'Ledger_cases';

describe('add-in in the browser: older Excel versions', function () {
  this.timeout(120_000);
  let service: TestService;
  let ledger: LedgerDefinition;

  before(async function () {
    prepareBrowserSuite(this);
    service = await startTestService();
    ledger = await casesLedger(service.url, ADMIN_TOKEN);
  });

  after(async () => {
    await service?.close();
  });

  async function typeTwoRows(pane: Pane, firstSerial: number): Promise<void> {
    const values = typedRows(ledger, [
      { 案号: caseNo(firstSerial), 立案日期: daysFromToday(-30), 被执行人: '旧版甲' },
      { 案号: 'XYZ', 立案日期: daysFromToday(-30), 被执行人: '旧版乙' },
    ]);
    await pane.hostWith(
      (host, [address, cells]) => host.typeCells('执行案件流转台账', address as string, cells as unknown[][]),
      [`A2:${lastInputColumn(ledger)}3`, values],
    );
  }

  const fixCaseNo = (pane: Pane, serialNumber: number) =>
    pane.hostWith((host, value) => host.typeCells('执行案件流转台账', 'A3', [[value]]), caseNo(serialNumber));
  const cellOf = (pane: Pane, header: string, sheetRow: number) =>
    pane.hostWith(
      (host, [table, column, row]) => host.tableCell(table as string, column as string, row as number),
      [TABLE, header, sheetRow],
    );

  it('on ExcelApi 1.1 says what it cannot do, and still creates, syncs, marks and unmarks errors', async () => {
    const pane = await openPane(service.url, { apiVersion: '1.1' });
    try {
      await connect(pane, service.url, ADMIN_TOKEN);
      assert.equal(await pane.page.isVisible('#compat'), true);
      const missing = (await pane.page.textContent('#compat-list')) ?? '';
      for (const phrase of [
        '无法隐藏「行ID」「版本」',
        '「预警」列不能按超期、临期、正常自动着色',
        '无法冻结标题行',
        '无法在修改后自动同步',
        '下拉列表',
        '不能附加批注',
      ])
        assert.ok(missing.includes(phrase), `says: ${phrase}`);
      assert.equal(await pane.page.isDisabled('#auto-sync'), true);

      await clickAndWait(pane, '#create-ledger');
      const info = await pane.hostWith((host, sheet) => host.sheetInfo(sheet), SHEET);
      assert.deepEqual([info.frozenRows, info.hiddenColumns, info.validations, info.conditionalFormats], [0, [], [], []]);

      await typeTwoRows(pane, 401);
      await pane.host((host) => host.resetStats());
      assert.match(await clickAndWait(pane, '#sync'), /同步完成：2 行，1 行有错误/);
      assert.equal((await pane.host((host) => host.stats)).syncs, 5);
      const alert = await cellOf(pane, '预警', 2);
      assert.equal(alert.value, '超期');
      assert.equal(alert.displayedFill, '#F3F2F1', 'no conditional format colour');
      const bad = await cellOf(pane, '案号', 3);
      assert.deepEqual([bad.fill, bad.note, bad.comment], ['#FDE7E9', null, null]);

      await fixCaseNo(pane, 402);
      await clickAndWait(pane, '#sync');
      assert.equal((await cellOf(pane, '案号', 3)).fill, null, 'the pane remembers its marks while open');
    } finally {
      await pane.close();
    }
  });

  it('on ExcelApi 1.10 puts the message in a comment, and removes it when fixed', async () => {
    const pane = await openPane(service.url, { apiVersion: '1.10' });
    try {
      await connect(pane, service.url, ADMIN_TOKEN);
      const missing = (await pane.page.textContent('#compat-list')) ?? '';
      assert.ok(!missing.includes('批注'), 'comments stand in for notes');
      await clickAndWait(pane, '#create-ledger');
      await typeTwoRows(pane, 501);
      await pane.host((host) => host.resetStats());
      await clickAndWait(pane, '#sync');
      assert.equal((await pane.host((host) => host.stats)).syncs, 6, 'one more sync records the new comments’ ids');
      const bad = await cellOf(pane, '案号', 3);
      assert.equal(bad.fill, '#FDE7E9');
      assert.equal(bad.note, null);
      assert.match(bad.comment ?? '', /^【台账助手】案号「XYZ」/);

      await fixCaseNo(pane, 502);
      await clickAndWait(pane, '#sync');
      const fixed = await cellOf(pane, '案号', 3);
      assert.deepEqual([fixed.fill, fixed.comment], [null, null]);
    } finally {
      await pane.close();
    }
  });
});
