// Finding a ledger in a sheet by its header row, however the clerk laid the sheet out.

import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { AnyLedger } from '../../service/domain/ledger.ts';
import { LEDGERS } from '../../service/domain/ledgers/index.ts';
import { casesLedger } from '../../service/domain/ledgers/cases/definition.ts';
import { systemColumnsOf } from '../../service/domain/row.ts';
import { findTable, headerKey, IDENTITY_COLUMNS } from '../../service/workbook/table-layout.ts';
import { readBack } from '../helpers/workbooks.ts';

function sheetWith(rows: Array<Array<ExcelJS.CellValue>>): ExcelJS.Worksheet {
  const sheet = new ExcelJS.Workbook().addWorksheet('台账');
  rows.forEach((values, index) => {
    values.forEach((value, column) => {
      if (value !== null) sheet.getCell(index + 1, column + 1).value = value;
    });
  });
  return sheet;
}

describe('finding a ledger by its header row', () => {
  it('finds the header under a merged title and blank rows, and keeps the clerk’s own columns apart', async () => {
    const sheet = sheetWith([
      ['2026年执行案件流转台账'],
      [],
      ['制表单位：执行局', null, null, '截至：2026-10-05'],
      ['序号', '案号', '立案日期', '被执行人', '备注'],
    ]);
    sheet.mergeCells('A1:E1');
    const layout = findTable(await readBack(sheet), LEDGERS)!;
    assert.equal(layout.ledger.id, 'cases');
    assert.equal(layout.headerRow, 4);
    assert.deepEqual(Object.fromEntries(layout.columns), { caseNo: 2, filedOn: 3, respondent: 4 });
    assert.deepEqual(layout.otherHeaders, ['序号', '备注']);
    assert.deepEqual(layout.missingRequired, []);
  });

  it('reads header variants: aliases, full-width brackets, spaces, line breaks and required-column stars', async () => {
    const sheet = sheetWith([['*执行案号', '立案\n时间', '被 执 行 人', '执行标的额(元)', '申请人：', '承办法官']]);
    const layout = findTable(await readBack(sheet), LEDGERS)!;
    assert.deepEqual(Object.fromEntries(layout.columns), { caseNo: 1, filedOn: 2, respondent: 3, amount: 4, applicant: 5, handler: 6 });
  });

  it('does not take a header with another unit for the column (万元 is not 元)', async () => {
    const layout = findTable(await readBack(sheetWith([['案号', '立案日期', '执行标的额（万元）']])), LEDGERS)!;
    assert.equal(layout.columns.has('amount'), false);
    assert.deepEqual(layout.otherHeaders, ['执行标的额（万元）']);
  });

  it('reads a rich-text header', async () => {
    const layout = findTable(
      await readBack(sheetWith([[{ richText: [{ text: '案' }, { text: '号', font: { bold: true } }] }, '被执行人']])),
      LEDGERS,
    )!;
    assert.equal(layout.columns.get('caseNo'), 1);
  });

  it('recognises the system columns of an earlier annotation by their headers, never as clerk data', async () => {
    const system = [...systemColumnsOf(casesLedger), ...IDENTITY_COLUMNS].map((column) => column.header);
    const layout = findTable(await readBack(sheetWith([['案号', '立案日期', '被执行人', ...system]])), LEDGERS)!;
    assert.deepEqual([...layout.columns.keys()], ['caseNo', 'filedOn', 'respondent']);
    assert.equal(layout.systemColumns.size, system.length);
    assert.equal(layout.systemColumns.get('rowId'), 4 + system.length - 2);
  });

  it('lists required columns the sheet lacks', async () => {
    const layout = findTable(await readBack(sheetWith([['案号', '承办人']])), LEDGERS)!;
    assert.deepEqual(layout.missingRequired, ['立案日期', '被执行人']);
  });

  it('finds nothing without the natural key, or in a sheet of notes', async () => {
    assert.equal(findTable(await readBack(sheetWith([['立案日期', '被执行人', '承办人']])), LEDGERS), null);
    assert.equal(findTable(await readBack(sheetWith([['填表说明'], ['案号请按（年份）法院代字执字第号填写']])), LEDGERS), null);
    assert.equal(findTable(await readBack(sheetWith([])), LEDGERS), null);
  });

  it('does not look further than the first 30 rows', async () => {
    const rows: ExcelJS.CellValue[][] = Array.from({ length: 30 }, () => ['说明']);
    assert.equal(findTable(await readBack(sheetWith([...rows, ['案号', '立案日期', '被执行人']])), LEDGERS), null);
  });

  it('takes the ledger whose columns the header names most', async () => {
    const narrow: AnyLedger = { ...casesLedger, id: 'narrow', name: '窄台账', columns: casesLedger.columns.slice(0, 3) };
    const layout = findTable(await readBack(sheetWith([['案号', '立案日期', '申请执行人', '被执行人']])), [narrow, casesLedger])!;
    assert.equal(layout.ledger.id, 'cases');
  });

  // Colleagues add ledgers in parallel: detection must stay unambiguous for every one of them.
  for (const ledger of LEDGERS) {
    it(`${ledger.name}: no system header reads as one of its input columns`, () => {
      const inputs = new Set(ledger.columns.flatMap((column) => [column.header, ...(column.aliases ?? [])].map(headerKey)));
      const clashes = [...systemColumnsOf(ledger), ...IDENTITY_COLUMNS].filter((column) => inputs.has(headerKey(column.header)));
      assert.deepEqual(
        clashes.map((column) => column.header),
        [],
      );
    });

    it(`${ledger.name}: is found from a header row of its own headers`, async () => {
      const layout = findTable(await readBack(sheetWith([ledger.columns.map((column) => column.header)])), LEDGERS)!;
      assert.equal(layout?.ledger.id, ledger.id);
      assert.equal(layout.columns.size, ledger.columns.length);
    });
  }
});
