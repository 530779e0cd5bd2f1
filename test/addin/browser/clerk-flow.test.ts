// The clerk's flow in the built task pane, served by the real service, against the stand-in Excel
// host: create a ledger sheet, type rows, sync, see statuses and colours, click a problem, sort and
// sync again, fix an error, edit with automatic sync on, take over an existing sheet.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
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
import { caseNo, casesLedger, daysFromToday, lastInputColumn, serial, storedRows, typedRows } from './ledger-rows.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '..', '..', '..', 'test-artifacts');
const SHEET = '执行案件流转台账';
const TABLE = 'Ledger_cases';
const ERROR_FILL = '#FDE7E9';
const ALERT_FILLS: Record<string, string> = { 超期: '#FDE7E9', 临期: '#FFF4CE', 正常: '#DFF6DD' };

describe('add-in in the browser: a clerk keeps a ledger sheet', function () {
  this.timeout(120_000);
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

  const rows = () => pane.hostWith((host, table) => host.tableRows(table), TABLE);
  const cellOf = (header: string, sheetRow: number) =>
    pane.hostWith(
      (host, [table, column, row]) => host.tableCell(table as string, column as string, row as number),
      [TABLE, header, sheetRow],
    );

  it('creates a ledger sheet: table, header, dropdowns, date formats, frozen header, system columns apart, identity hidden', async () => {
    const message = await clickAndWait(pane, '#create-ledger');
    assert.match(message, /已新建工作表「执行案件流转台账」/);
    const [table] = await pane.host((host) => host.tables());
    assert.equal(table.name, TABLE);
    assert.equal(table.sheet, SHEET);
    const headers = Object.keys((await rows())[0]).filter((key) => key !== '__row');
    const inputs = ledger.columns.filter((column) => !column.system).map((column) => column.header);
    const system = ledger.columns.filter((column) => column.system).map((column) => column.header);
    assert.deepEqual(headers, [...inputs, '行ID', '版本', ...system]);

    const info = await pane.hostWith((host, sheet) => host.sheetInfo(sheet), SHEET);
    assert.equal(info.frozenRows, 1);
    assert.deepEqual(info.hiddenColumns, [inputs.length, inputs.length + 1], '行ID and 版本 are hidden');
    const dropdowns = ledger.columns.filter((column) => !column.system && column.options && column.type !== 'tags');
    assert.equal(info.validations.length, dropdowns.length);
    assert.ok(info.validations.some((validation) => JSON.stringify(validation.rule).includes(dropdowns[0].options!.join(','))));
    assert.equal((await cellOf('立案日期', 2)).numberFormat, 'yyyy-mm-dd');
    assert.equal((await cellOf('案号', 2)).numberFormat, '@', 'case numbers stay text');
    const systemHeader = await pane.hostWith((host, sheet) => host.cell(sheet, 'AG1'), SHEET);
    assert.equal(systemHeader.value, system[0]);
    assert.equal(systemHeader.fill, '#605E5C');
    assert.equal((await cellOf(system[0], 2)).fill, '#F3F2F1');
    assert.equal((await cellOf('案号', 2)).fill, null, 'clerk columns keep the table style');
  });

  const typed = (): Array<Record<string, string | number>> => [
    { 案号: caseNo(101), 立案日期: daysFromToday(-40), 被执行人: '张三', '执行标的额（元）': 120000 },
    { 案号: caseNo(102), 立案日期: daysFromToday(0), 被执行人: '李四', '执行标的额（元）': 30000 },
    { 案号: caseNo(103), 立案日期: daysFromToday(-1), 被执行人: '王五', 初次接待日期: daysFromToday(-1), '执行标的额（元）': 80000 },
    { 案号: 'ABC-17', 立案日期: daysFromToday(-5), 被执行人: '赵六' },
    { 案号: caseNo(105), 立案日期: daysFromToday(-2), 被执行人: '' },
  ];

  it('syncs typed rows: statuses, 预警 colours, identity, error cells filled and annotated; clerk cells untouched', async () => {
    const values = typedRows(ledger, typed());
    await pane.hostWith(
      (host, [sheet, address, cells]) => host.typeCells(sheet as string, address as string, cells as unknown[][]),
      [SHEET, `A2:${lastInputColumn(ledger)}${values.length + 1}`, values],
    );
    const before = await rows();
    const message = await clickAndWait(pane, '#sync');
    assert.match(message, /同步完成：5 行/);

    const after = await rows();
    const stored = await storedRows(service.url, ADMIN_TOKEN);
    assert.equal(stored.length, 5);
    const inputs = ledger.columns.filter((column) => !column.system);
    for (const [index, row] of after.entries()) {
      for (const column of inputs) assert.equal(row[column.header], before[index][column.header], `clerk cell ${column.header} unchanged`);
      const match = stored.find((candidate) => candidate.rowId === row['行ID']);
      assert.ok(match, `row ${row.__row} carries the service's 行ID`);
      assert.equal(row['版本'], match.rev);
      assert.equal(row['预警'], match.status.alert ?? '');
      assert.equal(row['当前节点'], match.status.nextNode ?? '');
      assert.equal(row['节点期限'], match.status.nextDue ? serial(String(match.status.nextDue)) : '', 'dates are written as Excel dates');
      assert.equal(row['剩余天数'], match.status.daysLeft ?? '');
      assert.equal(row['承办团队'], match.status.team ?? '');
      const alert = await cellOf('预警', row.__row as number);
      assert.equal(alert.displayedFill, ALERT_FILLS[String(row['预警'])] ?? '#F3F2F1', `预警 ${row['预警']} coloured`);
    }
    assert.deepEqual(
      after.map((row) => row['预警']),
      ['超期', '临期', '正常', '超期', '超期'],
    );

    const badCaseNo = await cellOf('案号', 5);
    assert.equal(badCaseNo.fill, ERROR_FILL);
    assert.match(badCaseNo.note ?? '', /^【台账助手】案号「ABC-17」/);
    const missingRespondent = await cellOf('被执行人', 6);
    assert.equal(missingRespondent.fill, ERROR_FILL);
    assert.match(missingRespondent.note ?? '', /被执行人为必填项/);
    assert.equal((await cellOf('案号', 2)).note, null, 'a valid cell is not annotated');
  });

  it('summarises the sync and selects the cell of a problem row when clicked', async () => {
    const count = async (id: string) => Number(await pane.page.textContent(`#${id}`));
    assert.equal(await count('count-rows'), 5);
    assert.equal(await count('count-errors'), 2);
    assert.equal(await count('count-overdue'), 3);
    assert.equal(await count('count-due-soon'), 1);
    assert.equal(await count('count-conflicts'), 0);
    const first = pane.page.locator('#problem-list li[data-kind="error"] .problem').first();
    assert.match((await first.textContent()) ?? '', /错误.*ABC-17/);
    await first.click();
    await pane.page.waitForFunction(
      () => (window as unknown as { __excelHost: { selection(): unknown } }).__excelHost.selection() !== null,
    );
    assert.deepEqual(await pane.host((host) => host.selection()), { sheet: SHEET, address: 'A5' });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await pane.page.screenshot({ path: path.join(ARTIFACTS, 'addin-pane-after-sync.png'), fullPage: true });
  });

  it('keeps each row its identity and statuses after the clerk sorts the table and syncs again', async () => {
    const byCase = new Map((await rows()).map((row) => [row['案号'], row]));
    await pane.hostWith((host, table) => host.sortTable(table, '被执行人', false), TABLE);
    const sorted = await rows();
    assert.notDeepEqual(
      sorted.map((row) => row['案号']),
      [...byCase.keys()],
      'the sort moved rows',
    );
    const message = await clickAndWait(pane, '#sync');
    assert.match(message, /同步完成：5 行/);
    assert.equal((await storedRows(service.url, ADMIN_TOKEN)).length, 5, 'no row was duplicated');
    for (const row of await rows()) {
      const before = byCase.get(row['案号'])!;
      for (const header of ['行ID', '版本', '预警', '承办团队', '节点期限', '当前节点'])
        assert.equal(row[header], before[header], `${row['案号']} keeps its ${header}`);
      const mark = await cellOf('案号', row.__row as number);
      assert.equal(mark.fill === ERROR_FILL, row['案号'] === 'ABC-17', 'the error mark moved with its row');
    }
  });

  it('clears the fill and the note once the clerk fixes the cell', async () => {
    const row = (await rows()).find((candidate) => candidate['案号'] === 'ABC-17')!;
    await pane.hostWith((host, [sheet, address]) => host.typeCells(sheet, address, [[`（2026）豫0102执104号`]]), [SHEET, `A${row.__row}`]);
    await clickAndWait(pane, '#sync');
    const fixed = await cellOf('案号', row.__row as number);
    assert.equal(fixed.fill, null);
    assert.equal(fixed.note, null);
    assert.equal(Number(await pane.page.textContent('#count-errors')), 1);
    assert.equal((await storedRows(service.url, ADMIN_TOKEN)).length, 5, 'the fixed row is the same stored row');
  });

  it('syncs only the changed row shortly after an edit when automatic sync is on', async () => {
    const posted: number[] = [];
    pane.page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/sync'))
        posted.push((JSON.parse(request.postData() ?? '{}').rows ?? []).length);
    });
    await pane.page.check('#auto-sync');
    await pane.page.locator('#message.ok').filter({ hasText: '已开启自动同步' }).waitFor();
    await pane.page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __messages: string[] }).__messages = []);
      new MutationObserver(() => seen.push(document.getElementById('message')!.textContent ?? '')).observe(
        document.getElementById('message')!,
        { childList: true, characterData: true, subtree: true },
      );
    });
    await pane.host((host) => {
      host.addSheet('便签');
      host.typeCells('便签', 'A1:B2', [
        ['事项', '备注'],
        ['开会', ''],
      ]);
      host.addTable('便签', 'A1:B2', 'Notes');
      host.typeCells('便签', 'B2', [['周三']]);
    });
    const row = (await rows()).find((candidate) => candidate['被执行人'] === '李四')!;
    const revision = row['版本'] as number;
    await pane.hostWith((host, [sheet, address]) => host.typeCells(sheet, address, [['周书记员']]), [SHEET, `V${row.__row}`]);
    await pane.page.locator('#message').filter({ hasText: '自动同步：已提交 1 行修改' }).waitFor({ timeout: 15_000 });
    assert.deepEqual(posted, [1], 'one request with the one changed row; the edit in a table that is not a ledger sent nothing');
    const messages = await pane.page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
    assert.ok(!messages.some((message) => message.includes('失败')), `no error was shown: ${messages.join(' | ')}`);
    const after = (await rows()).find((candidate) => candidate['行ID'] === row['行ID'])!;
    assert.equal(after['承办人'], '周书记员');
    assert.equal(after['版本'], revision + 1);
    await pane.page.uncheck('#auto-sync');
  });

  it('writes each row its own statuses when the clerk sorts while the service is answering', async () => {
    await pane.host((host) => host.activate('执行案件流转台账'));
    const before = new Map((await rows()).map((row) => [row['案号'], row]));
    await pane.context.route('**/api/ledgers/cases/sync?*', async (route) => {
      await pane.hostWith((host, table) => host.sortTable(table, '案号', true), TABLE);
      await route.continue();
    });
    try {
      await pane.host((host) => host.resetStats());
      assert.match(await clickAndWait(pane, '#sync'), /同步完成：5 行/);
    } finally {
      await pane.context.unroute('**/api/ledgers/cases/sync?*');
    }
    const after = await rows();
    assert.deepEqual(
      after.map((row) => row['案号']),
      [...after.map((row) => row['案号'])].sort((a, b) => String(a).localeCompare(String(b), 'zh-CN', { numeric: true })),
      'the sort happened',
    );
    for (const row of after) {
      for (const header of ['行ID', '预警', '节点期限'])
        assert.equal(row[header], before.get(row['案号'])![header], `${row['案号']} got its own ${header}`);
    }
    assert.equal((await pane.host((host) => host.stats)).syncs, 7, 'two more syncs to find the rows again');
    assert.equal((await storedRows(service.url, ADMIN_TOKEN)).length, 5);
  });

  it('takes over an existing sheet with a title row and aliases, reports what did not map, then syncs it', async () => {
    const sheet = '旧台账';
    await pane.hostWith((host, name) => {
      host.addSheet(name);
      host.activate(name);
      host.typeCells(name, 'A1', [['2026年执行案件登记表']]);
      host.typeCells(name, 'A3:E3', [['执行案号', '立案时间', '被执行人', '标的额', '备注']]);
      host.typeCells(name, 'A4:E5', [
        ['（2026）豫0102执201号', '2026-02-03', '钱七', 20000, '老案'],
        ['（2026）豫0102执202号', '2026-02-04', '孙八', 900000, ''],
      ]);
    }, sheet);
    const message = await clickAndWait(pane, '#take-over');
    assert.match(message, /已接管/);
    const report = (await pane.page.textContent('#takeover-body')) ?? '';
    assert.match(report, /第 3 行作为标题行/);
    assert.match(report, /没有认出的列.*备注/s);
    assert.match(report, /执行案号 → 案号/);
    assert.match(report, /已在表格右侧添加：.*行ID.*版本.*承办团队/s);
    const table = (await pane.host((host) => host.tables())).find((candidate) => candidate.sheet === sheet)!;
    assert.equal(table.address.split(':')[0], 'A3', 'the title row stays above the table');

    await clickAndWait(pane, '#sync');
    const synced = await pane.hostWith((host, name) => host.tableRows(name), table.name);
    assert.deepEqual(
      synced.map((row) => [row['执行案号'], row['备注'], row['标的额']]),
      [
        ['（2026）豫0102执201号', '老案', 20000],
        ['（2026）豫0102执202号', '', 900000],
      ],
    );
    assert.deepEqual(
      synced.map((row) => row['承办团队']),
      ['速执团队', '首执团队'],
    );
    assert.ok(synced.every((row) => typeof row['行ID'] === 'string' && (row['行ID'] as string).length === 36));
    assert.equal(await pane.hostWith((host, name) => host.readValues(name, 'A1')[0][0], sheet), '2026年执行案件登记表');
  });

  it('takes over an existing Excel table by adding the identity and system columns to it', async () => {
    const sheet = '登记表';
    await pane.hostWith((host, name) => {
      host.addSheet(name);
      host.activate(name);
      host.typeCells(name, 'B2:D4', [
        ['案号', '立案日期', '被执行人'],
        ['（2026）豫0102执301号', '2026-03-02', '周九'],
        ['（2026）豫0102执302号', '2026-03-03', '吴十'],
      ]);
      host.addTable(name, 'B2:D4', 'Table9');
    }, sheet);
    await clickAndWait(pane, '#take-over');
    const table = (await pane.host((host) => host.tables())).find((candidate) => candidate.sheet === sheet)!;
    assert.equal(table.name, 'Ledger_cases_3');
    assert.match(table.address, /^B2:/);
    const report = (await pane.page.textContent('#takeover-body')) ?? '';
    assert.match(report, /已在表格右侧添加：.*行ID.*版本/s);
    assert.doesNotMatch(report, /缺少必填列/, 'all three required columns are there');
    await clickAndWait(pane, '#sync');
    const synced = await pane.hostWith((host, name) => host.tableRows(name), table.name);
    assert.deepEqual(
      synced.map((row) => [row['案号'], row['被执行人'], row['预警'] !== '', typeof row['行ID']]),
      [
        ['（2026）豫0102执301号', '周九', true, 'string'],
        ['（2026）豫0102执302号', '吴十', true, 'string'],
      ],
    );
  });
});
