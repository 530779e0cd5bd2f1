// The 分案清单 screen as a team's 内勤 sees it, in headless Chromium at 1366×768 and on a 1920×1080
// screen, over a constructed bureau of 4,348 open cases of the 速执团队 (the list that used to be one
// 197,217-px page): 50 cases a page, 超期 first, 上一页/下一页, the page a reasonable height, the list
// downloaded as Excel and Word, and the day's lists the service kept.

import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildAddin } from '../addin/browser/harness.ts';
import { fastTeamBureau, fastTeamCase } from '../helpers/assignments.ts';
import { addUser, ROOT, Sandbox, type TestService } from '../helpers/service.ts';
import { loadWorkbook } from '../helpers/workbooks.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const TODAY = '2026-10-20';
const CASES = 4_348;
/** The service's clock: the afternoon of TODAY at the court, then the evening, once the cases are in. */
const clock = { now: new Date(`${TODAY}T15:00:00+08:00`) };

describe('the 分案清单 screen', function () {
  this.timeout(120_000);
  const sandbox = new Sandbox();
  let service: TestService;
  let token: string;
  let context: BrowserContext;
  let page: Page;
  let workDir: string;
  let blocked: string[];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`      浏览器测试未运行：找不到 Chromium（${CHROMIUM}）。`);
      this.skip();
    }
    buildAddin();
    service = await sandbox.start({ clock: () => clock.now, listCheckEvery: 20 });
    // Today's two new cases are kept on a list by the service itself once its clock passes 17:30.
    const today = [fastTeamCase(90_001, TODAY, 0), fastTeamCase(90_002, TODAY, 0, { propertyResult: '足额' })];
    const synced = await service.admin.post(`/api/ledgers/cases/sync?asOf=${TODAY}`, {
      rows: [...fastTeamBureau(CASES - 2, TODAY), ...today],
    });
    assert.equal(synced.status, 200, synced.text.slice(0, 300));
    token = await addUser(service, '速执内勤', ['team:速执团队']);
    clock.now = new Date(`${TODAY}T18:00:00+08:00`);
    await keptListAppears(service);
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ledger-team-list-'));
    context = await chromium.launchPersistentContext(path.join(workDir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      acceptDownloads: true,
      locale: 'zh-CN',
    });
    page = context.pages()[0] ?? (await context.newPage());
    blocked = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
  });

  after(async () => {
    await context?.close();
    await sandbox.cleanUp();
    if (workDir) await fs.rm(workDir, { recursive: true, force: true });
    assert.deepEqual(blocked, [], 'the browser blocked part of the page under its Content-Security-Policy');
  });

  async function openList(width: number, height: number) {
    await page.setViewportSize({ width, height });
    await page.goto(`${service.url}/web/`);
    await page.fill('#token', token);
    await page.click('#sign-in-button');
    await page.waitForSelector('#team option', { state: 'attached' });
    await page.click('#team-button');
    await page.waitForSelector('#team-result table tbody tr');
  }

  const rowsOnScreen = () =>
    page.$$eval('#team-result tbody tr', (lines) =>
      lines.map((line) => Array.from(line.querySelectorAll('td'), (cell) => cell.textContent ?? '')),
    );
  const headers = () => page.$$eval('#team-result thead th', (cells) => cells.map((cell) => cell.textContent ?? ''));

  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ]) {
    it(`at ${width}×${height} shows the team’s first 50 cases, 超期 first, in a page of reasonable height`, async () => {
      await openList(width, height);
      assert.equal(await page.inputValue('#team'), '速执团队', 'a team member’s own team is chosen');
      assert.match(
        (await page.textContent('#team-status')) ?? '',
        new RegExp(`速执团队全部未结案件共 ${CASES} 件，其中超期 \\d+ 件、临期 \\d+ 件`),
      );
      const titles = await headers();
      assert.deepEqual(titles, [
        '案号',
        '申请执行人',
        '被执行人',
        '立案日期',
        '分流日期',
        '承办人',
        '结案期限',
        '当前节点',
        '节点期限',
        '剩余天数',
        '预警',
      ]);
      const rows = await rowsOnScreen();
      assert.equal(rows.length, 50);
      const alert = titles.indexOf('预警');
      assert.ok(
        rows.every((row) => row[alert] === '超期'),
        rows.map((row) => row[alert]).join(),
      );
      const daysLeft = rows.map((row) => Number(row[titles.indexOf('剩余天数')]));
      assert.deepEqual(
        daysLeft,
        [...daysLeft].sort((a, b) => a - b),
        'the longest overdue first',
      );
      for (const row of rows) {
        assert.match(row[0], /^（2026）豫0102执\d+号$/, 'official case numbers, full-width brackets, half-width figures');
        for (const header of ['立案日期', '分流日期', '结案期限', '节点期限'])
          assert.match(row[titles.indexOf(header)], /^\d{4}-\d{2}-\d{2}$/);
      }
      assert.equal(await page.textContent('#team-pager .page-number'), `第 1/${Math.ceil(CASES / 50)} 页（每页 50 件）`);
      const overdueColour = await page.$eval('#team-result td.alert-超期', (cell) => getComputedStyle(cell).backgroundColor);
      assert.equal(overdueColour, 'rgb(255, 199, 206)');
      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(pageHeight < 6_000, `the page is ${pageHeight} px high`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
      await fs.mkdir(ARTIFACTS, { recursive: true });
      await page.locator('#team-list').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.getElementById('team-list')!.scrollIntoView());
      await page.screenshot({ path: path.join(ARTIFACTS, `team-list-${width}x${height}.png`) });
    });
  }

  it('turns the pages with 下一页 and 上一页', async () => {
    await openList(1366, 768);
    const first = await rowsOnScreen();
    assert.equal(await page.isDisabled('#team-pager [data-action=previous]'), true);
    await page.click('#team-pager [data-action=next]');
    await page.waitForFunction(() => /^第 2\//.test(document.querySelector('#team-pager .page-number')?.textContent ?? ''));
    const second = await rowsOnScreen();
    assert.equal(second.length, 50);
    assert.notDeepEqual(second[0], first[0]);
    await page.click('#team-pager-bottom [data-action=previous]');
    await page.waitForFunction(() => /^第 1\//.test(document.querySelector('#team-pager .page-number')?.textContent ?? ''));
    assert.deepEqual(await rowsOnScreen(), first);
  });

  it('shows a day’s list, and downloads the list as Excel and as Word', async () => {
    await openList(1366, 768);
    await page.fill('#team-date', TODAY);
    await page.click('#team-button');
    await page.waitForFunction(() => /2026-10-20 分案共 2 件/.test(document.getElementById('team-status')?.textContent ?? ''));
    assert.equal((await rowsOnScreen()).length, 2);

    const excel = await downloadBy(() => page.click('#team-xlsx'));
    assert.equal(excel.name, `分案清单-速执团队-${TODAY}.xlsx`);
    const sheet = (await loadWorkbook(excel.file)).worksheets[0];
    assert.equal(sheet.getCell('A1').value, '速执团队分案清单');
    assert.ok(sheet.getCell('D4').value instanceof Date, '立案日期 is a date cell');

    const word = await downloadBy(() => page.click('#team-docx'));
    assert.equal(word.name, `分案清单-速执团队-${TODAY}.docx`);
    const xml = await (await JSZip.loadAsync(word.file)).file('word/document.xml')!.async('string');
    assert.ok(xml.includes('速执团队分案清单') && xml.includes('（2026）豫0102执90001号'));
  });

  it('lists the day’s list the service kept, and downloads it as it was made', async () => {
    await openList(1366, 768);
    await page.waitForSelector('#kept-lists li');
    assert.match((await page.textContent('#kept-lists li')) ?? '', new RegExp(`${TODAY} 速执团队分案清单`));
    const kept = await downloadBy(() => page.click(`#kept-lists button[data-file="分案清单-速执团队-${TODAY}.xlsx"]`));
    assert.equal(kept.name, `分案清单-速执团队-${TODAY}.xlsx`);
    const sheet = (await loadWorkbook(kept.file)).worksheets[0];
    assert.match(String(sheet.getCell('A2').value), /分案日期：2026-10-20，共 2 件/);
  });

  async function downloadBy(click: () => Promise<void>): Promise<{ name: string; file: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), file: await fs.readFile((await download.path())!) };
  }
});

/** The service keeps the day's list once its clock is past 17:30 (it looks every 20 ms here). */
async function keptListAppears(service: TestService): Promise<void> {
  for (let tries = 0; tries < 1_000; tries++) {
    const kept = await service.admin.get('/api/assignments?team=速执团队');
    if (kept.body?.[0]?.files?.length === 2) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail('the day’s list was not kept');
}
