// The web page's 安装根证书与加载项 section, in headless Chromium, on the real service over HTTPS
// with its own CA: it names PUBLIC_URL, offers the CA certificate (the very file the service keeps)
// with the steps for one PC and for a domain group policy, and the manifest on PUBLIC_URL.

import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { configFromEnv } from '../../service/config.ts';
import { startService, type RunningService } from '../../service/server.ts';
import { MemoryStore } from '../../service/store/memory-store.ts';
import { buildAddin } from '../addin/browser/harness.ts';
import { ROOT } from '../helpers/service.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

describe('the web page: 安装根证书与加载项', function () {
  this.timeout(60_000);
  let dir: string;
  let service: RunningService;
  let context: BrowserContext;
  let page: Page;
  let blocked: string[];

  before(function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`      浏览器测试未运行：找不到 Chromium（${CHROMIUM}）。`);
      this.skip();
    }
    this.timeout(120_000);
    buildAddin();
  });

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ledger-install-page-'));
    const config = configFromEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'data'),
      PUBLIC_URL: 'https://zxzh.court.local:3000',
    });
    service = await startService(config, () => undefined, { store: async (ids) => new MemoryStore(ids) });
    // The browser reaches the service by 127.0.0.1, which the certificate covers, but does not trust our CA.
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      acceptDownloads: true,
      ignoreHTTPSErrors: true,
      viewport: { width: 1366, height: 768 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    blocked = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) blocked.push(message.text());
    });
  });

  afterEach(async () => {
    await context?.close();
    await service?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('names PUBLIC_URL, offers /ca.crt with the steps, and the manifest on PUBLIC_URL, before anyone signs in', async () => {
    await page.goto(`${service.url}/web/`);
    const section = page.locator('#install');
    await section.waitFor();
    const text = await section.innerText();
    assert.match(text, /服务地址：https:\/\/zxzh\.court\.local:3000（书记员电脑的浏览器和 Excel 加载项都用这个地址）/);
    assert.match(text, /您现在用 https:\/\/127\.0\.0\.1:\d+ 打开本页/);
    assert.equal(await page.locator('#install a[href="https://zxzh.court.local:3000/web/"]').count(), 1);

    await page.click('#install-certificate summary');
    const steps = await page.locator('#install-certificate').innerText();
    for (const words of ['安装证书', '本地计算机', '受信任的根证书颁发机构', '组策略', '公钥策略']) assert.ok(steps.includes(words), words);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#ca-certificate-link')]);
    assert.equal(download.suggestedFilename(), '执行台账助手根证书.crt');
    const saved = await download.path();
    assert.ok(saved);
    assert.equal(
      await fs.readFile(saved, 'utf8'),
      await fs.readFile(path.join(dir, 'data', 'tls', 'ca.crt'), 'utf8'),
      'the CA the service keeps',
    );

    await page.click('#install-manifest summary');
    const manifest = page.locator('#install-manifest a');
    assert.equal(await manifest.getAttribute('href'), 'https://zxzh.court.local:3000/manifest.xml');
    await page.click('#install-wps summary');
    assert.equal(await page.locator('#install-wps a').getAttribute('href'), 'https://zxzh.court.local:3000/wps/');
    await fs.mkdir(ARTIFACTS, { recursive: true });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-page-install.png'), fullPage: true });
    assert.deepEqual(blocked, []);
  });
});
