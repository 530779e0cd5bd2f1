// 周通报 from the task pane: the service's report of a week written into a new sheet of the
// workbook, with a column chart of the team figures, and written again in place.

import assert from 'node:assert/strict';
import JSZip from 'jszip';
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
import { caseNo } from './ledger-rows.ts';

const WEEK = '2026-W47';
const SHEET = `周通报 ${WEEK}`;

describe('add-in in the browser: 周通报 into a sheet', function () {
  this.timeout(120_000);
  let service: TestService;
  let pane: Pane;

  before(async function () {
    prepareBrowserSuite(this);
    service = await startTestService();
    // One case triaged to 速执团队 in that week (Monday 2026-11-16 to Sunday 2026-11-22).
    const response = await fetch(`${service.url}/api/ledgers/cases/sync?asOf=2026-11-22`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        rows: [
          {
            values: {
              caseNo: caseNo(901),
              filedOn: '2026-11-16',
              respondent: '周报甲',
              amount: 10_000,
              transferredOn: '2026-11-18',
              triagedOn: '2026-11-18',
            },
          },
        ],
      }),
    });
    assert.equal(response.status, 200);
    pane = await openPane(service.url);
    await connect(pane, service.url, ADMIN_TOKEN);
  });

  after(async () => {
    await pane?.close();
    await service?.close();
  });

  async function teamRow(team: string): Promise<unknown[]> {
    const values = (await pane.hostWith((host, sheet) => host.readValues(sheet, 'A1:H60'), SHEET)) as unknown[][];
    const row = values.find((cells) => cells[0] === team);
    assert.ok(row, `${team} is listed in the team block`);
    return row;
  }

  it('writes the week’s report into a new sheet with the team figures and a native column chart', async () => {
    await pane.page.fill('#report-week', WEEK);
    const message = await clickAndWait(pane, '#write-report');
    assert.match(message, /已写入工作表「周通报 2026-W47」（2026-11-16 至 2026-11-22，统计至 2026-11-22），含各团队收结案图表/);
    assert.ok((await pane.host((host) => host.sheetNames())).includes(SHEET));
    assert.equal(await pane.host((host) => host.activeSheet()), SHEET);
    const received = (await teamRow('速执团队'))[1];
    assert.equal(received, 1, '速执团队 received one case that week');
    const [chart] = (await pane.hostWith((host, sheet) => host.sheetInfo(sheet), SHEET)).charts;
    assert.equal(chart.type, 'ColumnClustered');
    assert.ok(chart.title.length > 0 && chart.topLeft && chart.bottomRight, JSON.stringify(chart));
  });

  it('opens the Word 周通报 in a browser window through a one-time link holding no token', async () => {
    await pane.page.fill('#report-week', WEEK);
    // The stand-in Excel has no OpenBrowserWindowApi, so the pane opens a window (target _blank):
    // the test keeps the address it opens and fetches it as the browser would, without the token.
    await pane.page.evaluate(() => {
      window.open = (url?: string | URL) => {
        (window as unknown as { opened: string }).opened = String(url);
        return null;
      };
    });
    const message = await clickAndWait(pane, '#download-report-docx');
    assert.match(message, /已在浏览器中打开 Word 周通报的下载（下载链接两分钟内有效，只能使用一次）/);
    const url = await pane.page.evaluate(() => (window as unknown as { opened: string }).opened);
    assert.match(url, new RegExp(`^${service.url}/api/report-downloads/[\\w-]+$`));
    assert.ok(!url.includes(ADMIN_TOKEN), 'the token is not in the address');
    const first = await fetch(url);
    assert.equal(first.status, 200);
    assert.match(first.headers.get('content-disposition') ?? '', /2026-W47\.docx/);
    const bytes = Buffer.from(await first.arrayBuffer());
    const documentXml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    assert.match(documentXml, /关于2026年第47周执行工作情况的通报/);
    const again = await fetch(url);
    assert.equal(again.status, 404, 'the link works once');
  });

  it('replaces the sheet of the same week when written again, leaving no copy behind', async () => {
    await clickAndWait(pane, '#write-report');
    const names = await pane.host((host) => host.sheetNames());
    assert.equal(names.filter((name) => name.startsWith(SHEET)).length, 1, names.join('、'));
    assert.equal((await pane.hostWith((host, sheet) => host.sheetInfo(sheet), SHEET)).charts.length, 1);
  });
});
