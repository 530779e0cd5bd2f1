// The web page for staff without the add-in, driven in headless Chromium as a clerk would use it:
// sign in, download a template, upload a workbook and get it back annotated, weekly reports.

import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'acorn';
import JSZip from 'jszip';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildAddin } from '../addin/browser/harness.ts';
import { addUser, ADMIN_TOKEN, manyCases, ROOT, Sandbox, storedRows, type TestService } from '../helpers/service.ts';
import { cellUnder, CLERK_HEADER_ROW, CLERK_ROWS, CLERK_SHEET, clerkWorkbook, loadWorkbook, saveWorkbook } from '../helpers/workbooks.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

describe('the web page', () => {
  it('is built, with both add-ins, into scripts old Chromium-based browsers can run (ES2017, no later syntax)', async function () {
    this.timeout(120_000);
    buildAddin();
    const bundles = (await fs.readdir(path.join(ROOT, 'dist'), { recursive: true })).filter((file) => file.endsWith('.js'));
    assert.ok(
      bundles.some((file) => file.startsWith(`web${path.sep}index.`)),
      bundles.join(', '),
    );
    assert.ok(
      bundles.some((file) => file.startsWith('taskpane.')),
      bundles.join(', '),
    );
    for (const wps of ['addin/index.', 'addin/taskpane.', 'install.'])
      assert.ok(
        bundles.some((file) => file.startsWith(path.join('wps', wps))),
        `the WPS 加载项's ${wps}: ${bundles.join(', ')}`,
      );
    for (const bundle of bundles) {
      const source = await fs.readFile(path.join(ROOT, 'dist', bundle), 'utf8');
      assert.doesNotThrow(() => parse(source, { ecmaVersion: 2017, sourceType: 'script' }), bundle);
    }
  });

  describe('in headless Chromium', function () {
    this.timeout(60_000);
    const sandbox = new Sandbox();
    let service: TestService;
    let context: BrowserContext;
    let page: Page;
    let workDir: string;
    let dialogs: string[];
    let blocked: string[];

    before(function () {
      if (!existsSync(CHROMIUM)) {
        console.log(
          `      浏览器测试未运行：找不到 Chromium（${CHROMIUM}）。请安装 Debian 的 chromium（apt-get install -y chromium），或以 CHROMIUM_PATH 指定。`,
        );
        this.skip();
      }
      this.timeout(120_000);
      // The service serves the page webpack built into dist/web/.
      buildAddin();
    });

    beforeEach(async () => {
      service = await sandbox.start();
      workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ledger-page-test-'));
      context = await chromium.launchPersistentContext(path.join(workDir, 'profile'), {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
        acceptDownloads: true,
      });
      page = context.pages()[0] ?? (await context.newPage());
      dialogs = [];
      blocked = [];
      // The page is served under a Content-Security-Policy: anything it refuses shows here.
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
      });
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`${service.url}/`);
    });

    afterEach(async () => {
      await context?.close();
      await sandbox.cleanUp();
      await fs.rm(workDir, { recursive: true, force: true });
      assert.deepEqual(dialogs, [], 'the page opened a dialog');
      assert.deepEqual(blocked, [], 'the browser blocked part of the page under its Content-Security-Policy');
    });

    async function signIn(token = ADMIN_TOKEN) {
      await page.fill('#token', token);
      await page.click('#sign-in-button');
    }

    async function downloadBy(click: () => Promise<void>): Promise<{ name: string; file: Buffer }> {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      const file = await fs.readFile((await download.path())!);
      return { name: download.suggestedFilename(), file };
    }

    it('is styled by its own stylesheet under its Content-Security-Policy', async () => {
      // The header's dark blue band comes from style.css; unstyled it would be transparent.
      await page.waitForFunction(() => getComputedStyle(document.querySelector('header')!).backgroundColor === 'rgb(31, 56, 100)');
    });

    it('says so in the page when the token is wrong, and signs in with the right one, staying signed in', async () => {
      await signIn('wrong-token');
      await page.waitForSelector('#sign-in-status.error');
      assert.match((await page.textContent('#sign-in-status')) ?? '', /令牌无效/);
      assert.equal(await page.isVisible('#annotate'), false);

      await signIn();
      await page.waitForSelector('#template-list li', { state: 'attached' });
      assert.match((await page.textContent('#sign-in-status')) ?? '', /已登录/);
      await page.reload();
      await page.waitForSelector('#template-list li', { state: 'attached' });
      assert.match((await page.textContent('#template-list')) ?? '', /执行案件流转台账/);
    });

    it('downloads the empty template of a ledger, the templates folded below the upload', async () => {
      await signIn();
      await page.waitForSelector('#template-list li', { state: 'attached' });
      assert.equal(await page.isVisible('button[data-ledger="cases"]'), false);
      await page.click('#templates summary');
      const { name, file } = await downloadBy(() => page.click('button[data-ledger="cases"]'));
      assert.equal(name, '执行案件流转台账（空白模板）.xlsx');
      const sheet = (await loadWorkbook(file)).worksheets[0];
      assert.equal(sheet.getCell('A1').value, '案号');
    });

    it('uploads a clerk’s workbook, shows what was found and downloads it annotated', async () => {
      await signIn();
      const input = path.join(workDir, '10月台账.xlsx');
      await fs.writeFile(input, await clerkWorkbook());
      await page.setInputFiles('#workbook', input);
      await page.fill('#as-of', '2026-10-05');
      const { name, file } = await downloadBy(() => page.click('#annotate-button'));

      assert.equal(name, '10月台账（已标注）.xlsx');
      const sheet = (await loadWorkbook(file)).getWorksheet(CLERK_SHEET)!;
      assert.equal(cellUnder(sheet, CLERK_HEADER_ROW, '预警', CLERK_ROWS.overdue).value, '超期');
      assert.equal(cellUnder(sheet, CLERK_HEADER_ROW, '预警', CLERK_ROWS.dueSoon).value, '临期');
      await page.waitForSelector('#annotate-status.ok');
      const table = await page.textContent('#annotate-result table');
      assert.match(table ?? '', new RegExp(`${CLERK_SHEET}执行案件流转台账5`));
      assert.match(table ?? '', /未使用的列（保持原样）：序号、备注、标的额（万元）/);
      assert.match((await page.textContent('#annotate-result a')) ?? '', /下载「10月台账（已标注）\.xlsx」/);
    });

    it('shows progress while a large workbook is worked on', async () => {
      await signIn();
      const workbook = await loadWorkbook(await clerkWorkbook());
      const sheet = workbook.getWorksheet(CLERK_SHEET)!;
      for (let row = 0; row < 4_000; row++)
        sheet.addRow([null, `（2026）豫0102执${2000 + row}号`, '2026-09-24', null, null, `被执行人${row}`, 10_000]);
      const input = path.join(workDir, '大台账.xlsx');
      await fs.writeFile(input, await saveWorkbook(workbook));
      await page.setInputFiles('#workbook', input);
      const seen = new Set<string>();
      const watching = page.exposeFunction('reportProgress', (text: string) => seen.add(text.replace(/\d+/g, 'N')));
      await watching;
      await page.evaluate(() => {
        const target = document.getElementById('progress-text')!;
        new MutationObserver(() =>
          (window as unknown as { reportProgress(text: string): void }).reportProgress(target.textContent ?? ''),
        ).observe(target, { childList: true, characterData: true, subtree: true });
      });
      await downloadBy(() => page.click('#annotate-button'));
      assert.ok(
        [...seen].some((text) => /正在上传 N%/.test(text)),
        [...seen].join(' | '),
      );
      assert.ok(
        [...seen].some((text) => /服务正在校验和标注/.test(text)),
        [...seen].join(' | '),
      );
      assert.equal(await page.isVisible('#progress-box'), false);
    });

    it('explains a file that is not a workbook, and an .xls, without downloading anything', async () => {
      await signIn();
      const csv = path.join(workDir, '台账.xlsx');
      await fs.writeFile(csv, '案号,立案日期\n（2026）豫0102执1号,2026-09-24\n');
      let downloads = 0;
      page.on('download', () => downloads++);
      await page.setInputFiles('#workbook', csv);
      await page.click('#annotate-button');
      await page.waitForSelector('#annotate-status.error');
      assert.match((await page.textContent('#annotate-status')) ?? '', /CSV.*另存为/);

      const xls = path.join(workDir, '旧台账.xls');
      await fs.writeFile(xls, Buffer.alloc(600));
      await page.setInputFiles('#workbook', xls);
      await page.click('#annotate-button');
      await page.waitForFunction(() => /旧台账\.xls/.test(document.getElementById('annotate-status')!.textContent ?? ''));
      assert.match((await page.textContent('#annotate-status')) ?? '', /另存为 Excel 工作簿（\*\.xlsx）/);
      assert.equal(downloads, 0);
    });

    it('says who is signed in, and after 退出 and another sign-in nothing of the first user remains', async () => {
      const synced = await service.admin.sync(manyCases(3, 901));
      assert.equal(synced.status, 200);
      const kept = synced.body.rows[0];
      const snapshot = { rows: [{ rowId: kept.rowId, values: manyCases(1, 901)[0].values }], mode: 'snapshot', confirmDeletes: true };
      assert.equal((await service.admin.post('/api/ledgers/cases/sync?asOf=2026-10-05', snapshot)).status, 200);
      const team = await addUser(service, '速执法官', ['team:速执团队']);

      await signIn();
      await page.waitForSelector('#signed-in-as', { state: 'visible' });
      assert.equal(await page.textContent('#signed-in-as'), '当前用户：admin（管理员）');
      const input = path.join(workDir, '10月台账.xlsx');
      await fs.writeFile(input, await clerkWorkbook());
      await page.setInputFiles('#workbook', input);
      await downloadBy(() => page.click('#annotate-button'));
      await page.waitForSelector('#annotate-result a');
      await page.click('#team-button');
      await page.waitForSelector('#team-result table');
      await page.click('#deleted-button');
      await page.waitForSelector('#deleted-result table');
      await page.waitForSelector('#report-list li');
      const firstScreen = await page.innerText('main');
      for (const seen of ['10月台账（已标注）.xlsx', '（2026）豫0102执902号', '共有 2 行已删除', '周通报 '])
        assert.ok(firstScreen.includes(seen), `the first user saw ${seen}`);

      await page.click('#sign-out-button');
      await signIn(team);
      await page.waitForSelector('#signed-in-as', { state: 'visible' });
      await page.waitForSelector('#report-list li');
      assert.equal(await page.textContent('#signed-in-as'), '当前用户：速执法官（速执团队）');
      const secondScreen = await page.innerText('body');
      for (const left of ['admin', '（管理员）', '10月台账', '已标注', '（2026）豫0102执90', '已删除', '速执团队共'])
        assert.ok(!secondScreen.includes(left), `「${left}」 of the first user is still on screen`);
      assert.equal(await page.locator('main a[href^="blob:"]').count(), 0);
      assert.equal(await page.locator('#annotate-result *, #team-result *, #deleted-result *').count(), 0);
      assert.equal(await page.inputValue('#workbook'), '');
      assert.equal(await page.isVisible('#deleted-rows'), false);
      await fs.mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'web-page-second-user.png'), fullPage: true });
    });

    it('puts the upload above the fold at 1366×768, the templates folded below it', async () => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await signIn();
      await page.waitForSelector('#report-list li');
      const upload = await page.locator('#annotate-button').boundingBox();
      assert.ok(upload && upload.y + upload.height < 768, `the upload button is at ${JSON.stringify(upload)}`);
      assert.equal(await page.locator('#template-list button').first().isVisible(), false);
      assert.ok(await page.isVisible('#templates summary'));
      await fs.mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'web-page-1366x768.png') });
    });

    it('shows the calendar gap once as a banner for everyone, and nothing for a health answer without warnings', async () => {
      const gap = '2027年节假日安排尚未录入，2027年的期限暂按周末推算';
      const warnings = [
        { code: 'calendar-missing', message: gap },
        { code: 'disk-low', message: '数据目录剩余空间不足 1 GB' },
      ];
      await page.route('**/api/health', (route) => route.fulfill({ json: { ok: false, version: '0.1.0', warnings } }));
      await page.reload();
      await page.waitForSelector('#calendar-banner', { state: 'visible' });
      assert.equal(await page.textContent('#calendar-banner'), `提示：${gap}`);
      // A clerk sees it once; the admin also finds it among the warnings of the admin section.
      await signIn(await addUser(service, '速执书记员', ['team:速执团队']));
      await page.waitForSelector('#report-list li');
      assert.equal(await page.locator(`text=${gap}`).count(), 1);
      await fs.mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'web-page-calendar-banner.png') });

      await page.unroute('**/api/health');
      await page.route('**/api/health', (route) => route.fulfill({ json: { ok: true, version: '0.1.0' } }));
      await page.reload();
      await page.waitForSelector('#report-list li');
      assert.equal(await page.isVisible('#calendar-banner'), false);
    });

    it('lists a viewer’s refused upload sheet by sheet', async () => {
      const viewer = await addUser(service, '查阅员', ['viewer']);
      const workbook = await loadWorkbook(await clerkWorkbook());
      workbook.addWorksheet('罚款').addRow(['被罚款人', '被罚款人类型', '罚款金额（元）', '罚款决定日期', '执行案号']);
      const input = path.join(workDir, '两张表.xlsx');
      await fs.writeFile(input, await saveWorkbook(workbook));
      await signIn(viewer);
      await page.setInputFiles('#workbook', input);
      await page.click('#annotate-button');
      await page.waitForSelector('#annotate-status.error li');
      const lines = await page.$$eval('#annotate-status li', (items) => items.map((item) => item.textContent));
      assert.equal(lines.length, 2, lines.join(' | '));
      assert.match(lines[0] ?? '', new RegExp(`^工作表「${CLERK_SHEET}」：.*（角色：只读）无权写入执行案件流转台账`));
      assert.match(lines[1] ?? '', /^工作表「罚款」：.*无权写入罚款台账/);
      await fs.mkdir(ARTIFACTS, { recursive: true });
      await page.locator('#annotate').screenshot({ path: path.join(ARTIFACTS, 'web-page-refused-sheets.png') });
    });

    it('shows a team’s 分案清单: its triaged cases, with deadlines and 预警', async () => {
      const synced = await service.admin.post('/api/ledgers/cases/sync?asOf=2026-11-26', {
        rows: [
          {
            values: {
              caseNo: '（2026）豫0102执801号',
              filedOn: '2026-11-02',
              respondent: '清单甲',
              amount: 10_000,
              transferredOn: '2026-11-03',
              triagedOn: '2026-11-03',
            },
          },
          {
            values: {
              caseNo: '（2026）豫0102执802号',
              filedOn: 46328,
              respondent: '清单乙',
              amount: 20_000,
              transferredOn: '2026-11-20',
              triagedOn: '2026-11-20',
            },
          },
          { values: { caseNo: '（2026）豫0102执803号', filedOn: '2026-11-02', respondent: '未分流', amount: 10_000 } },
          {
            values: {
              caseNo: '（2026）豫0102执804号',
              filedOn: '2026-11-02',
              respondent: '首执案',
              amount: 900_000,
              transferredOn: '2026-11-03',
              triagedOn: '2026-11-03',
            },
          },
        ],
      });
      assert.equal(synced.status, 200);
      await signIn();
      await page.waitForSelector('#team option', { state: 'attached' });
      await page.selectOption('#team', '速执团队');
      await page.click('#team-button');
      await page.waitForSelector('#team-result table');
      assert.match((await page.textContent('#team-status')) ?? '', /速执团队全部未结案件共 2 件/);
      const rows = await page.$$eval('#team-result tbody tr', (lines) =>
        lines.map((line) => Array.from(line.querySelectorAll('td'), (cell) => cell.textContent)),
      );
      assert.deepEqual(
        rows.map((row) => [row[0], row[2], row[3], row[4]]),
        [
          ['（2026）豫0102执801号', '清单甲', '2026-11-02', '2026-11-03'],
          ['（2026）豫0102执802号', '清单乙', '2026-11-02', '2026-11-20'],
        ],
      );
      await fs.mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'web-page-team-list.png'), fullPage: true });

      await page.fill('#team-date', '2026-11-20');
      await page.click('#team-button');
      await page.waitForFunction(() => /2026-11-20 分案共 1 件/.test(document.getElementById('team-status')!.textContent ?? ''));
      await page.selectOption('#team', '执恢团队');
      await page.click('#team-button');
      await page.waitForFunction(() =>
        /执恢团队在 2026-11-20 没有新分案件/.test(document.getElementById('team-status')!.textContent ?? ''),
      );
    });

    it('shows the file center the deleted cases and restores one; a team does not see the section', async () => {
      const synced = await service.admin.sync(manyCases(3, 901));
      assert.equal(synced.status, 200);
      const kept = synced.body.rows[0];
      const snapshot = { rows: [{ rowId: kept.rowId, values: manyCases(1, 901)[0].values }], mode: 'snapshot', confirmDeletes: true };
      assert.equal((await service.admin.post('/api/ledgers/cases/sync?asOf=2026-10-05', snapshot)).status, 200);
      const team = await addUser(service, '速执团队', ['team:速执团队']);
      const files = await addUser(service, '卷宗管理中心', ['files']);

      await signIn(team);
      await page.waitForSelector('#template-list li', { state: 'attached' });
      assert.equal(await page.isVisible('#deleted-rows'), false);
      await page.click('#sign-out-button');

      await signIn(files);
      await page.waitForSelector('#deleted-rows', { state: 'visible' });
      await page.click('#deleted-button');
      await page.waitForSelector('#deleted-result table');
      assert.match((await page.textContent('#deleted-status')) ?? '', /执行案件流转台账共有 2 行已删除/);
      const rows = await page.$$eval('#deleted-result tbody tr', (lines) =>
        lines.map((line) => Array.from(line.querySelectorAll('td'), (cell) => cell.textContent)),
      );
      assert.deepEqual(rows.map((row) => [row[0], row[2], row[3]]).sort(), [
        ['（2026）豫0102执902号', 'admin', '恢复'],
        ['（2026）豫0102执903号', 'admin', '恢复'],
      ]);
      await fs.mkdir(ARTIFACTS, { recursive: true });
      await page.locator('#deleted-rows').screenshot({ path: path.join(ARTIFACTS, 'web-page-deleted-rows.png') });

      await page.click('#deleted-result tbody tr:first-child button');
      await page.waitForFunction(() => /已恢复/.test(document.getElementById('deleted-status')!.textContent ?? ''));
      assert.equal(await page.locator('#deleted-result tbody tr').count(), 1);
      assert.equal((await storedRows(service)).filter((row) => !row.deleted).length, 2);
    });

    it('lists the weekly reports the service made by itself, and downloads any week as xlsx', async () => {
      await signIn();
      // A fresh service makes last week's report at start.
      await page.waitForSelector('#report-list li');
      assert.match((await page.textContent('#report-list')) ?? '', /周通报 \d{4}-W\d{2}（\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}）/);
      // 下载 gives the file stored on its Monday, byte for byte; 重新生成 counts the week again.
      const [stored] = await service.store.reports.list();
      const storedBytes = await service.store.reports.read(stored.file);
      const listed = await downloadBy(() => page.click('#report-list li button[data-action="stored"]'));
      assert.equal(listed.name, stored.file);
      assert.ok(storedBytes && listed.file.equals(Buffer.from(storedBytes)), 'the download is the stored file');
      const again = await downloadBy(() => page.click('#report-list li button[data-action="regenerate"]'));
      assert.equal(again.name, stored.file);
      assert.equal(again.file.subarray(0, 2).toString(), 'PK');
      assert.match((await page.textContent('#report-list-status')) ?? '', /已下载/);

      await page.fill('#week', '2026-W40');
      const chosen = await downloadBy(() => page.click('#weekly-button'));
      assert.equal(chosen.name, '周通报-2026-W40.xlsx');
      const workbook = await loadWorkbook(chosen.file);
      assert.ok(workbook.worksheets.length > 0);
      assert.match((await page.textContent('#weekly-status')) ?? '', /已下载「周通报-2026-W40\.xlsx」/);
    });

    it('lists the Word 周通报 beside the Excel one, downloads the stored one and makes any week as Word', async () => {
      await signIn();
      await page.waitForSelector('#report-list li button[data-action="stored-docx"]');
      assert.deepEqual(await page.$$eval('#report-list li:first-child button', (buttons) => buttons.map((button) => button.textContent)), [
        '下载 Word',
        '下载 Excel',
        '重新生成 Word',
        '重新生成 Excel',
      ]);
      const [stored] = await service.store.reports.list();
      assert.ok(stored.docx, 'the Monday run kept a docx');
      const storedBytes = await service.store.reports.read(stored.docx.file);
      const word = await downloadBy(() => page.click('#report-list li button[data-action="stored-docx"]'));
      assert.equal(word.name, stored.docx.file);
      assert.ok(storedBytes && word.file.equals(Buffer.from(storedBytes)), 'the download is the stored docx');
      const again = await downloadBy(() => page.click('#report-list li button[data-action="regenerate-docx"]'));
      assert.equal(again.name, stored.docx.file);
      const documentXml = await (await JSZip.loadAsync(again.file)).file('word/document.xml')!.async('string');
      assert.match(documentXml, /执行工作周通报/);
      await fs.mkdir(ARTIFACTS, { recursive: true });
      await page.locator('#reports').screenshot({ path: path.join(ARTIFACTS, 'web-page-weekly-reports.png') });

      await page.fill('#week', '2026-W40');
      const chosen = await downloadBy(() => page.click('#weekly-docx-button'));
      assert.equal(chosen.name, '周通报-2026-W40.docx');
      assert.match((await page.textContent('#weekly-status')) ?? '', /已下载「周通报-2026-W40\.docx」/);
    });
  });
});
