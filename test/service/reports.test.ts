// The weekly report through HTTP: on demand as JSON and xlsx, the automatic report made at start
// for a Monday the service missed, the list of stored reports and their download.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addUser, ADMIN_TOKEN, assertError, Sandbox, type TestService } from '../helpers/service.ts';

const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const fixedClock = (local: string) => ({ clock: () => shanghai(local) });

const CASES = [
  // Triaged Tuesday 11-24 (rule 9, 速执), one closed Thursday 11-26.
  {
    caseNo: '（2026）豫0102执5001号',
    filedOn: '2026-11-18',
    respondent: '甲',
    receptionOn: '2026-11-18',
    noticeOn: '2026-11-19',
    transferredOn: '2026-11-24',
    triagedOn: '2026-11-24',
    amount: 30_000,
    handler: '王法官',
  },
  {
    caseNo: '（2026）豫0102执5002号',
    filedOn: '2026-11-18',
    respondent: '乙',
    receptionOn: '2026-11-18',
    noticeOn: '2026-11-19',
    transferredOn: '2026-11-24',
    triagedOn: '2026-11-24',
    amount: 40_000,
    closedOn: '2026-11-26',
    closureMode: '执行完毕',
  },
  {
    caseNo: '（2026）豫0102执5003号',
    filedOn: '2026-11-18',
    respondent: '丙',
    receptionOn: '2026-11-18',
    noticeOn: '2026-11-19',
    transferredOn: '2026-11-24',
    triagedOn: '2026-11-24',
    amount: 1_000_000,
  },
];

async function download(
  service: TestService,
  route: string,
): Promise<{ status: number; type: string | null; disposition: string | null; sheet: ExcelJS.Worksheet | null; text: string }> {
  const response = await fetch(service.url + route, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  let sheet: ExcelJS.Worksheet | null = null;
  if (response.status === 200) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    sheet = workbook.worksheets[0];
  }
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    sheet,
    text: bytes.toString('utf8'),
  };
}

function rowStarting(sheet: ExcelJS.Worksheet, first: string): unknown[] {
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    if (sheet.getCell(r, 1).value === first) return Array.from({ length: 8 }, (_, c) => sheet.getCell(r, c + 1).value);
  }
  throw new Error(`no row ${first}`);
}

describe('weekly reports through HTTP', () => {
  const sandbox = new Sandbox();
  let dataDir: string;
  let service: TestService;

  before(async () => {
    dataDir = await sandbox.dataDir();
    // Wednesday of 2026-W48: the report of W47 is due and missing, so the start makes it.
    service = await sandbox.startOnDisk(dataDir, fixedClock('2026-11-25 10:00'));
    const synced = await service.admin.post('/api/ledgers/cases/sync', { rows: CASES.map((values) => ({ values })) });
    assert.equal(synced.status, 200, synced.text);
    const paid = await service.admin.post('/api/ledgers/payments/sync', {
      rows: [{ values: { caseNo: CASES[0].caseNo, receiptNo: 'LS1', receivedOn: '2026-11-25', amount: '1.2万' } }],
    });
    assert.equal(paid.status, 200, paid.text);
  });
  after(() => sandbox.cleanUp());

  it('makes the report of the week before at start when it is missing, and lists it', async () => {
    assert.ok(existsSync(path.join(dataDir, 'reports', '周通报-2026-W47.xlsx')));
    // Its figures are kept beside it for the trend, and neither listed nor downloadable.
    assert.ok(existsSync(path.join(dataDir, 'reports', '周通报-2026-W47.json')));
    const listed = await service.admin.get('/api/reports');
    assert.equal(listed.status, 200);
    assert.deepEqual(
      listed.body.map((report: { week: string; from: string; to: string; file: string; url: string }) => [
        report.week,
        report.from,
        report.to,
        report.file,
        report.url,
      ]),
      [['2026-W47', '2026-11-16', '2026-11-22', '周通报-2026-W47.xlsx', `/api/reports/${encodeURIComponent('周通报-2026-W47.xlsx')}`]],
    );
    assert.ok(listed.body[0].bytes > 0);
  });

  it('keeps the Word 周通报 of that Monday run beside the xlsx, lists it with its url and serves it as Word', async () => {
    assert.ok(existsSync(path.join(dataDir, 'reports', '周通报-2026-W47.docx')));
    const [listed] = (await service.admin.get('/api/reports')).body;
    assert.equal(listed.docx.file, '周通报-2026-W47.docx');
    assert.equal(listed.docx.url, `/api/reports/${encodeURIComponent('周通报-2026-W47.docx')}`);
    assert.ok(listed.docx.bytes > 0);
    const response = await fetch(service.url + listed.docx.url, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(bytes.length, listed.docx.bytes);
    const documentXml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    assert.match(documentXml, /关于2026年第47周执行工作情况的通报/);
    // Dated the Monday the report is made for.
    assert.match(documentXml, /2026年11月23日/);
  });

  it('answers the report of a week as JSON in the shape of SPEC §6, as of today within the week', async () => {
    const reply = await service.admin.get('/api/reports/weekly?week=2026-W48');
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(Object.keys(reply.body), [
      'week',
      'from',
      'to',
      'asOf',
      'teams',
      'nodes',
      'triage',
      'overrides',
      'payments',
      'measures',
      'archive',
      'overdue',
    ]);
    assert.deepEqual(
      [reply.body.week, reply.body.from, reply.body.to, reply.body.asOf],
      ['2026-W48', '2026-11-23', '2026-11-29', '2026-11-25'],
    );
    const fast = reply.body.teams[0];
    assert.deepEqual(
      fast,
      { team: '速执团队', received: 2, closed: 0, open: 2, overdue: 0, dueSoon: 0, avgDaysToClose: null, closeRate: 0 },
      'the closure on 11-26 is after today',
    );
    assert.deepEqual([reply.body.payments.received, reply.body.payments.receivedAmount, reply.body.payments.unnotified], [1, 12_000, 1]);
    const sunday = await service.admin.get('/api/reports/weekly?week=2026-W48&asOf=2026-11-29&format=json');
    assert.deepEqual(
      [sunday.body.asOf, sunday.body.teams[0].closed, sunday.body.teams[0].closeRate, sunday.body.teams[0].avgDaysToClose],
      ['2026-11-29', 1, 0.5, 8],
    );
  });

  it('answers the week before today when no week is given', async () => {
    const reply = await service.admin.get('/api/reports/weekly');
    assert.deepEqual([reply.body.week, reply.body.asOf], ['2026-W47', '2026-11-22']);
  });

  it('answers an xlsx of the same report, named for the week', async () => {
    const file = await download(service, '/api/reports/weekly?week=2026-W48&asOf=2026-11-29&format=xlsx');
    assert.equal(file.status, 200);
    assert.equal(file.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(file.disposition ?? '', /attachment;.*filename\*=UTF-8''%E5%91%A8%E9%80%9A%E6%8A%A5-2026-W48\.xlsx/);
    assert.equal(file.sheet!.name, '周通报 2026-W48');
    assert.deepEqual(rowStarting(file.sheet!, '速执团队'), ['速执团队', 2, 1, 1, 0, 0, 0.5, 8]);
  });

  it('lets every signed-in role read reports, and nobody without a token', async () => {
    const viewer = service.as(await addUser(dataDir, '观察员', ['viewer']));
    assert.equal((await viewer.get('/api/reports/weekly?week=2026-W48')).status, 200);
    assert.equal((await viewer.get('/api/reports')).status, 200);
    assertError(await service.anonymous.get('/api/reports'), 401);
    assertError(await service.anonymous.get('/api/reports/weekly?week=2026-W48'), 401);
  });

  it('refuses a bad week, format or asOf with a Chinese message naming it', async () => {
    const refusals: Array<[string, string, RegExp]> = [
      ['week=2026-W54', 'bad_week', /week「2026-W54」无效：2026 年的 ISO 周为第 01 至第 53 周/],
      ['week=2026-48', 'bad_week', /week「2026-48」无效：应为 YYYY-Www/],
      ['week=2026-W48&week=2026-W47', 'repeated_parameter', /参数 week 重复出现了 2 次，只能给一次/],
      ['week=2026-W48&format=pdf', 'bad_format', /format「pdf」无效，应为 json、xlsx 或 docx/],
      ['week=2026-W48&asOf=2026-02-30', 'bad_date', /asOf「2026-02-30」不是有效日期/],
      ['week=2026-W48&asOf=2026-11-22', 'bad_as_of', /2026-11-22 早于 2026-W48 的第一天 2026-11-23/],
      ['week=2026-W49', 'bad_as_of', /早于 2026-W49 的第一天 2026-11-30/],
    ];
    for (const [query, code, message] of refusals)
      assert.match(assertError(await service.admin.get(`/api/reports/weekly?${query}`), 400, code), message);
  });

  it('answers 404 for a stored report it does not have, and for any other file name', async () => {
    for (const name of [
      '周通报-2026-W01.xlsx',
      '周通报-2026-W47.json',
      '..%2Fusers.json',
      '%2E%2E%2F%2E%2E%2Fservice.lock',
      'audit.jsonl',
    ]) {
      assertError(await service.admin.get(`/api/reports/${name.includes('%') ? name : encodeURIComponent(name)}`), 404);
    }
  });

  describe('after a restart that missed a Monday', () => {
    before(async () => {
      await service.close();
      // Tuesday of W49: Monday 11-30 08:30 passed while the service was down.
      service = await sandbox.startOnDisk(dataDir, fixedClock('2026-12-01 10:00'));
    });

    it("makes up the missed report as of the week's Sunday, lists both, and serves the stored file", async () => {
      const listed = await service.admin.get('/api/reports');
      assert.deepEqual(
        listed.body.map((report: { week: string }) => report.week),
        ['2026-W48', '2026-W47'],
      );
      const stored = await download(service, listed.body[0].url);
      assert.equal(stored.status, 200);
      assert.match(String(stored.sheet!.getCell('A2').value), /数据截至 2026-11-29/);
      assert.deepEqual(rowStarting(stored.sheet!, '速执团队'), ['速执团队', 2, 1, 1, 0, 0, 0.5, 8]);
    });
  });
});
