// Two clerks, two panes, one service: a team pulls its 分案清单, both edit the same rows, and the one
// who syncs second sees the conflict and chooses 采用对方的 or 保留我的.

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
import { caseNo, casesLedger, daysFromToday, lastInputColumn, storedRows, typedRows } from './ledger-rows.ts';

const TEAM_TOKEN = 'test-team-token-abcdefghijklmn';
const TEAM = '首执团队';
const HANDLER_COLUMN = 'V';

describe('add-in in the browser: two clerks edit the same rows', function () {
  this.timeout(120_000);
  let service: TestService;
  let affairs: Pane;
  let team: Pane;
  let ledger: LedgerDefinition;
  let teamTable: string;

  before(async function () {
    prepareBrowserSuite(this);
    service = await startTestService();
    await service.addUser('王法官', [`team:${TEAM}`], TEAM_TOKEN);
    ledger = await casesLedger(service.url, ADMIN_TOKEN);
    [affairs, team] = await Promise.all([openPane(service.url), openPane(service.url)]);
    await connect(affairs, service.url, ADMIN_TOKEN);
    await connect(team, service.url, TEAM_TOKEN);
  });

  after(async () => {
    await Promise.all([affairs?.close(), team?.close()]);
    await service?.close();
  });

  const rowsOf = (pane: Pane, table: string) => pane.hostWith((host, name) => host.tableRows(name), table);
  const setHandler = (pane: Pane, sheet: string, sheetRow: number, name: string) =>
    pane.hostWith(
      (host, [where, address, value]) => host.typeCells(where, address, [[value]]),
      [sheet, `${HANDLER_COLUMN}${sheetRow}`, name],
    );

  it('pulls the team’s 分案清单 (the cases triaged to it) into a new sheet, with identity and statuses', async () => {
    await clickAndWait(affairs, '#create-ledger');
    const values = typedRows(ledger, [
      {
        案号: caseNo(301),
        立案日期: daysFromToday(-3),
        被执行人: '甲',
        流转日期: daysFromToday(-2),
        分流日期: daysFromToday(-2),
        '执行标的额（元）': 200000,
        承办人: '原承办人',
      },
      {
        案号: caseNo(302),
        立案日期: daysFromToday(-3),
        被执行人: '乙',
        流转日期: daysFromToday(-2),
        分流日期: daysFromToday(-2),
        '执行标的额（元）': 300000,
        承办人: '原承办人',
      },
      {
        案号: caseNo(303),
        立案日期: daysFromToday(-3),
        被执行人: '丙',
        流转日期: daysFromToday(-2),
        分流日期: daysFromToday(-2),
        '执行标的额（元）': 10000,
        承办人: '原承办人',
      },
    ]);
    await affairs.hostWith(
      (host, [address, cells]) => host.typeCells('执行案件流转台账', address as string, cells as unknown[][]),
      [`A2:${lastInputColumn(ledger)}4`, values],
    );
    assert.match(await clickAndWait(affairs, '#sync'), /同步完成：3 行/);

    await team.page.selectOption('#team-select', TEAM);
    const message = await clickAndWait(team, '#pull');
    assert.match(message, /已拉取 2 行到工作表「分案清单-首执团队」/);
    const [table] = await team.host((host) => host.tables());
    teamTable = table.name;
    const pulled = await rowsOf(team, teamTable);
    const stored = await storedRows(service.url, ADMIN_TOKEN);
    assert.deepEqual(pulled.map((row) => row['案号']).sort(), [caseNo(301), caseNo(302)]);
    for (const row of pulled) {
      const match = stored.find((candidate) => candidate.rowId === row['行ID'])!;
      assert.equal(row['版本'], match.rev);
      assert.equal(row['承办团队'], TEAM);
      assert.equal(row['承办人'], '原承办人');
    }
  });

  async function conflictOn(serialNumber: number, mine: string, theirs: string): Promise<number> {
    const affairsRow = (await rowsOf(affairs, 'Ledger_cases')).find((row) => row['案号'] === caseNo(serialNumber))!;
    await setHandler(affairs, '执行案件流转台账', affairsRow.__row as number, theirs);
    await clickAndWait(affairs, '#sync');
    const teamRow = (await rowsOf(team, teamTable)).find((row) => row['案号'] === caseNo(serialNumber))!;
    await setHandler(team, '分案清单-首执团队', teamRow.__row as number, mine);
    const message = await clickAndWait(team, '#sync');
    assert.match(message, /1 行冲突待处理/);
    return teamRow.__row as number;
  }

  it('shows a conflict with both versions, and 采用对方的 puts the other clerk’s value into the cell', async () => {
    const sheetRow = await conflictOn(301, '我的承办人', '对方承办人');
    assert.equal(Number(await team.page.textContent('#count-conflicts')), 1);
    const item = team.page.locator('#problem-list li[data-kind="conflict"]');
    assert.match((await item.textContent()) ?? '', /承办人：我的「我的承办人」，对方「对方承办人」/);
    const remark = await team.hostWith(
      (host, [table, row]) => host.tableCell(table as string, '校验意见', row as number),
      [teamTable, sheetRow],
    );
    assert.match(String(remark.value), /冲突/);

    await item.locator('button.take-theirs').click();
    await team.page.locator('#message.ok').filter({ hasText: '已采用对方的内容' }).waitFor();
    const row = (await rowsOf(team, teamTable)).find((candidate) => candidate['案号'] === caseNo(301))!;
    const stored = (await storedRows(service.url, ADMIN_TOKEN)).find((candidate) => candidate.rowId === row['行ID'])!;
    assert.equal(row['承办人'], '对方承办人');
    assert.equal(stored.values?.handler, '对方承办人', 'the stored row is unchanged');
    assert.equal(row['版本'], stored.rev);
    assert.equal(Number(await team.page.textContent('#count-conflicts')), 0);
    assert.match(await clickAndWait(team, '#sync'), /同步完成：2 行/, 'a later sync finds nothing to fight over');
    assert.equal(Number(await team.page.textContent('#count-conflicts')), 0);
  });

  it('保留我的 stores the clerk’s value over the other one', async () => {
    await conflictOn(302, '坚持我的', '另一位的');
    await team.page.locator('#problem-list li[data-kind="conflict"] button.keep-mine').click();
    await team.page.locator('#message.ok').filter({ hasText: '已保留我的内容' }).waitFor();
    const row = (await rowsOf(team, teamTable)).find((candidate) => candidate['案号'] === caseNo(302))!;
    const stored = (await storedRows(service.url, ADMIN_TOKEN)).find((candidate) => candidate.rowId === row['行ID'])!;
    assert.equal(stored.values?.handler, '坚持我的');
    assert.equal(row['版本'], stored.rev);
    assert.doesNotMatch(String(row['校验意见']), /冲突/);
    assert.equal(Number(await team.page.textContent('#count-conflicts')), 0);

    assert.match(await clickAndWait(affairs, '#sync'), /1 行冲突待处理/, 'now the other clerk is behind and is told so');
  });
});
