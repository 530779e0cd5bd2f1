// What is refused before exceljs reads a byte: files that are no xlsx, damaged files, zip bombs
// and sheets too large to hold in memory, each with a Chinese reason.

import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { WORKBOOK_LIMITS, WorkbookRefusal } from '../../service/workbook/limits.ts';
import { inspectXlsx } from '../../service/workbook/zip-inspection.ts';
import { CHINESE } from '../helpers/service.ts';
import { saveWorkbook, sheetXmlWithRows, workbookZip, zipOf } from '../helpers/workbooks.ts';

async function refusal(file: Buffer, limits: Parameters<typeof inspectXlsx>[1] = WORKBOOK_LIMITS): Promise<WorkbookRefusal> {
  try {
    await inspectXlsx(file, limits);
  } catch (error) {
    assert.ok(error instanceof WorkbookRefusal, String(error));
    assert.match(error.message, CHINESE);
    return error;
  }
  assert.fail('the file was accepted');
}

async function smallWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['案号', '立案日期']);
  sheet.addRow(['（2026）豫0102执1号', '2026-03-05']);
  sheet.mergeCells('C1:D2');
  return saveWorkbook(workbook);
}

describe('xlsx inspection before reading', () => {
  it('accepts an ordinary workbook and counts its rows, cells and merged areas', async () => {
    const inspection = await inspectXlsx(await smallWorkbook());
    assert.equal(inspection.rows, 2);
    // Four written cells plus the three covered by the merge.
    assert.ok(inspection.cells >= 7, String(inspection.cells));
    assert.equal(inspection.merges, 1);
  });

  it('refuses a CSV renamed to .xlsx, saying it is text', async () => {
    const error = await refusal(Buffer.from('案号,立案日期\n（2026）豫0102执1号,2026-03-05\n', 'utf8'));
    assert.equal(error.status, 400);
    assert.match(error.message, /CSV/);
    assert.match(error.message, /另存为/);
  });

  it('refuses an old .xls (or a password-protected workbook) by its signature', async () => {
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const error = await refusal(ole2);
    assert.match(error.message, /\.xls/);
  });

  it('refuses an empty file and a file of three bytes', async () => {
    assert.equal((await refusal(Buffer.alloc(0))).code, 'empty_file');
    assert.equal((await refusal(Buffer.from('PK\u0003'))).code, 'not_xlsx');
  });

  it('refuses a truncated workbook as incomplete', async () => {
    const file = await smallWorkbook();
    for (const length of [Math.floor(file.length / 2), file.length - 10]) {
      const error = await refusal(file.subarray(0, length));
      assert.equal(error.code, 'corrupt_xlsx');
      assert.match(error.message, /不完整|损坏/);
    }
  });

  it('refuses a zip that is not a workbook (a Word document, say)', async () => {
    const docx = zipOf([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    assert.match((await refusal(docx)).message, /不是 Excel 工作簿/);
  });

  it('refuses a zip bomb from its directory alone, before unpacking anything', async () => {
    const bomb = workbookZip('<worksheet/>', [{ name: 'xl/media/huge.bin', data: Buffer.alloc(10), declaredSize: 3_000_000_000 }]);
    const started = performance.now();
    const error = await refusal(bomb);
    assert.equal(error.status, 413);
    assert.equal(error.code, 'unpacked_too_large');
    assert.match(error.message, /压缩炸弹/);
    assert.ok(performance.now() - started < 1_000);
  });

  it('refuses a part that unpacks to more than its directory entry declares', async () => {
    const liar = workbookZip('<worksheet/>', [{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(20_000_000, 0x20), declaredSize: 1_000 }]);
    const error = await refusal(liar);
    assert.equal(error.code, 'corrupt_xlsx');
    assert.match(error.message, /xl\/sharedStrings\.xml/);
  });

  it('refuses a damaged zip: a broken directory record, or a part whose data does not inflate', async () => {
    const brokenDirectory = workbookZip('<worksheet/>');
    brokenDirectory.writeUInt32LE(0, brokenDirectory.readUInt32LE(brokenDirectory.length - 6));
    const directory = await refusal(brokenDirectory);
    assert.equal(directory.code, 'corrupt_xlsx');
    assert.match(directory.message, /已损坏/);

    // The first part's deflated bytes, after its 30-byte local header and its name, overwritten.
    const brokenPart = workbookZip('<worksheet/>');
    const start = 30 + brokenPart.readUInt16LE(26);
    brokenPart.fill(0xff, start, start + brokenPart.readUInt32LE(18));
    const part = await refusal(brokenPart);
    assert.equal(part.code, 'corrupt_xlsx');
    assert.match(part.message, /部件「\[Content_Types\]\.xml」已损坏/);
  });

  it('refuses a workbook whose parts are encrypted', async () => {
    const file = workbookZip('<worksheet/>');
    const firstRecord = file.readUInt32LE(file.length - 6);
    file.writeUInt16LE(file.readUInt16LE(firstRecord + 8) | 0x1, firstRecord + 8);
    const error = await refusal(file);
    assert.equal(error.code, 'encrypted_xlsx');
    assert.match(error.message, /设有密码/);
  });

  it('refuses a sheet with more rows or cells than the limits, naming both numbers', async () => {
    const file = workbookZip(sheetXmlWithRows(1_001));
    const rows = await refusal(file, { ...WORKBOOK_LIMITS, rows: 1_000 });
    assert.equal(rows.status, 413);
    assert.match(rows.message, /1,001 行/);
    assert.match(rows.message, /1,000 行/);
    const cells = await refusal(file, { ...WORKBOOK_LIMITS, cells: 500 });
    assert.match(cells.message, /1,001 个单元格/);
  });

  it('counts a merged area as the cells exceljs will create for it', async () => {
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1"/></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1:XFD1000"/></mergeCells></worksheet>';
    const error = await refusal(workbookZip(sheet));
    assert.equal(error.code, 'too_many_cells');
  });

  it('counts cells written with a namespace prefix', async () => {
    const sheet = '<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1"/><x:c r="B1"/></x:row></x:sheetData></x:worksheet>';
    const inspection = await inspectXlsx(workbookZip(sheet));
    assert.deepEqual([inspection.rows, inspection.cells], [1, 2]);
  });
});
