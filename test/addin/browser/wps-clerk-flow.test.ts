// The WPS 表格 pane (/wps/addin/taskpane.html), built and served by the real service, against the
// stand-in ET host: a clerk connects, creates a ledger sheet, types and syncs, sees statuses,
// colours and marks, clicks a problem, fixes it, edits with automatic sync on, resolves a conflict,
// pulls a team's 分案清单, writes the 周通报 sheet and takes over an existing sheet.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { syncRows } from '../../../client/api.ts';
import type { LedgerDefinition } from '../../../client/contract.ts';
import { ADMIN_TOKEN, connect, clickAndWait, prepareBrowserSuite, startTestService, type TestService } from './harness.ts';
import { caseNo, casesLedger, daysFromToday, lastInputColumn, serial, storedRows, typedRows } from './ledger-rows.ts';
import { openWpsPage, type WpsPane } from './wps-harness.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '..', '..', '..', 'test-artifacts');
const SHEET = '执行案件流转台账';
const TABLE = 'Ledger_cases';
const ERROR_FILL = '#FDE7E9';
const ALERT_FILLS: Record<string, string> = { 超期: '#FDE7E9', 临期: '#FFF4CE', 正常: '#DFF6DD' };

describe('WPS 表格 pane in the browser: a clerk keeps a ledger sheet', function () {
  this.timeout(120_000);
  let service: TestService;
  let pane: WpsPane;
  let ledger: LedgerDefinition;

  before(async function () {
    prepareBrowserSuite(this);
    service = await startTestService();
    ledger = await casesLedger(service.url, ADMIN_TOKEN);
    pane = await openWpsPage(service.url);
    // The WPS pane has the same screens: the same helpers fill them in.
    await connect(pane, service.url, ADMIN_TOKEN);
  });

  after(async () => {
    await pane?.close();
    await service?.close();
  });

  const click = (selector: string) => clickAndWait(pane, selector);
  const rows = (table = TABLE) => pane.hostWith((host, name) => host.tableRows(name), table);
  const cellOf = (header: string, sheetRow: number) =>
    pane.hostWith(
      (host, [table, column, row]) => host.tableCell(table as string, column as string, row as number),
      [TABLE, header, sheetRow],
    );

  it('says what WPS 表格 cannot do, and nothing of Excel versions', async () => {
    const compat = (await pane.page.textContent('#compat')) ?? '';
    assert.match(compat, /当前 WPS 表格 不能使用以下功能/);
    assert.match(compat, /图表/);
    assert.doesNotMatch(compat, /Excel/);
    assert.equal(await pane.page.isDisabled('#auto-sync'), false, 'ET tells of changes: automatic sync is offered');
  });

  it('creates a ledger sheet: table, header, dropdowns, date formats, frozen header, system columns apart, identity hidden', async () => {
    assert.match(await click('#create-ledger'), /已新建工作表「执行案件流转台账」/);
    const [table] = await pane.host((host) => host.tables());
    assert.deepEqual([table.name, table.sheet], [TABLE, SHEET]);
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
    assert.equal((await cellOf(system[0], 1)).fill, '#605E5C');
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

  it('syncs typed rows: statuses, 预警 colours, identity, error cells filled with a comment; clerk cells untouched', async () => {
    const values = typedRows(ledger, typed());
    await pane.hostWith(
      (host, [sheet, address, cells]) => host.typeCells(sheet as string, address as string, cells as unknown[][]),
      [SHEET, `A2:${lastInputColumn(ledger)}${values.length + 1}`, values],
    );
    const before = await rows();
    assert.match(await click('#sync'), /同步完成：5 行/);
    const after = await rows();
    const stored = await storedRows(service.url, ADMIN_TOKEN);
    assert.equal(stored.length, 5);
    for (const [index, row] of after.entries()) {
      for (const column of ledger.columns.filter((candidate) => !candidate.system))
        assert.equal(row[column.header], before[index][column.header], `clerk cell ${column.header} unchanged`);
      const match = stored.find((candidate) => candidate.rowId === row['行ID']);
      assert.ok(match, `row ${row.__row} carries the service's 行ID`);
      assert.equal(row['版本'], match.rev);
      assert.equal(row['预警'], match.status.alert ?? '');
      assert.equal(row['节点期限'], match.status.nextDue ? serial(String(match.status.nextDue)) : '', 'dates are written as serial dates');
      const alert = await cellOf('预警', row.__row as number);
      assert.equal(alert.displayedFill, ALERT_FILLS[String(row['预警'])] ?? '#F3F2F1', `预警 ${row['预警']} coloured`);
    }
    const badCaseNo = await cellOf('案号', 5);
    assert.equal(badCaseNo.fill, ERROR_FILL);
    assert.match(badCaseNo.comment ?? '', /^【台账助手】案号「ABC-17」/);
    assert.match((await cellOf('被执行人', 6)).comment ?? '', /被执行人为必填项/);
    assert.equal((await cellOf('案号', 2)).comment, null, 'a valid cell has no comment');
  });

  it('summarises the sync and selects the cell of a problem when clicked', async () => {
    const count = async (id: string) => Number(await pane.page.textContent(`#${id}`));
    assert.deepEqual(
      [await count('count-rows'), await count('count-errors'), await count('count-overdue'), await count('count-due-soon')],
      [5, 2, 3, 1],
    );
    const first = pane.page.locator('#problem-list li[data-kind="error"] .problem').first();
    assert.match((await first.textContent()) ?? '', /错误.*ABC-17/);
    await first.click();
    await pane.page.waitForFunction(() => (window as unknown as { __etHost: { selection(): unknown } }).__etHost.selection() !== null);
    assert.deepEqual(await pane.host((host) => host.selection()), { sheet: SHEET, address: 'A5' });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await pane.page.screenshot({ path: path.join(ARTIFACTS, 'wps-pane-after-sync.png'), fullPage: true });
  });

  it('keeps identities after a sort and clears the fill and the comment once the clerk fixes the cell', async () => {
    await pane.hostWith((host, table) => host.sortTable(table, '被执行人', false), TABLE);
    assert.match(await click('#sync'), /同步完成：5 行/);
    assert.equal((await storedRows(service.url, ADMIN_TOKEN)).length, 5, 'no row was duplicated');
    const row = (await rows()).find((candidate) => candidate['案号'] === 'ABC-17')!;
    assert.equal((await cellOf('案号', row.__row as number)).fill, ERROR_FILL, 'the mark moved with its row');
    await pane.hostWith((host, [sheet, address]) => host.typeCells(sheet, address, [['（2026）豫0102执104号']]), [SHEET, `A${row.__row}`]);
    await click('#sync');
    const fixed = await cellOf('案号', row.__row as number);
    assert.deepEqual([fixed.fill, fixed.comment], [null, null]);
    assert.equal(Number(await pane.page.textContent('#count-errors')), 1);
  });

  it('syncs only the changed row shortly after an edit when automatic sync is on', async () => {
    const posted: number[] = [];
    pane.page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/sync'))
        posted.push((JSON.parse(request.postData() ?? '{}').rows ?? []).length);
    });
    await pane.page.check('#auto-sync');
    await pane.page.locator('#message.ok').filter({ hasText: '已开启自动同步' }).waitFor();
    assert.equal(await pane.host((host) => host.listeners()), 1, 'the pane listens to SheetChange');
    const row = (await rows()).find((candidate) => candidate['被执行人'] === '李四')!;
    await pane.hostWith((host, [sheet, address]) => host.typeCells(sheet, address, [['周书记员']]), [SHEET, `V${row.__row}`]);
    await pane.page.locator('#message').filter({ hasText: '自动同步：已提交 1 行修改' }).waitFor({ timeout: 15_000 });
    assert.deepEqual(posted, [1]);
    const after = (await rows()).find((candidate) => candidate['行ID'] === row['行ID'])!;
    assert.deepEqual([after['承办人'], after['版本']], ['周书记员', (row['版本'] as number) + 1]);
    await pane.page.uncheck('#auto-sync');
    assert.equal(await pane.host((host) => host.listeners()), 0);
  });

  it('shows a conflict with another clerk’s change; 采用对方的 puts the stored version into the row', async () => {
    const row = (await rows()).find((candidate) => candidate['被执行人'] === '张三')!;
    const stored = (await storedRows(service.url, ADMIN_TOKEN)).find((candidate) => candidate.rowId === row['行ID'])!;
    const other = { baseUrl: service.url, token: ADMIN_TOKEN };
    await syncRows(other, 'cases', [{ rowId: stored.rowId, rev: stored.rev, values: { ...stored.values, handler: '对方承办人' } }]);
    await pane.hostWith((host, [sheet, address]) => host.typeCells(sheet, address, [['我的承办人']]), [SHEET, `V${row.__row}`]);
    assert.match(await click('#sync'), /1 行冲突待处理/);
    const conflict = pane.page.locator('#problem-list li[data-kind="conflict"]');
    assert.match((await conflict.textContent()) ?? '', /承办人：我的「我的承办人」，对方「对方承办人」/);
    await conflict.locator('.take-theirs').click();
    await pane.page.locator('#message.ok').filter({ hasText: '已采用对方的内容' }).waitFor();
    const after = (await rows()).find((candidate) => candidate['行ID'] === row['行ID'])!;
    assert.equal(after['承办人'], '对方承办人');
    assert.equal(after['版本'], stored.rev + 1);
  });

  it('保留我的 stores the clerk’s value over the other clerk’s', async () => {
    const row = (await rows()).find((candidate) => candidate['被执行人'] === '王五')!;
    const stored = (await storedRows(service.url, ADMIN_TOKEN)).find((candidate) => candidate.rowId === row['行ID'])!;
    await syncRows({ baseUrl: service.url, token: ADMIN_TOKEN }, 'cases', [
      { rowId: stored.rowId, rev: stored.rev, values: { ...stored.values, handler: '对方承办人' } },
    ]);
    await pane.hostWith((host, [sheet, address]) => host.typeCells(sheet, address, [['我的承办人']]), [SHEET, `V${row.__row}`]);
    assert.match(await click('#sync'), /1 行冲突待处理/);
    await pane.page.locator('#problem-list li[data-kind="conflict"] .keep-mine').click();
    await pane.page.locator('#message.ok').filter({ hasText: '已保留我的内容' }).waitFor();
    const now = (await storedRows(service.url, ADMIN_TOKEN)).find((candidate) => candidate.rowId === row['行ID'])!;
    assert.equal(now.values?.handler, '我的承办人');
    assert.equal((await rows()).find((candidate) => candidate['行ID'] === row['行ID'])!['版本'], now.rev);
  });

  it('writes each row its own statuses when the clerk sorts while the service is answering', async () => {
    const before = new Map((await rows()).map((row) => [row['案号'], row]));
    await pane.context.route('**/api/ledgers/cases/sync?*', async (route) => {
      await pane.hostWith((host, table) => host.sortTable(table, '案号', true), TABLE);
      await route.continue();
    });
    try {
      assert.match(await click('#sync'), /同步完成：5 行/);
    } finally {
      await pane.context.unroute('**/api/ledgers/cases/sync?*');
    }
    const after = await rows();
    assert.notDeepEqual(
      after.map((row) => row['案号']),
      [...before.keys()],
      'the sort happened',
    );
    for (const row of after)
      for (const header of ['行ID', '预警', '节点期限'])
        assert.equal(row[header], before.get(row['案号'])![header], `${row['案号']} got its own ${header}`);
  });

  it('pulls a team’s 分案清单 into a new sheet', async () => {
    const triaged = typedRows(ledger, [
      {
        案号: caseNo(301),
        立案日期: daysFromToday(-3),
        被执行人: '甲',
        流转日期: daysFromToday(-2),
        分流日期: daysFromToday(-2),
        '执行标的额（元）': 200000,
      },
    ]);
    const next = (await rows()).length + 2;
    await pane.hostWith(
      (host, [sheet, address, cells]) => host.typeCells(sheet as string, address as string, cells as unknown[][]),
      [SHEET, `A${next}:${lastInputColumn(ledger)}${next}`, triaged],
    );
    await click('#sync');
    const team = String((await rows()).find((row) => row['被执行人'] === '甲')!['承办团队']);
    await pane.page.selectOption('#team-select', team);
    const message = await click('#pull');
    assert.match(message, new RegExp(`已拉取 \\d+ 行到工作表「分案清单-${team}」`));
    const pulled = (await pane.host((host) => host.tables())).find((table) => table.sheet === `分案清单-${team}`)!;
    const pulledRows = await rows(pulled.name);
    assert.ok(pulledRows.length > 0 && pulledRows.every((row) => row['承办团队'] === team && String(row['行ID']).length === 36));
  });

  it('writes the 周通报 sheet (the table; the chart is said not to be drawn)', async () => {
    const message = await click('#write-report');
    assert.match(message, /已写入工作表「周通报 \d{4}-W\d{2}」.*不支持由助手绘制图表/);
    const name = message.match(/「(周通报 [^」]+)」/)![1];
    const values = await pane.hostWith((host, sheet) => host.readValues(sheet, 'A1:A3'), name);
    assert.match(String(values[0][0]), /周通报/);
    assert.equal((await pane.hostWith((host, sheet) => host.cell(sheet, 'A1'), name)).bold, true);
  });

  it('takes over an existing sheet with a title row and aliases, then syncs it', async () => {
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
    assert.match(await click('#take-over'), /已接管/);
    const report = (await pane.page.textContent('#takeover-body')) ?? '';
    assert.match(report, /第 3 行作为标题行/);
    assert.match(report, /执行案号 → 案号/);
    assert.match(report, /已在表格右侧添加：.*行ID.*版本/s);
    const table = (await pane.host((host) => host.tables())).find((candidate) => candidate.sheet === sheet)!;
    assert.equal(table.address.split(':')[0], 'A3', 'the title row stays above the table');
    await pane.page.screenshot({ path: path.join(ARTIFACTS, 'wps-pane-take-over.png'), fullPage: true });
    await click('#sync');
    const synced = await rows(table.name);
    assert.deepEqual(
      synced.map((row) => [row['执行案号'], row['备注'], typeof row['行ID']]),
      [
        ['（2026）豫0102执201号', '老案', 'string'],
        ['（2026）豫0102执202号', '', 'string'],
      ],
    );
  });

  it('takes over a table the clerk made by adding the identity and system columns to it', async () => {
    const sheet = '登记表';
    await pane.hostWith((host, name) => {
      host.addSheet(name);
      host.activate(name);
      host.typeCells(name, 'B2:D4', [
        ['案号', '立案日期', '被执行人'],
        ['（2026）豫0102执401号', '2026-03-02', '周九'],
        ['（2026）豫0102执402号', '2026-03-03', '吴十'],
      ]);
      host.addTable(name, 'B2:D4', '表1');
    }, sheet);
    await click('#take-over');
    const table = (await pane.host((host) => host.tables())).find((candidate) => candidate.sheet === sheet)!;
    assert.match(table.name, /^Ledger_cases_\d+$/);
    assert.match(table.address, /^B2:/);
    assert.match((await pane.page.textContent('#takeover-body')) ?? '', /已在表格右侧添加：.*行ID.*版本/s);
    await click('#sync');
    assert.deepEqual(
      (await rows(table.name)).map((row) => [row['案号'], row['被执行人'], row['预警'] !== '', typeof row['行ID']]),
      [
        ['（2026）豫0102执401号', '周九', true, 'string'],
        ['（2026）豫0102执402号', '吴十', true, 'string'],
      ],
    );
  });
});
