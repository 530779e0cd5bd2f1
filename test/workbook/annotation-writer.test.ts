// Writing results into a copy of a sheet: where the system columns go, and that what is written as
// text stays text in the file.

import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { LEDGERS } from '../../service/domain/ledgers/index.ts';
import { annotatedPackage } from '../../service/workbook/annotated-package.ts';
import { compactRanges, type RowAnnotation } from '../../service/workbook/annotation-writer.ts';
import { findTable } from '../../service/workbook/table-layout.ts';
import { loadWorkbook, readBack, saveWorkbook } from '../helpers/workbooks.ts';

function annotation(rowNumber: number, status: RowAnnotation['status']): RowAnnotation {
  return { rowNumber, rowId: '7d0c8f0e-0000-4000-8000-000000000001', rev: 1, status, remarks: String(status.remarks ?? ''), problems: [] };
}

/** The workbook with the annotations written into its sheet 台账, read back. */
async function annotated(workbook: ExcelJS.Workbook, lastColumn: number, annotations: RowAnnotation[]): Promise<Buffer> {
  const layout = findTable(await readBack(workbook.getWorksheet('台账')!), LEDGERS)!;
  return annotatedPackage(await saveWorkbook(workbook), [{ sheet: '台账', layout, lastColumn, annotations }]);
}

async function sheetXml(file: Buffer): Promise<string> {
  return (await JSZip.loadAsync(file)).file('xl/worksheets/sheet1.xml')!.async('string');
}

describe('writing annotations into a sheet', () => {
  it('writes text starting with = + - @, after blanks or in full width, as text cells in text format, never as formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['案号', '立案日期', '被执行人']);
    sheet.addRow(['（2026）豫0102执1号', '2026-09-24', '张三']);
    const dangerous = ['=1+1', '+86 123', '-5', '@SUM(A1)', ' =1+1', '\t=cmd', '\r\n@SUM(A1)', '＝1+1'];
    const headers = ['承办团队', '分流依据', '当前节点', '校验意见', '节点期限', '预警', '结案期限', '法定期限'];
    const file = await annotated(workbook, 3, [
      annotation(2, {
        team: dangerous[0],
        triageBasis: dangerous[1],
        nextNode: dangerous[2],
        remarks: dangerous[3],
        nextDue: dangerous[4],
        alert: dangerous[5],
        closeDue: dangerous[6],
        statutoryDue: dangerous[7],
        daysLeft: -5,
      }),
    ]);

    assert.doesNotMatch(await sheetXml(file), /<f>|<f /);
    const back = (await loadWorkbook(file)).getWorksheet('台账')!;
    const byHeader = (header: string) => {
      let found: ExcelJS.Cell | undefined;
      back.getRow(1).eachCell((cell, column) => {
        if (cell.value === header) found = back.getCell(2, column);
      });
      return found!;
    };
    // XML reads a CR LF in text as LF (Excel itself escapes the CR as _x000D_).
    assert.deepEqual(
      headers.map((header) => byHeader(header).value),
      dangerous.map((text) => text.replace('\r\n', '\n')),
    );
    // Text format even in a date column: retyping the cell in Excel keeps it text.
    for (const header of headers) assert.equal(byHeader(header).numFmt, '@', header);
    assert.equal(byHeader('剩余天数').value, -5);
  });

  it('appends after the last column holding a value, and reuses system columns already there', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['案号', '立案日期', '被执行人', null, '预警']);
    sheet.addRow(['（2026）豫0102执1号', '2026-09-24', '张三']);
    const file = await annotated(workbook, 5, [annotation(2, { alert: '超期', team: '速执团队' })]);
    const back = (await loadWorkbook(file)).getWorksheet('台账')!;
    assert.equal(back.getCell('E2').value, '超期');
    assert.equal(back.getCell('D1').value, null);
    assert.equal(back.getCell('F1').value, '承办团队');
    assert.equal(back.getCell('F2').value, '速执团队');
  });

  it('repeats the header row on every printed page, keeping the title columns the clerk set', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['说明']);
    sheet.addRow(['案号', '立案日期', '被执行人']);
    sheet.addRow(['（2026）豫0102执1号', '2026-09-24', '张三']);
    sheet.pageSetup.printTitlesColumn = 'A:B';
    sheet.pageSetup.printTitlesRow = '1:1';
    const file = await annotated(workbook, 3, [annotation(3, { alert: '正常' })]);
    const xml = await (await JSZip.loadAsync(file)).file('xl/workbook.xml')!.async('string');
    const titles = /<definedName name="_xlnm\.Print_Titles"[^>]*>([^<]*)</.exec(xml)?.[1].replace(/&apos;/g, "'");
    assert.equal(titles?.replace(/'/g, ''), '台账!$A:$B,台账!$2:$2');
  });

  it('shortens the marked cells into runs down each column', () => {
    assert.equal(compactRanges(['C8', 'C5', 'C6', 'C7', 'G8', 'C10', 'C8']), 'C5:C8 C10 G8');
  });
});
