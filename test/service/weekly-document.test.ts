// The 周通报 as a Word document through HTTP, over the constructed bureau (test/domain/report/
// bureau.ts) and 25 long-overdue cases of one 承办人 whose name carries an identity number: every
// figure of the summary and of the team and node tables equals the JSON's, the 超期 named per team
// capped at 20 with 「另有 N 件」, the identity number masked, the chart images drawn. LibreOffice,
// where installed, turns it into a PDF, whose first page is kept as a PNG to look at.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CHART_COLORS } from '../../client/charts/index.ts';
import { formatYuan, maskIdentity } from '../../service/domain/normalize/index.ts';
import { overdueByTeam } from '../../service/domain/report/overdue-by-team.ts';
import { percentText, reportSummary } from '../../service/domain/report/summary.ts';
import type { TrendWeek } from '../../service/domain/report/trend.ts';
import type { WeeklyReport } from '../../service/domain/report/weekly-report.ts';
import { bureau } from '../domain/report/bureau.ts';
import { inkShare, pixelsOf, readPng } from '../helpers/png.ts';
import { ADMIN_TOKEN, Sandbox, type TestService } from '../helpers/service.ts';
import { convertToPdf, pdfPages, sofficeCommand, writerInstalled } from '../helpers/office-convert.ts';

const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const IDENTITY = '410102199001011234';
const ARTIFACTS = path.resolve('test-artifacts', 'weekly-document');

/** 25 cases triaged in 2025 and never closed: past their closing deadline, all 赵法官's. */
const LONG_OVERDUE = Array.from({ length: 25 }, (_, index) => ({
  caseNo: `（2025）豫0102执${9001 + index}号`,
  filedOn: '2025-09-01',
  respondent: `逾期被执行人${index}`,
  receptionOn: '2025-09-01',
  noticeOn: '2025-09-03',
  transferredOn: '2025-09-08',
  triagedOn: '2025-09-08',
  amount: 20_000,
  handler: `赵法官 ${IDENTITY}`,
}));

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const textOf = (xml: string) => unescape([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''));

/** The document's paragraphs outside tables, and its tables as rows of cell texts. */
function readDocument(xml: string): { paragraphs: string[]; tables: string[][][] } {
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...table[1].matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...row[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => textOf(cell[1])),
    ),
  );
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...outside.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)].map((paragraph) => textOf(paragraph[1]));
  return { paragraphs, tables };
}

const tableStarting = (tables: string[][][], header: string) => {
  const table = tables.find((rows) => rows[0]?.[0] === header);
  assert.ok(table, `a table headed ${header}`);
  return table;
};

describe('the 周通报 as a Word document through HTTP', () => {
  const sandbox = new Sandbox();
  let service: TestService;
  let report: WeeklyReport;
  let lastWeek: TrendWeek;
  let docx: Buffer;
  let zip: JSZip;
  let documentXml: string;

  before(async function () {
    // A service start, eleven syncs and three reports, each report in a worker that starts tsx: on a
    // loaded 2-core machine (both suites side by side) this took over the default 20 s.
    this.timeout(120_000);
    service = await sandbox.start({ clock: () => shanghai('2026-05-18 08:00') });
    const rows = bureau();
    rows.cases = [...rows.cases, ...LONG_OVERDUE];
    for (const [ledger, ledgerRows] of Object.entries(rows)) {
      const synced = await service.admin.post(`/api/ledgers/${ledger}/sync?asOf=2026-05-17`, {
        rows: ledgerRows.map((values) => ({ values })),
      });
      assert.equal(synced.status, 200, synced.text.slice(0, 500));
    }
    const settings = { court: '郑州市金水区人民法院', unit: '执行局 执行指挥中心', startWeek: '2026-W01', signedBy: '执行指挥中心' };
    assert.equal((await service.admin.put('/api/settings/report', settings)).status, 200);
    report = (await service.admin.get('/api/reports/weekly?week=2026-W20&asOf=2026-05-17')).body;
    const trend: TrendWeek[] = (await service.admin.get('/api/reports/trend?weeks=2&asOf=2026-05-17')).body;
    lastWeek = trend[0];
    const response = await fetch(`${service.url}/api/reports/weekly?week=2026-W20&asOf=2026-05-17&format=docx`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(response.headers.get('content-disposition') ?? '', /filename\*=UTF-8''%E5%91%A8%E9%80%9A%E6%8A%A5-2026-W20\.docx/);
    docx = Buffer.from(await response.arrayBuffer());
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, '周通报-2026-W20.docx'), docx);
    zip = await JSZip.loadAsync(docx);
    documentXml = await zip.file('word/document.xml')!.async('string');
  });
  after(() => sandbox.cleanUp());

  it('is headed with the unit, 第20期 counted from 2026-W01, the title and the date, and signed', () => {
    const { paragraphs } = readDocument(documentXml);
    assert.equal(paragraphs[0], '执行工作周通报');
    assert.equal(paragraphs[1], '第20期');
    assert.equal(paragraphs[2], '郑州市金水区人民法院执行局 执行指挥中心2026年5月18日');
    assert.ok(paragraphs.includes('关于2026年第20周执行工作情况的通报'));
    assert.deepEqual(paragraphs.slice(-2), ['执行指挥中心', '2026年5月18日']);
  });

  it("opens with the summary written from the JSON's figures, each against last week", () => {
    const { paragraphs } = readDocument(documentXml);
    const sentences = reportSummary(report, lastWeek.bureau).map((sentence) => sentence.text);
    const summary = paragraphs[paragraphs.indexOf('一、总体情况') + 1];
    assert.equal(summary, sentences.join(''));
    const received = report.teams.reduce((sum, team) => sum + team.received, 0);
    const closed = report.teams.reduce((sum, team) => sum + team.closed, 0);
    const change = received - lastWeek.bureau.received;
    assert.ok(summary.startsWith(`本周收案 ${received} 件，较上周${change > 0 ? '上升' : '下降'} ${Math.abs(change)} 件。`), summary);
    assert.ok(summary.includes(`本周结案 ${closed} 件`));
    assert.ok(summary.includes(`结案率 ${percentText(Math.round((closed / received) * 10_000) / 10_000)}`));
    const most = Math.max(...report.teams.map((team) => team.overdue));
    const worst = report.teams.find((team) => team.overdue === most)!.team;
    assert.ok(summary.includes(`其中${worst}最多`), summary);
    assert.ok(
      summary.includes(`超过发放期限未发放的案款 ${report.payments.over30} 笔，金额 ${formatYuan(report.payments.over30Amount)} 元`),
    );
    assert.ok(summary.includes(`待解除、待删除、待撤控的措施 ${report.measures.pendingRevocation} 项`));
  });

  it("holds every figure of the JSON's team and node tables, in ruled tables", () => {
    const { tables } = readDocument(documentXml);
    const teams = tableStarting(tables, '团队');
    assert.deepEqual(
      teams.slice(1),
      report.teams.map((team) => [
        team.team,
        String(team.received),
        String(team.closed),
        String(team.open),
        String(team.overdue),
        String(team.dueSoon),
        team.closeRate === null ? '—' : percentText(team.closeRate),
        team.avgDaysToClose === null ? '—' : team.avgDaysToClose.toFixed(1),
      ]),
    );
    const nodes = tableStarting(tables, '节点');
    assert.deepEqual(
      nodes.slice(1),
      report.nodes.map((node) => [node.node, ...[node.dueThisWeek, node.doneOnTime, node.doneLate, node.openOverdue].map(String)]),
    );
    assert.match(documentXml, /<w:tblBorders><w:top w:val="single"/);
    assert.match(documentXml, /<w:tblHeader\/>/, 'the header row repeats on every page');
  });

  it('names the longest-overdue cases per team, 20 at most, then 「另有 N 件」, identity numbers masked', () => {
    const { paragraphs, tables } = readDocument(documentXml);
    const lists = tables.filter((rows) => rows[0]?.[0] === '案号');
    const expected = overdueByTeam(report.overdue);
    assert.equal(lists.length, expected.length);
    assert.ok(
      expected.some((team) => team.more > 0),
      'a team with more than 20 overdue',
    );
    expected.forEach((team, index) => {
      assert.ok(paragraphs.includes(`（${'一二三四五'[index]}）${team.team}：超期未完成 ${team.total} 件`), team.team);
      assert.deepEqual(
        lists[index].slice(1).map((row) => [row[0], row[2], row[3], row[4]]),
        team.shown.map((node) => [node.caseNo, node.dueOn, String(node.daysOverdue), node.handler]),
      );
      assert.ok(lists[index].length <= 21);
      if (team.more > 0) assert.ok(paragraphs.includes(`另有 ${team.more} 件，见同期 Excel 周通报的超期节点清单。`), team.team);
    });
    assert.ok(!documentXml.includes(IDENTITY), 'no identity number in clear');
    assert.ok(documentXml.includes(`赵法官 ${maskIdentity(IDENTITY)}`));
  });

  it('holds the team chart and the 12-week trend as drawn, non-blank PNGs', async () => {
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    assert.equal(media.length, 2);
    for (const name of media) {
      const png = readPng(await zip.file(name)!.async('uint8array'));
      writeFileSync(path.join(ARTIFACTS, path.basename(name)), await zip.file(name)!.async('nodebuffer'));
      assert.ok(png.width >= 1000, `${name} is drawn for print`);
      assert.ok(inkShare(png) > 0.03, `${name} holds a chart`);
      assert.ok(pixelsOf(png, CHART_COLORS.received) > 500, `${name} has the 收案 bars`);
      assert.ok(pixelsOf(png, CHART_COLORS.overdue) > 200, `${name} has the 超期 figures`);
    }
    assert.ok(readDocument(documentXml).paragraphs.includes('图1 近12周收结案趋势'));
  });

  it('names the official faces with their alternates in the font table', async () => {
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    assert.match(fonts, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    assert.match(fonts, /<w:font w:name="方正小标宋简体"><w:altName w:val="方正小标宋_GBK"\/>/);
    assert.match(documentXml, /w:eastAsia="方正小标宋简体"/);
    assert.match(documentXml, /w:eastAsia="仿宋_GB2312"/);
  });

  it('heads the xlsx of the same week with the unit and 第20期 too', async () => {
    const response = await fetch(`${service.url}/api/reports/weekly?week=2026-W20&asOf=2026-05-17&format=xlsx`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    assert.match(
      String(workbook.worksheets[0].getCell('A2').value),
      /^郑州市金水区人民法院执行局 执行指挥中心 第20期；统计周：2026-05-11 至 2026-05-17/,
    );
  });

  it('gives a browser without the token the docx once through a one-time ticket, and never again', async () => {
    const refused = await fetch(`${service.url}/api/reports/weekly/ticket?week=2026-W20&format=docx`, { method: 'POST' });
    assert.equal(refused.status, 401);
    const issued = await service.admin.post('/api/reports/weekly/ticket?week=2026-W20&asOf=2026-05-17&format=docx', {});
    assert.equal(issued.status, 200, issued.text);
    assert.match(issued.body.url, /^\/api\/report-downloads\/[\w-]{32}$/);
    assert.ok(!issued.body.url.includes(ADMIN_TOKEN));
    const first = await fetch(service.url + issued.body.url);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = await (await JSZip.loadAsync(Buffer.from(await first.arrayBuffer()))).file('word/document.xml')!.async('string');
    assert.equal(readDocument(xml).tables.length, readDocument(documentXml).tables.length);
    const again = await fetch(service.url + issued.body.url);
    assert.equal(again.status, 404);
    assert.match((await again.json()).error.message, /下载链接已失效（只能使用一次，两分钟内有效）/);
  });

  it('converts to PDF with LibreOffice where it is installed', function () {
    this.timeout(180_000);
    const soffice = sofficeCommand();
    if (!soffice || !writerInstalled(soffice)) {
      console.log(
        `      （跳过：${soffice ? '已装 LibreOffice 但没有 writer（libreoffice-writer-nogui）' : '本机没有 LibreOffice（soffice）'}，无法把 docx 转换为 PDF）`,
      );
      return this.skip();
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'weekly-docx-'));
    try {
      const source = path.join(dir, '周通报-2026-W20.docx');
      writeFileSync(source, docx);
      const pdf = readFileSync(convertToPdf(soffice, source, dir));
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(pdfPages(pdf) >= 3, `${pdfPages(pdf)} pages`);
      writeFileSync(path.join(ARTIFACTS, '周通报-2026-W20.pdf'), pdf);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
