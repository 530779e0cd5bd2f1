// The 指挥中心看板 in headless Chromium at 1366×768 and on a 1920×1080 wall screen, over the constructed
// bureau (test/helpers/dashboard-bureau.ts), as a manager looks at it: the team cards worst first
// with the 周通报's counts, the trend drawn, the alert list narrowed and paged, a case number opening
// the case page with every ledger's rows, 全屏 laid out for the wall and refreshing itself (the
// page's own five-minute timer, driven by Playwright's fake clock: no waiting).
// Screenshots: test-artifacts/dashboard-<size>.png, dashboard-wall-1366x768.png, case-page-<size>.png.

import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildAddin } from '../addin/browser/harness.ts';
import { DASHBOARD_AS_OF, dashboardClock, startDashboardService, WIDE_CASE } from '../helpers/dashboard-bureau.ts';
import { addUser, ADMIN_TOKEN, caseRow, ROOT, Sandbox, type TestService } from '../helpers/service.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const REFRESH_MS = 5 * 60_000;
const LEDGER_COUNT = 11;

interface Card {
  team: string;
  figures: Record<string, string>;
}

describe('the 指挥中心看板 in headless Chromium', function () {
  this.timeout(90_000);
  const sandbox = new Sandbox();
  let service: TestService;
  let managerToken: string;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`      浏览器测试未运行：找不到 Chromium（${CHROMIUM}）。`);
      this.skip();
    }
    this.timeout(240_000);
    buildAddin();
    service = await startDashboardService(sandbox);
    // A manager of the 执行事务中心: no admin, no team of their own.
    managerToken = await addUser(service, '王主任', ['affairs']);
    await fs.mkdir(ARTIFACTS, { recursive: true });
  });
  after(() => sandbox.cleanUp());

  for (const size of SIZES) {
    const label = `${size.width}x${size.height}`;

    describe(`at ${label}`, () => {
      let context: BrowserContext;
      let page: Page;
      let workDir: string;
      let problems: string[];

      beforeEach(async () => {
        workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ledger-dashboard-test-'));
        context = await chromium.launchPersistentContext(path.join(workDir, 'profile'), {
          executablePath: CHROMIUM,
          headless: true,
          args: FLAGS,
          viewport: size,
          timezoneId: 'Asia/Shanghai',
          locale: 'zh-CN',
        });
        page = context.pages()[0] ?? (await context.newPage());
        problems = [];
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(error.message));
        // The page's clock, at 10:00 on the service's day: its five-minute timer runs when told to.
        await page.clock.install({ time: dashboardClock() });
        await page.goto(`${service.url}/`);
      });

      afterEach(async () => {
        await context?.close();
        await fs.rm(workDir, { recursive: true, force: true });
        assert.deepEqual(problems, [], 'the page failed or broke its Content-Security-Policy');
      });

      async function signIn(token: string): Promise<void> {
        await page.fill('#token', token);
        await page.click('#sign-in-button');
        await page.waitForSelector('#team-cards .team-card');
        await page.waitForSelector('#alert-list tbody tr');
      }

      const cards = () =>
        page.$$eval('#team-cards .team-card', (elements) =>
          elements.map((card) => ({
            team: card.getAttribute('data-team') ?? '',
            figures: Object.fromEntries(
              Array.from(card.querySelectorAll('[data-figure]')).map((figure) => [
                figure.getAttribute('data-figure'),
                figure.querySelector('dd')?.textContent ?? '',
              ]),
            ),
          })),
        ) as Promise<Card[]>;

      /** Text cut off or spilling out of its box in the dashboard: what a person would see as broken. */
      const clipped = () =>
        page.$$eval('#team-cards .team-card *, .dashboard-bar *, #alert-pager *', (elements) =>
          elements
            .filter(
              (element) => element.getClientRects().length > 0 && element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0,
            )
            .map((element) => `${element.tagName}.${element.className}: ${element.textContent}`),
        );

      it("shows the team cards worst first with this week's 周通报 figures, and the trend drawn", async () => {
        await signIn(managerToken);
        const weekly = await service.admin.get(`/api/reports/weekly?week=2026-W21&asOf=${DASHBOARD_AS_OF}`);
        const teams = weekly.body.teams as Array<{
          team: string;
          open: number;
          overdue: number;
          dueSoon: number;
          received: number;
          closed: number;
          closeRate: number | null;
        }>;
        const shown = await cards();
        assert.equal(shown.length, teams.length);
        assert.equal(shown[0].team, '速执团队');
        const overdue = shown.map((card) => Number(card.figures.overdue));
        assert.deepEqual(
          overdue,
          [...overdue].sort((a, b) => b - a),
        );
        for (const card of shown) {
          const team = teams.find((entry) => entry.team === card.team)!;
          const rate = team.closeRate === null ? '—' : `${(team.closeRate * 100).toFixed(1)}%`;
          assert.deepEqual(card.figures, {
            open: String(team.open),
            overdue: String(team.overdue),
            'due-soon': String(team.dueSoon),
            received: String(team.received),
            closed: String(team.closed),
            'close-rate': rate,
          });
        }
        assert.match((await page.textContent('#dashboard-updated')) ?? '', /更新于 10:00/);
        await trendDrawn();
        assert.deepEqual(await clipped(), []);
        await page.evaluate(() => document.getElementById('dashboard')!.scrollIntoView());
        await page.screenshot({
          path: path.join(ARTIFACTS, size.width === 1366 ? `dashboard-${label}.png` : `dashboard-page-${label}.png`),
        });
      });

      it('narrows the alert list by a filter, and pages through it on the service', async () => {
        await signIn(ADMIN_TOKEN);
        const summary = async () => Number(/共 (\d+) 个节点/.exec((await page.textContent('#alert-summary')) ?? '')?.[1]);
        const total = await summary();
        assert.ok(total > 15, String(total));
        assert.equal(await page.locator('#alert-list tbody tr').count(), 15);
        assert.match((await page.textContent('#alert-page')) ?? '', new RegExp(`第 1 / ${Math.ceil(total / 15)} 页`));
        const firstPage = await page.locator('#alert-list tbody tr').first().textContent();
        await page.click('#alert-next');
        await page.waitForFunction(() => document.getElementById('alert-page')?.textContent?.startsWith('第 2 '));
        assert.notEqual(await page.locator('#alert-list tbody tr').first().textContent(), firstPage);

        await page.selectOption('#alert-ledger', 'payments');
        await page.waitForFunction(() => document.getElementById('alert-page')?.textContent?.startsWith('第 1 '));
        await page.waitForFunction(() =>
          Array.from(document.querySelectorAll('#alert-list tbody tr')).every((row) => row.children[0].textContent === '案款'),
        );
        const payments = await summary();
        assert.ok(payments > 0 && payments < total, `${payments} of ${total}`);
        const handlers = await page.$$eval('#alert-handler option', (options) => options.map((option) => option.textContent));
        assert.ok(handlers.includes('李书记员'), handlers.join());
        await page.selectOption('#alert-ledger', '');
        await page.selectOption('#alert-team', '首执团队');
        await page.waitForFunction(() =>
          Array.from(document.querySelectorAll('#alert-list tbody tr')).every((row) => row.children[7].textContent === '首执团队'),
        );
        assert.ok((await summary()) < total);
      });

      it('opens the case page from a case number in the list and from the search box, with every ledger’s rows', async () => {
        await signIn(managerToken);
        await page.selectOption('#alert-ledger', 'detentions');
        await page.waitForSelector(`#alert-list .case-link[data-case="${WIDE_CASE}"]`);
        await page.click(`#alert-list .case-link[data-case="${WIDE_CASE}"]`);
        await page.waitForSelector('#case-view:not([hidden]) .case-ledger');
        assert.equal(await page.textContent('#case-title'), WIDE_CASE);
        assert.equal(await page.isVisible('#dashboard-board'), false);
        const ledgers = await page.$$eval('#case-ledgers .case-ledger h4', (titles) => titles.map((title) => title.textContent));
        assert.equal(ledgers.length, LEDGER_COUNT, ledgers.join());
        // 结案, 发放, 启动定价, 拍卖裁定, 期满释放, 交回, 公安立案决定 overdue; the person control due today.
        assert.match((await page.textContent('#case-owner')) ?? '', /11 本台账有该案记录，超期节点 7 个、临期节点 1 个/);
        assert.ok(ledgers.includes('执行案件流转台账（1 条）') && ledgers.includes('案款台账（1 条）'), ledgers.join());
        const close = page.locator('.case-ledger[data-ledger="cases"] .timeline-node', { hasText: '结案' }).first();
        assert.equal(await close.getAttribute('data-state'), '超期');
        assert.match((await close.textContent()) ?? '', /期限 2026-04-14.*超期 36 天/);
        assert.doesNotMatch((await page.textContent('#case-view')) ?? '', /\d{17}[\dX]/);
        // The whole case page, every ledger's block, as tall as it is.
        await page.locator('#dashboard').screenshot({ path: path.join(ARTIFACTS, `case-page-${label}.png`) });

        await page.click('#case-back');
        await page.waitForSelector('#dashboard-board:not([hidden])');
        await page.fill('#case-search', WIDE_CASE.replace('（', '(').replace('）', ')'));
        await page.click('#case-search-button');
        await page.waitForSelector('#case-view:not([hidden])');
        assert.equal(await page.textContent('#case-title'), WIDE_CASE);
        await page.fill('#case-search', '（2026）豫0102执99999号');
        await page.click('#case-search-button');
        await page.waitForSelector('#case-status.error');
        assert.match((await page.textContent('#case-status')) ?? '', /没有案号为/);
      });

      it('goes full screen laid out for the wall, refreshes itself every five minutes, and stops at sign-out', async () => {
        await signIn(managerToken);
        await page.click('#dashboard-wall');
        await page.waitForSelector('#dashboard.wall');
        await page.waitForFunction(() => document.fullscreenElement?.id === 'dashboard');
        assert.equal(await page.textContent('#dashboard-wall'), '退出全屏');
        await page.waitForFunction((rows) => document.querySelectorAll('#alert-list tbody tr').length === rows, size.height < 900 ? 8 : 15);
        await trendDrawn();
        await page.screenshot({
          path: path.join(ARTIFACTS, size.width === 1920 ? `dashboard-${label}.png` : `dashboard-wall-${label}.png`),
        });
        const boxes = await page.evaluate(() =>
          Object.fromEntries(
            ['dashboard', 'team-cards', 'trend-panel', 'alerts-panel', 'alert-pager'].map((id) => {
              const box = document.getElementById(id)!.getBoundingClientRect();
              return [id, { top: box.top, left: box.left, right: box.right, bottom: box.bottom }];
            }),
          ),
        );
        // The dashboard fills the screen; the trend and the list stand side by side below the cards,
        // and the list's pager is on screen: a wall screen has no one to scroll it.
        assert.deepEqual(
          [boxes.dashboard.top, boxes.dashboard.left, boxes.dashboard.right, boxes.dashboard.bottom],
          [0, 0, size.width, size.height],
        );
        assert.ok(
          boxes['trend-panel'].top >= boxes['team-cards'].bottom && boxes['trend-panel'].top === boxes['alerts-panel'].top,
          JSON.stringify(boxes),
        );
        assert.ok(boxes['trend-panel'].right <= boxes['alerts-panel'].left, JSON.stringify(boxes));
        assert.ok(boxes['alert-pager'].bottom <= size.height, JSON.stringify(boxes['alert-pager']));
        const tableRight = await page.evaluate(() => document.querySelector('#alert-list table')!.getBoundingClientRect().right);
        assert.ok(
          tableRight <= boxes['alerts-panel'].right,
          `the list runs out of its panel: ${tableRight} > ${boxes['alerts-panel'].right}`,
        );
        assert.deepEqual(await clipped(), []);

        // A new 速执 case, triaged on 04-07 and past its 7-day closing: one more 超期 for the team.
        const before = Number((await cards()).find((card) => card.team === '速执团队')!.figures.overdue);
        const synced = await service.admin.post(`/api/ledgers/cases/sync?asOf=${DASHBOARD_AS_OF}`, {
          rows: [
            caseRow({
              caseNo: `（2026）豫0102执${9000 + size.width}号`,
              filedOn: '2026-04-01',
              receptionOn: '2026-04-01',
              noticeOn: '2026-04-03',
              transferredOn: '2026-04-07',
              triagedOn: '2026-04-07',
              amount: 200_000,
              propertyResult: '足额',
              respondent: '被执行人新',
              handler: '刘法官',
            }),
          ],
        });
        assert.equal(synced.status, 200, synced.text.slice(0, 300));
        await page.clock.runFor(REFRESH_MS);
        await page.waitForFunction(() => document.getElementById('dashboard-updated')?.textContent === '更新于 10:05');
        const after = Number((await cards()).find((card) => card.team === '速执团队')!.figures.overdue);
        assert.equal(after, before + 1);
        assert.ok(await page.evaluate(() => document.getElementById('dashboard')!.classList.contains('wall')));

        // Signed out, the timer stops: five more minutes ask the service nothing.
        await page.click('#dashboard-wall');
        await page.waitForFunction(() => !document.fullscreenElement);
        await page.click('#sign-out-button');
        await page.waitForSelector('#dashboard', { state: 'hidden' });
        const asked: string[] = [];
        page.on('request', (request) => asked.push(request.url()));
        await page.clock.runFor(2 * REFRESH_MS);
        assert.deepEqual(asked, []);
        assert.equal(await page.locator('#team-cards .team-card').count(), 0);
      });

      async function trendDrawn(): Promise<void> {
        await page.waitForSelector('#trend-chart canvas');
        // Drawn, not just made: the canvas holds coloured pixels (bars and lines), not a blank.
        await page.waitForFunction(() => {
          const canvas = document.querySelector<HTMLCanvasElement>('#trend-chart canvas');
          if (!canvas || canvas.width === 0) return false;
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          let coloured = 0;
          for (let index = 0; index < data.length; index += 4) {
            const [r, g, b, a] = [data[index], data[index + 1], data[index + 2], data[index + 3]];
            if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured += 1;
          }
          return coloured > 500;
        });
        assert.equal(await page.textContent('#trend-status'), '');
      }
    });
  }
});
