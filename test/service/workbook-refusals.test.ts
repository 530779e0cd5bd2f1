// Files the annotate endpoint refuses: each gets { error: { code, message } } in Chinese, with 400
// or 413, and nothing of it is stored.

import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { WORKBOOK_LIMITS } from '../../service/workbook/limits.ts';
import {
  ADMIN_TOKEN,
  assertError,
  auditEntries,
  caseRow,
  storedLedgerText,
  rowsOf,
  Sandbox,
  type TestService,
} from '../helpers/service.ts';
import {
  annotate,
  clerkWorkbook,
  CLERK_ROWS,
  CLERK_SHEET,
  loadWorkbook,
  saveWorkbook,
  sheetXmlWithRows,
  workbookZip,
  type Annotated,
} from '../helpers/workbooks.ts';

describe('refused workbooks', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  beforeEach(async () => {
    service = await sandbox.start();
    rowsOf(await service.admin.sync([caseRow()]));
  });
  afterEach(() => sandbox.cleanUp());

  const storedState = async () => ({
    ledger: await storedLedgerText(service),
    audit: await auditEntries(service),
  });

  async function refused(
    send: () => Promise<Annotated | { status: number; text: string; body: any }>,
    status: number,
    code?: string,
  ): Promise<string> {
    const before = await storedState();
    const message = assertError(await send(), status, code);
    assert.deepEqual(await storedState(), before, 'a refused workbook changed the stored data');
    return message;
  }

  it('refuses a sheet with no room right of it for the status columns before storing or auditing any row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['案号', '立案日期', '被执行人']);
    sheet.addRow(['（2026）豫0102执77号', '2026-09-24', '张三']);
    sheet.getCell(2, 16_384).value = '最后一列';
    const message = await refused(async () => annotate(service, await saveWorkbook(workbook)), 400, 'no_room_for_columns');
    assert.match(message, /工作表「台账」右侧已没有空列/);
  });

  it('refuses a CSV renamed to .xlsx, saying what it is and how to save it', async () => {
    const csv = Buffer.from('案号,立案日期,被执行人\n（2026）豫0102执1号,2026-09-24,张三\n', 'utf8');
    const message = await refused(() => annotate(service, csv, { filename: '台账.xlsx' }), 400, 'not_xlsx');
    assert.match(message, /CSV/);
    assert.match(message, /另存为/);
  });

  it('refuses a truncated workbook as incomplete', async () => {
    const file = await clerkWorkbook();
    const message = await refused(() => annotate(service, file.subarray(0, Math.floor(file.length * 0.6))), 400, 'corrupt_xlsx');
    assert.match(message, /不完整或已损坏/);
  });

  it('refuses an old .xls, an empty file and a zip whose XML is broken', async () => {
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]);
    assert.match(await refused(() => annotate(service, xls, { filename: '台账.xls' }), 400, 'not_xlsx'), /97-2003/);
    await refused(() => annotate(service, Buffer.alloc(0)), 400, 'empty_file');
    const broken = workbookZip('<worksheet><sheetData><row r="1"><c', [{ name: 'xl/_rels/workbook.xml.rels', data: '<<<' }]);
    assert.match(await refused(() => annotate(service, broken), 400, 'unreadable_xlsx'), /不符合 Excel 格式/);
  });

  it('refuses a workbook without any ledger, naming the ledgers it knows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('通讯录').addRow(['姓名', '电话']);
    const message = await refused(async () => annotate(service, await saveWorkbook(workbook)), 400, 'no_ledger_found');
    assert.match(message, /执行案件流转台账/);
  });

  it('refuses an upload without the file field, and a request that is not multipart', async () => {
    await refused(async () => annotate(service, await clerkWorkbook(), { field: 'upload' }), 400, 'no_file');
    await refused(() => service.admin.post('/api/workbooks/annotate', { file: 'x' }), 400, 'not_multipart');
  });

  const limitMb = WORKBOOK_LIMITS.uploadBytes / 1024 / 1024;
  it(`refuses a file over ${limitMb} MB with 413, whether its length is declared or streamed`, async () => {
    const big = Buffer.alloc(WORKBOOK_LIMITS.uploadBytes + 1024 * 1024, 7);
    assert.match(await refused(() => annotate(service, big), 413, 'file_too_large'), /30 MB/);

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(big)]), '台账.xlsx');
    const encoded = new Response(form);
    const streamed = () =>
      fetch(`${service.url}/api/workbooks/annotate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': encoded.headers.get('content-type')! },
        body: encoded.body,
        duplex: 'half',
      } as RequestInit).then(async (response) => {
        const text = await response.text();
        return { status: response.status, text, body: JSON.parse(text) };
      });
    await refused(streamed, 413, 'file_too_large');
  });

  it('refuses a zip bomb with 413 from its directory', async () => {
    const bomb = workbookZip('<worksheet/>', [{ name: 'xl/media/image1.png', data: Buffer.alloc(100), declaredSize: 4_000_000_000 }]);
    assert.match(await refused(() => annotate(service, bomb), 413, 'unpacked_too_large'), /压缩炸弹/);
  });

  it('refuses a sheet of 1,000,000 rows with 413 and the numbers, before reading it', async () => {
    const file = workbookZip(sheetXmlWithRows(1_000_000));
    assert.ok(file.length < WORKBOOK_LIMITS.uploadBytes);
    const message = await refused(() => annotate(service, file), 413, 'too_many_rows');
    assert.match(message, /1,000,000 行/);
    assert.match(message, /60,000 行/);
  });

  it('refuses a workbook larger than the service’s memory can take with 413, and keeps running', async () => {
    // The old space is set here, not left to the Node version's default heap; what the service offers
    // is within it, whatever young generation that version adds (about 450 MB are asked for).
    const started = sandbox.spawn(await sandbox.dataDir(), { ADMIN_TOKEN, NODE_OPTIONS: '--max-old-space-size=256' });
    const small = { ...service, url: await started.url() };
    const message = assertError(await annotate(small, workbookZip(sheetXmlWithRows(60_000, 30))), 413, 'not_enough_memory');
    assert.match(message, /60,000 行、1,800,000 个单元格/);
    assert.match(message, /max-old-space-size/);
    const offered = Number(/只能提供约 ([\d,]+) MB/.exec(message)?.[1]?.replaceAll(',', ''));
    assert.ok(offered > 0 && offered < 256, message);
    assert.equal((await fetch(`${small.url}/api/health`)).status, 200);
    assert.equal(await annotate(small, await clerkWorkbook()).then((reply) => reply.status), 200);
  });

  it('refuses a ledger cell longer than a sync allows, naming the sheet and cell', async () => {
    const workbook = await loadWorkbook(await clerkWorkbook());
    workbook.getWorksheet(CLERK_SHEET)!.getCell(`E${CLERK_ROWS.overdue}`).value = '某'.repeat(2_001);
    const message = await refused(async () => annotate(service, await saveWorkbook(workbook)), 413, 'cell_too_long');
    assert.match(message, new RegExp(`工作表「${CLERK_SHEET}」E${CLERK_ROWS.overdue} 单元格（申请执行人）`));
  });
});
