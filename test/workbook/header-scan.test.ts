// The header rows read straight from the zip, to refuse a user before the full read: the same
// texts exceljs would find, and never a refusal from a scan the bounds cut short.

import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { LEDGERS } from '../../service/domain/ledgers/index.ts';
import { scanHeaders } from '../../service/workbook/header-scan.ts';
import { ledgerOfRows } from '../../service/workbook/table-layout.ts';
import { CLERK_HEADER_ROW, CLERK_HEADERS, CLERK_SHEET, clerkWorkbook, saveWorkbook, sharedStringsBomb } from '../helpers/workbooks.ts';

describe('reading the header rows without exceljs', () => {
  it('finds the clerk’s header row under the title, with rich text and merged cells, and hidden sheets as hidden', async () => {
    const scan = (await scanHeaders(await clerkWorkbook()))!;
    assert.ok(scan.complete);
    const sheet = scan.sheets.find((found) => found.name === CLERK_SHEET)!;
    assert.ok(sheet.visible);
    assert.deepEqual(
      sheet.rows.get(CLERK_HEADER_ROW)!.map(([, text]) => text),
      CLERK_HEADERS,
    );
    assert.equal(ledgerOfRows(sheet.rows, LEDGERS)?.id, 'cases');
  });

  it('reads the header of 10 million shared strings from the first few', async () => {
    const scan = (await scanHeaders(sharedStringsBomb()))!;
    assert.ok(scan.complete);
    assert.equal(ledgerOfRows(scan.sheets[0].rows, LEDGERS)?.id, 'cases');
  });

  it('says it is incomplete when a sheet’s first rows are larger than it reads', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(Array.from({ length: 200 }, (_, index) => `${index}${'很长的说明'.repeat(1_600)}`));
    sheet.addRow(['案号', '立案日期', '被执行人']);
    const scan = (await scanHeaders(await saveWorkbook(workbook)))!;
    assert.equal(scan.complete, false);
  });

  it('gives up on a file that is no zip, leaving the refusal to the full read', async () => {
    assert.equal(await scanHeaders(Buffer.from('案号,立案日期\n')), null);
  });
});
