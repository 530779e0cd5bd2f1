// The ribbon tab 「执行台账」 without the task pane: 同步本表 runs from the command page with the
// connection the pane saved, tells the clerk about problems in a small dialog and leaves the summary
// for the pane; 周通报 opens the pane at its report section.

import assert from 'node:assert/strict';
import type { LedgerDefinition } from '../../../client/contract.ts';
import { templateLayout, headerOf } from '../../../addin/sheet/layout.ts';
import { ADMIN_TOKEN, prepareBrowserSuite, openPane, startTestService, type TestService } from './harness.ts';
import { caseNo, casesLedger, daysFromToday, storedRows, typedRows } from './ledger-rows.ts';
import { columnLetters } from '../../../addin/sheet/addresses.ts';

describe('add-in in the browser: the ribbon commands', function () {
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

  it('同步本表 syncs the active sheet’s ledger table, opens a notice about errors and leaves the summary for the pane', async () => {
    const commands = await openPane(service.url, { page: 'commands.html' });
    try {
      const headers = templateLayout(ledger).slots.map(headerOf);
      const [good, bad] = typedRows(ledger, [
        { 案号: caseNo(601), 立案日期: daysFromToday(-2), 被执行人: '功能区甲' },
        { 案号: caseNo(602), 立案日期: daysFromToday(-2), 被执行人: '' },
      ]);
      const last = columnLetters(headers.length - 1);
      await commands.page.evaluate(
        ({ headers, rows, last, connection }) => {
          localStorage.setItem('ledger-assistant.connection', JSON.stringify(connection));
          const host = (
            window as unknown as {
              __excelHost: {
                activeSheet(): string;
                typeCells(s: string, a: string, v: unknown[][]): void;
                addTable(s: string, a: string, n: string): void;
              };
            }
          ).__excelHost;
          const sheet = host.activeSheet();
          host.typeCells(sheet, `A1:${last}1`, [headers]);
          host.typeCells(
            sheet,
            `A2:${last}3`,
            rows.map((row) => [...row, ...Array(headers.length - row.length).fill('')]),
          );
          host.addTable(sheet, `A1:${last}3`, 'Ledger_cases');
        },
        { headers, rows: [good, bad], last, connection: { baseUrl: service.url, token: ADMIN_TOKEN } },
      );
      await commands.page.evaluate(async () => {
        const host = (window as unknown as { __excelHost: { actions: Map<string, (event: unknown) => unknown> } }).__excelHost;
        const action = host.actions.get('syncActiveTable');
        if (!action) throw new Error('syncActiveTable is not associated');
        await new Promise<void>((resolve) => void action({ completed: resolve }));
      });
      const rows = await commands.hostWith((host, table) => host.tableRows(table), 'Ledger_cases');
      assert.deepEqual(
        rows.map((row) => typeof row['行ID'] === 'string' && row['预警'] !== ''),
        [true, true],
      );
      assert.equal((await storedRows(service.url, ADMIN_TOKEN)).length, 2);
      const [notice] = await commands.host((host) => host.dialogs);
      assert.match(decodeURIComponent(notice), /notice\.html\?text=已同步 2 行。\n1 行有错误/);
      const summary = JSON.parse((await commands.page.evaluate(() => localStorage.getItem('ledger-assistant.last-summary'))) ?? '{}');
      assert.deepEqual([summary.rows, summary.errorRows], [2, 1]);

      await commands.page.goto(notice);
      assert.match((await commands.page.textContent('#text')) ?? '', /1 行有错误/);
    } finally {
      await commands.close();
    }
  });

  it('周通报 opens the pane at its report section', async () => {
    const pane = await openPane(service.url, { page: 'taskpane.html?section=report', width: 320, height: 360 });
    try {
      await pane.page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
      const top = await pane.page.locator('#report').evaluate((section) => section.getBoundingClientRect().top);
      assert.ok(await pane.page.evaluate(() => window.scrollY > 0), 'the pane scrolled down to it');
      assert.ok(Math.abs(top) < 2, `the report section is at the top of the pane (top ${top})`);
    } finally {
      await pane.close();
    }
  });
});
