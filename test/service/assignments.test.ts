// The 分案清单 over HTTP, as a team's 内勤 gets it: official case numbers and one date form from
// whatever the clerks typed, 承办人 and the node columns, 超期 first then by days left, paged;
// the same list as an xlsx (date cells, frozen header, print layout) and as a Word document.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fastTeamBureau, fastTeamCase } from '../helpers/assignments.ts';
import { convertToPdf, pdfPages, sofficeCommand, writerInstalled } from '../helpers/office-convert.ts';
import { ADMIN_TOKEN, assertError, Sandbox, type Reply, type TestService } from '../helpers/service.ts';
import { loadWorkbook } from '../helpers/workbooks.ts';

const AS_OF = '2026-10-20';
const LIST = '/api/ledgers/cases/assignments';

async function sync(service: TestService, rows: unknown[]) {
  const reply = await service.admin.post(`/api/ledgers/cases/sync?asOf=${AS_OF}`, { rows });
  assert.equal(reply.status, 200, reply.text.slice(0, 300));
}

async function file(service: TestService, query: Record<string, string>): Promise<{ reply: Response; bytes: Buffer }> {
  const reply = await fetch(`${service.url}${LIST}?${new URLSearchParams({ asOf: AS_OF, ...query })}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  return { reply, bytes: Buffer.from(await reply.arrayBuffer()) };
}

const list = (service: TestService, query: Record<string, string>): Promise<Reply> =>
  service.admin.get(`${LIST}?${new URLSearchParams({ asOf: AS_OF, ...query })}`);

/** Each row's cells under the list's headers. */
function byHeader(reply: Reply): Array<Record<string, unknown>> {
  const { columns, rows } = reply.body as {
    columns: Array<{ id: string; header: string }>;
    rows: Array<{ cells: Record<string, unknown> }>;
  };
  return rows.map((row) => Object.fromEntries(columns.map((column) => [column.header, row.cells[column.id]])));
}

describe('the 分案清单 (GET /api/ledgers/cases/assignments)', function () {
  this.timeout(60_000);
  const sandbox = new Sandbox();
  let service: TestService;

  before(async () => {
    service = await sandbox.start();
    await sync(service, [
      // Triaged in June: 60 days past, 超期.
      fastTeamCase(11, AS_OF, 130),
      // Triaged 2026.10.12, filed 2026年10月9日: 正常.
      fastTeamCase(12, AS_OF, 8, { filedOn: '2026年10月9日', triagedOn: '2026.10.12', transferredOn: '2026-10-12' }),
      // Triaged 55 days ago: 临期 (its 60 days end within the week).
      fastTeamCase(13, AS_OF, 55),
      // Triaged today; an identity number typed into the respondent's name.
      fastTeamCase(14, AS_OF, 0, { respondent: '张三 410102199001011237', respondentId: '410102199001011237' }),
      // Triaged today, 足额: 7 days.
      fastTeamCase(15, AS_OF, 0, { propertyResult: '足额' }),
      // 首执团队 (over 5万), triaged today: on that team's list only.
      fastTeamCase(16, AS_OF, 0, { amount: 1_000_000 }),
      // Triaged today and closed the same day: on the day's list, not on the open list.
      fastTeamCase(17, AS_OF, 0, { closedOn: AS_OF, closureMode: '执行完毕' }),
      // Not triaged: on no list.
      { values: { caseNo: '（2026）豫0102执18号', filedOn: '2026-10-19', respondent: '未分流', amount: 10_000 } },
    ]);
  });
  after(() => sandbox.cleanUp());

  it('gives a team’s open cases, 超期 first then by days left, in the official form, dates as YYYY-MM-DD', async () => {
    const reply = await list(service, { team: '速执团队' });
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(
      reply.body.columns.map((column: { header: string }) => column.header),
      ['案号', '申请执行人', '被执行人', '立案日期', '分流日期', '承办人', '结案期限', '当前节点', '节点期限', '剩余天数', '预警'],
    );
    assert.equal(reply.body.total, 5);
    assert.equal(reply.body.overdue, 1);
    assert.equal(reply.body.dueSoon, 1);
    const rows = byHeader(reply);
    assert.deepEqual(
      rows.map((row) => [row['案号'], row['预警']]),
      [
        ['（2026）豫0102执11号', '超期'],
        ['（2026）豫0102执13号', '临期'],
        ['（2026）豫0102执15号', '正常'],
        ['（2026）豫0102执12号', '正常'],
        ['（2026）豫0102执14号', '正常'],
      ],
    );
    const daysLeft = rows.map((row) => row['剩余天数'] as number);
    assert.ok(daysLeft[0] < 0 && daysLeft.slice(2).every((days, i, all) => i === 0 || all[i - 1] <= days), daysLeft.join());
    const twelve = rows.find((row) => row['案号'] === '（2026）豫0102执12号');
    assert.equal(twelve?.['立案日期'], '2026-10-09');
    assert.equal(twelve?.['分流日期'], '2026-10-12');
    for (const row of rows) {
      for (const header of ['立案日期', '分流日期', '结案期限', '节点期限'])
        assert.match(String(row[header]), /^\d{4}-\d{2}-\d{2}$/, header);
      assert.match(String(row['承办人']), /^承办人\d$/);
    }
    const fourteen = rows.find((row) => row['案号'] === '（2026）豫0102执14号');
    assert.equal(fourteen?.['被执行人'], '张三 4101**********1237');
    assert.ok(!reply.text.includes('410102199001011237'), 'an identity number left the service unmasked');
  });

  it('gives the day’s list: the cases triaged to the team that day, closed ones too', async () => {
    const reply = await list(service, { team: '速执团队', date: AS_OF });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.date, AS_OF);
    assert.deepEqual(
      byHeader(reply)
        .map((row) => row['案号'])
        .sort(),
      ['（2026）豫0102执14号', '（2026）豫0102执15号', '（2026）豫0102执17号'],
    );
    const first = byHeader(await list(service, { team: '首执团队', date: AS_OF }));
    assert.deepEqual(
      first.map((row) => row['案号']),
      ['（2026）豫0102执16号'],
    );
    assert.equal((await list(service, { team: '执恢团队', date: AS_OF })).body.total, 0);
  });

  it('refuses in Chinese a team that is not a team, a missing team, a bad format or date, and a ledger without teams', async () => {
    assert.match(
      assertError(await list(service, { team: '速执组' }), 400, 'bad_team'),
      /团队「速执组」无效，应为 速执团队、特执团队、首执团队、执恢团队/,
    );
    assert.match(assertError(await list(service, {}), 400, 'no_team'), /请选择团队/);
    assert.match(assertError(await list(service, { team: '速执团队', format: 'pdf' }), 400, 'bad_format'), /json、xlsx 或 docx/);
    assert.match(assertError(await list(service, { team: '速执团队', date: '2026.10.20' }), 400, 'bad_date'), /YYYY-MM-DD/);
    assert.match(assertError(await list(service, { team: '速执团队', pageSize: '0' }), 400, 'bad_pageSize'), /1 至 500/);
    assert.match(
      assertError(await service.admin.get('/api/ledgers/payments/assignments?team=速执团队'), 400, 'no_teams'),
      /案款台账不分团队/,
    );
    assertError(await service.admin.get('/api/ledgers/nothing/assignments?team=速执团队'), 404, 'unknown_ledger');
  });

  it('writes the list as an xlsx: title, header frozen under it, date cells, print layout', async () => {
    const { reply, bytes } = await file(service, { team: '速执团队', format: 'xlsx' });
    assert.equal(reply.status, 200);
    assert.match(decodeURIComponent(reply.headers.get('content-disposition') ?? ''), /分案清单-速执团队-未结-2026-10-20\.xlsx/);
    const workbook = await loadWorkbook(bytes);
    assert.equal(workbook.worksheets.length, 1);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.getCell('A1').value, '速执团队分案清单');
    assert.match(String(sheet.getCell('A2').value), /全部未结案件，共 5 件，其中超期 1 件、临期 1 件；统计至 2026-10-20/);
    assert.equal(sheet.getCell('A3').value, '案号');
    assert.deepEqual(
      sheet.views.map((view) => [view.state, (view as ExcelJS.WorksheetViewFrozen).ySplit]),
      [['frozen', 3]],
    );
    assert.equal(sheet.getCell('A4').value, '（2026）豫0102执11号');
    const headers = (sheet.getRow(3).values as unknown[]).slice(1);
    const filedOn = sheet.getCell(5, headers.indexOf('立案日期') + 1);
    assert.ok(filedOn.value instanceof Date, `立案日期 is ${typeof filedOn.value}`);
    assert.equal(filedOn.numFmt, 'yyyy-mm-dd');
    assert.equal(typeof sheet.getCell(4, headers.indexOf('剩余天数') + 1).value, 'number');
    assert.equal(sheet.getCell(4, headers.indexOf('预警') + 1).value, '超期');
    assert.equal(sheet.pageSetup.orientation, 'landscape');
    assert.equal(sheet.pageSetup.fitToWidth, 1);
    assert.equal(sheet.pageSetup.printTitlesRow, '3:3');
  });

  it('writes the list as a Word document that opens back with its rows, on a turned A4 page', async function () {
    await service.admin.put('/api/settings/report', {
      court: '××市××区人民法院',
      unit: '执行局 执行指挥中心',
      startWeek: '2026-W01',
      signedBy: '执行指挥中心',
    });
    const { reply, bytes } = await file(service, { team: '速执团队', format: 'docx', date: AS_OF });
    assert.equal(reply.status, 200);
    assert.match(reply.headers.get('content-type') ?? '', /wordprocessingml/);
    assert.match(decodeURIComponent(reply.headers.get('content-disposition') ?? ''), /分案清单-速执团队-2026-10-20\.docx/);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const seen of [
      '速执团队分案清单',
      '××市××区人民法院执行局 执行指挥中心',
      '分案日期：2026-10-20',
      '（2026）豫0102执14号',
      '张三 4101**********1237',
    ])
      assert.ok(text.includes(seen), seen);
    assert.ok(!text.includes('410102199001011237'));
    assert.match(xml, /<w:pgSz[^>]*w:orient="landscape"/);
    const order = ['（2026）豫0102执15号', '（2026）豫0102执14号', '（2026）豫0102执17号'].map((caseNo) => text.indexOf(caseNo));
    assert.ok(order.every((at) => at > 0));
    await convertsToPdf(this, bytes);
  });

  it('pages a long list: 50 a page by default, 超期 on the first pages, a page past the end gives the last', async () => {
    const big = await sandbox.start();
    await sync(big, fastTeamBureau(120, AS_OF, 1000));
    const first = await list(big, { team: '速执团队' });
    assert.deepEqual([first.body.page, first.body.pageSize, first.body.pages, first.body.total], [1, 50, 3, 120]);
    assert.equal(first.body.rows.length, 50);
    const all = [1, 2, 3].map(async (page) => byHeader(await list(big, { team: '速执团队', page: String(page) })));
    const alerts = (await Promise.all(all)).flat().map((row) => row['预警']);
    assert.equal(alerts.length, 120);
    const lastOverdue = alerts.lastIndexOf('超期');
    assert.ok(lastOverdue > 0 && alerts.indexOf('正常') > lastOverdue, alerts.join());
    const past = await list(big, { team: '速执团队', page: '9', pageSize: '100' });
    assert.deepEqual([past.body.page, past.body.pages, past.body.rows.length], [2, 2, 20]);
    // A case triaged since the last page was asked is on the next one asked.
    await sync(big, [fastTeamCase(5000, AS_OF, 200)]);
    const after = await list(big, { team: '速执团队' });
    assert.equal(after.body.total, 121);
    assert.equal(after.body.rows[0].cells.caseNo, '（2026）豫0102执5000号', 'the longest overdue first');
  });
});

/** LibreOffice, where installed with its writer, turns the document into a PDF without error. */
async function convertsToPdf(test: Mocha.Context, docx: Buffer): Promise<void> {
  const soffice = sofficeCommand();
  if (!soffice || !writerInstalled(soffice)) return void console.log('      未安装 LibreOffice 的 writer，不检查分案清单转换为 PDF');
  test.timeout(180_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-list-docx-'));
  try {
    const source = path.join(dir, '分案清单.docx');
    await writeFile(source, docx);
    const pdf = await readFile(convertToPdf(soffice, source, dir));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdfPages(pdf) >= 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
