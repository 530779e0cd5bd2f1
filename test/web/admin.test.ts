// The web page's admin section (issue 13 item 4), in headless Chromium as a court's IT admin uses
// it: a user created (token shown once) and disabled, 2027's holidays entered from the notice's
// ranges, previewed as twelve months and saved, a period edited, refused in Chinese and reset, a
// backup made, listed and downloaded; the weekly report's settings saved (issue 14 item 1).
// Hidden for everyone else, and emptied on sign-out.
// Screenshots go to test-artifacts/web-admin-*.png.

import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildAddin } from '../addin/browser/harness.ts';
import { addUser, ADMIN_TOKEN, ROOT, Sandbox, type DiskTestService } from '../helpers/service.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

describe('the web page’s admin section in headless Chromium', function () {
  this.timeout(90_000);
  const sandbox = new Sandbox();
  let service: DiskTestService;
  let context: BrowserContext;
  let page: Page;
  let workDir: string;
  let problems: string[];

  before(function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`      浏览器测试未运行：找不到 Chromium（${CHROMIUM}）。`);
      this.skip();
    }
    this.timeout(180_000);
    buildAddin();
  });

  beforeEach(async () => {
    service = await sandbox.startOnDisk();
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ledger-admin-test-'));
    context = await chromium.launchPersistentContext(path.join(workDir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      acceptDownloads: true,
      viewport: { width: 1366, height: 768 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    problems = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('dialog', (dialog) => {
      problems.push(dialog.message());
      void dialog.dismiss();
    });
    await fs.mkdir(ARTIFACTS, { recursive: true });
    await page.goto(`${service.url}/`);
  });

  afterEach(async () => {
    await context?.close();
    await sandbox.cleanUp();
    await fs.rm(workDir, { recursive: true, force: true });
    assert.deepEqual(problems, [], 'a dialog, or something the page’s Content-Security-Policy blocked');
  });

  async function signIn(token = ADMIN_TOKEN) {
    await page.fill('#token', token);
    await page.click('#sign-in-button');
    await page.waitForSelector('#sign-in-status.ok');
  }

  async function tab(id: string) {
    await page.click(`#admin-tab-${id}`);
    await page.waitForSelector(`#admin-${id}:not([hidden])`);
  }

  it('creates a user whose token is shown once, then disables them', async () => {
    await signIn();
    await page.waitForSelector('#admin:not([hidden]) #user-list table');
    assert.equal(await page.locator('#admin-warnings').count(), 1, 'the place for health warnings');
    await page.fill('#user-name', '张书记');
    await page.check('#user-roles input[value="team:速执团队"]');
    await page.click('#user-create');
    const token = (await page.locator('#user-token-value').textContent()) ?? '';
    assert.match(token, /^ela_/);
    assert.match((await page.textContent('#user-token')) ?? '', /令牌只显示这一次/);
    await page.waitForSelector('tr[data-user="张书记"]');
    assert.match((await page.textContent('tr[data-user="张书记"]')) ?? '', /速执团队.*正常.*从未/);
    await page.locator('#admin').screenshot({ path: path.join(ARTIFACTS, 'web-admin-users.png') });
    assert.equal((await service.as(token).get('/api/me')).body.name, '张书记');

    await page.click('#user-token-hide');
    assert.equal(await page.locator('#user-token-value').count(), 0, 'the token is gone once hidden');
    assert.ok(!(await page.content()).includes(token));

    await page.click('tr[data-user="张书记"] button[data-action="toggle"]');
    await page.waitForSelector('#users-status.ok');
    assert.match((await page.textContent('tr[data-user="张书记"]')) ?? '', /已停用/);
    assert.equal((await service.as(token).get('/api/ledgers')).status, 401);

    // An admin disabling themself: the service's refusal is shown as it is.
    await page.click('tr[data-user="admin"] button[data-action="toggle"]');
    await page.waitForSelector('#users-status.error');
    assert.match((await page.textContent('#users-status')) ?? '', /不能停用自己的账号/);
  });

  it('enters 2027’s holidays from the notice’s ranges, previews the twelve months and saves them', async () => {
    await signIn();
    await tab('calendar');
    await page.waitForSelector('#calendar-festivals tbody tr');
    assert.equal(await page.inputValue('#calendar-year'), '2027');
    assert.match((await page.textContent('#calendar-years')) ?? '', /2004–2026 年（内置数据）/);
    const row = (name: string) => page.locator('#calendar-festivals tbody tr', { has: page.locator(`input[value="${name}"]`) });
    await row('春节').locator('.festival-holidays').fill('2027-02-12至02-06');
    await page.click('#calendar-preview');
    await page.waitForSelector('#calendar-status.error');
    assert.match((await page.textContent('#calendar-status')) ?? '', /结束日早于开始日/);

    await row('元旦').locator('.festival-holidays').fill('2027-01-01');
    await row('春节').locator('.festival-holidays').fill('2027-02-06至02-12');
    await row('春节').locator('.festival-workdays').fill('2027-02-14、2027-02-20');
    await row('国庆节').locator('.festival-holidays').fill('2027-10-01至2027-10-07');
    await row('国庆节').locator('.festival-workdays').fill('2027-09-26；2027-10-09');
    await page.click('#calendar-preview');
    await page.waitForSelector('#calendar-grid [data-date="2027-02-08"].holiday');
    assert.match((await page.textContent('#calendar-status')) ?? '', /预览：2027 年放假 15 天、调休上班 4 天.*尚未保存/);
    assert.equal(await page.locator('#calendar-grid .month').count(), 12);
    assert.equal(await page.locator('#calendar-grid [data-date="2027-02-14"]').getAttribute('class'), 'day workday');
    assert.equal(await page.locator('#calendar-grid [data-date="2027-02-27"]').getAttribute('class'), 'day weekend');
    assert.equal(await page.locator('#calendar-grid [data-date="2027-02-15"]').getAttribute('class'), 'day work');
    await page.locator('#admin').screenshot({ path: path.join(ARTIFACTS, 'web-admin-calendar.png') });

    // On top of the section, the service's health warnings: from 1 November on, the next year's missing holidays.
    const missing = async () =>
      (await service.admin.get('/api/health')).body.warnings.filter((w: { code: string }) => w.code === 'calendar-missing');
    assert.equal((await missing()).length, 1, 'the service warns of 2027 (this test runs in late 2026)');
    await page.waitForSelector('#admin-warnings li[data-code="calendar-missing"]');
    assert.match((await page.textContent('#admin-warnings')) ?? '', /需要处理的事项.*2027/);
    await page.click('#calendar-save');
    await page.waitForSelector('#calendar-status.ok');
    await page.waitForSelector('#admin-warnings li[data-code="calendar-missing"]', { state: 'detached' });
    assert.deepEqual(await missing(), [], 'the warning goes once 2027 is entered');
    assert.match((await page.textContent('#calendar-years')) ?? '', /管理员录入：2027 年/);
    const years = (await service.admin.get('/api/calendar/years')).body.years;
    assert.equal(years.find((entry: { year: number }) => entry.year === 2027)?.source, 'override');
  });

  it('edits a period, shows the schema’s refusal in Chinese beside it, and resets it', async () => {
    await signIn();
    await tab('rules');
    await page.click('#rule-list summary:has-text("案款台账")');
    const disburse = () => page.locator('.rule-item[data-rule="ledgers.payments.nodes.disburse"]');
    assert.match((await disburse().textContent()) ?? '', /发放.*依据：《最高人民法院关于执行款物管理工作的规定》/);
    await disburse().locator('.period-n').fill('20');
    await disburse().locator('.rule-save').click();
    await page.waitForSelector('.rule-item[data-rule="ledgers.payments.nodes.disburse"] .rule-status.ok');
    assert.match((await disburse().textContent()) ?? '', /（已修改）/);
    assert.deepEqual((await service.admin.get('/api/rules')).body.ledgers.payments.nodes.disburse.period, { kind: 'days', n: 20 });

    await disburse().locator('.period-n').fill('0');
    await disburse().locator('.rule-save').click();
    await page.waitForSelector('.rule-item[data-rule="ledgers.payments.nodes.disburse"] .rule-status.error');
    assert.equal(await disburse().locator('.rule-status').textContent(), '案款台账「发放」的「期限」：应大于 0');
    await disburse().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-admin-rules.png') });

    await disburse().locator('.rule-reset').click();
    await page.waitForSelector('.rule-item[data-rule="ledgers.payments.nodes.disburse"] .rule-status.ok');
    assert.equal(await disburse().locator('.period-n').inputValue(), '30');
    assert.doesNotMatch((await disburse().textContent()) ?? '', /已修改/);
    assert.deepEqual((await service.admin.get('/api/rules')).body.ledgers.payments.nodes.disburse.period, { kind: 'days', n: 30 });
  });

  it('makes a backup, lists it and downloads it', async () => {
    await signIn();
    await tab('backups');
    await page.waitForSelector('#backup-list table');
    await page.click('#backup-now');
    await page.waitForSelector('#backups-status.ok');
    const made = ((await page.textContent('#backups-status')) ?? '').match(/已备份：(手动-[\d-]+)/)?.[1] ?? '';
    assert.ok(made, (await page.textContent('#backups-status')) ?? '');
    await page.waitForSelector(`tr[data-backup="${made}"]`);
    await page.locator('#admin').screenshot({ path: path.join(ARTIFACTS, 'web-admin-backups.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`tr[data-backup="${made}"] button`)]);
    assert.equal(download.suggestedFilename(), `执行台账备份-${made}.zip`);
    const zip = await JSZip.loadAsync(await fs.readFile((await download.path()) ?? ''));
    assert.ok(zip.file(`${made}/users.json`), Object.keys(zip.files).join(', '));
  });

  it('saves the weekly report’s settings, refuses an empty court name in Chinese, and shows the last week’s issue number', async () => {
    await signIn();
    await tab('report-settings');
    await page.waitForSelector('#report-settings-status.error');
    assert.match((await page.textContent('#report-settings-status')) ?? '', /尚未保存通报设置/);
    assert.equal(await page.inputValue('#report-settings-court'), '××人民法院');
    await page.fill('#report-settings-court', '');
    await page.click('#report-settings-save');
    await page.waitForSelector('#report-settings-status.error:has-text("请填写法院名称")');
    await page.fill('#report-settings-court', '××市××区人民法院');
    await page.fill('#report-settings-startWeek', '2026-W01');
    await page.click('#report-settings-save');
    await page.waitForSelector('#report-settings-status.ok');
    const saved = (await service.admin.get('/api/settings/report')).body;
    assert.equal(saved.settings.court, '××市××区人民法院');
    const { week, issue } = saved.lastWeek;
    assert.equal(await page.textContent('#report-settings-issue'), `上周 ${week} 为第 ${issue} 期。`);
    await page.locator('#admin').screenshot({ path: path.join(ARTIFACTS, 'web-admin-report-settings.png') });
  });

  it('is not there for anyone but an admin, and is emptied on sign-out', async () => {
    await signIn();
    await page.waitForSelector('#admin:not([hidden]) #user-list table');
    await page.click('#sign-out-button');
    assert.equal(await page.isVisible('#admin'), false);
    assert.equal(await page.locator('#admin-root *').count(), 0);
    await signIn(await addUser(service, '书记员', ['affairs']));
    await page.waitForSelector('#signed-in-as', { state: 'visible' });
    assert.equal(await page.isVisible('#admin'), false);
    assert.equal(await page.locator('#admin-root *').count(), 0);
  });
});
