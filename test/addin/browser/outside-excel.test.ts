// The task pane opened in a plain browser (no Excel): the real office.js reports no host, and the
// pane says so, links to the web page and disables every control, none of which can work there.

import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, prepareBrowserSuite, startTestService, type TestService } from './harness.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '..', '..', '..', 'test-artifacts');

describe('the task pane opened outside Excel', function () {
  this.timeout(120_000);
  let service: TestService;
  let context: BrowserContext;
  let profile: string;

  before(function () {
    prepareBrowserSuite(this);
  });

  beforeEach(async () => {
    service = await startTestService();
    profile = await mkdtemp(path.join(os.tmpdir(), 'ledger-plain-browser-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      viewport: { width: 360, height: 700 },
    });
  });

  afterEach(async () => {
    await context?.close();
    await service?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('links to the web page and disables every button, field and list', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${service.url}/taskpane.html`);
    await page.waitForSelector('#not-excel', { state: 'visible' });
    assert.match((await page.textContent('#not-excel')) ?? '', /只能在 Excel 中使用/);
    const link = page.locator('#not-excel a');
    assert.equal(await link.getAttribute('href'), '/web/');
    const enabled = await page.$$eval('#app button, #app input, #app select', (controls) =>
      controls.filter((control) => !(control as HTMLButtonElement).disabled).map((control) => control.id),
    );
    assert.deepEqual(enabled, []);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-outside-excel.png'), fullPage: true });
    await link.click();
    await page.waitForURL(`${service.url}/web/`);
    await page.waitForSelector('#sign-in-form');
  });

  it('shows the calendar gap once as a banner', async () => {
    const gap = '2027年节假日安排尚未录入';
    await context.route('**/api/health', (route) =>
      route.fulfill({ json: { ok: false, version: '0.1.0', warnings: [{ code: 'calendar-missing', message: gap }] } }),
    );
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${service.url}/taskpane.html`);
    await page.waitForSelector('#calendar-banner', { state: 'visible' });
    assert.equal(await page.textContent('#calendar-banner'), `提示：${gap}`);
  });
});
