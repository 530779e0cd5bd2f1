// Every kind of cell a clerk's workbook holds (written here by exceljs, as Excel would write them),
// read from the file as the service reads it, as the raw value a sync carries.

import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { normalizeDate, normalizeDateTime } from '../../service/domain/normalize/dates.ts';
import { cellText, readCell, type CellValue } from '../../service/workbook/cell-reading.ts';
import { readBack, utc } from '../helpers/workbooks.ts';

/** Writes the values into a workbook (with the date system given), saves it, and reads the cells back as the service does. */
async function roundTrip(cells: Array<[ExcelJS.CellValue, string?]>, date1904 = false): Promise<Array<CellValue | undefined>> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  const sheet = workbook.addWorksheet('台账');
  cells.forEach(([value, numFmt], index) => {
    const cell = sheet.getCell(index + 1, 1);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
  });
  const back = await readBack(sheet);
  return cells.map((_, index) => back.value(index + 1, 1));
}

describe('reading workbook cells', () => {
  // A server west of Greenwich would show 2026-03-05T00:00Z as the 4th if anything read local time.
  const zone = process.env.TZ;
  before(() => void (process.env.TZ = 'America/Los_Angeles'));
  after(() => void (zone === undefined ? delete process.env.TZ : (process.env.TZ = zone)));

  it('reads a date cell as the civil date the clerk sees, in any time zone of the server', async () => {
    const [value] = await roundTrip([[utc(2026, 3, 5), 'yyyy"年"m"月"d"日"']]);
    const { value: raw } = readCell(value, 'date', false);
    assert.equal(typeof raw, 'number');
    assert.equal(normalizeDate(raw, '立案日期').value, '2026-03-05');
    // The date written into a text column reads as the clerk sees it, not as a serial number.
    assert.equal(readCell(value, 'other', false).value, '2026-03-05');
  });

  it('reads a date-time cell to the minute, including a time Excel stores inexactly', async () => {
    const [value] = await roundTrip([[new Date(Date.UTC(2026, 2, 5, 10, 31)), 'yyyy-mm-dd hh:mm']]);
    assert.equal(normalizeDateTime(readCell(value, 'date', false).value, '到案时间').value, '2026-03-05 10:31');
    assert.equal(readCell(value, 'other', false).value, '2026-03-05 10:31');
  });

  it('reads dates of a workbook in the 1904 date system as the same civil dates', async () => {
    const [formatted, bare] = await roundTrip([[utc(2026, 3, 5), 'yyyy-mm-dd'], [46086 - 1462]], true);
    assert.equal(normalizeDate(readCell(formatted, 'date', true).value, '立案日期').value, '2026-03-05');
    // A number left in General format in a date column counts from 1904 too.
    assert.equal(normalizeDate(readCell(bare, 'date', true).value, '立案日期').value, '2026-03-05');
  });

  it('passes numbers, text numbers, booleans and text through as they are', async () => {
    const values = await roundTrip([[50000], ['50,000'], [true], ['  张三 ']]);
    assert.deepEqual(
      values.map((value) => readCell(value, 'other', false).value),
      [50000, '50,000', true, '  张三 '],
    );
  });

  it('joins rich text runs into one text', async () => {
    const [value] = await roundTrip([
      [
        {
          richText: [
            { text: '（2026）豫0102', font: { bold: true } },
            { text: '执1234号', font: { color: { argb: 'FFFF0000' } } },
          ],
        },
      ],
    ]);
    assert.equal(readCell(value, 'other', false).value, '（2026）豫0102执1234号');
  });

  it('reads a formula by its saved result, a date result as a date', async () => {
    const [sum, date, text] = await roundTrip([
      [{ formula: '2+3', result: 5 } as ExcelJS.CellFormulaValue],
      [{ formula: 'DATE(2026,3,5)', result: utc(2026, 3, 5) } as ExcelJS.CellFormulaValue, 'yyyy-mm-dd'],
      [{ formula: '"张"&"三"', result: '张三' } as ExcelJS.CellFormulaValue],
    ]);
    assert.equal(readCell(sum, 'other', false).value, 5);
    assert.equal(normalizeDate(readCell(date, 'date', false).value, '立案日期').value, '2026-03-05');
    assert.equal(readCell(text, 'other', false).value, '张三');
  });

  it('reads a formula without a saved result as empty and says why', async () => {
    const [value] = await roundTrip([[{ formula: 'SUM(A1:A3)' } as ExcelJS.CellFormulaValue]]);
    const reading = readCell(value, 'other', false);
    assert.equal(reading.value, null);
    assert.match(reading.problem ?? '', /没有保存计算结果/);
  });

  it('reads an error value, or a formula whose result is one, as empty and names the error', async () => {
    const [error, formula] = await roundTrip([
      [{ error: '#N/A' } as ExcelJS.CellErrorValue],
      [{ formula: 'VLOOKUP(1,B:B,1,0)', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue],
    ]);
    assert.equal(readCell(error, 'other', false).value, null);
    assert.match(readCell(error, 'other', false).problem ?? '', /#N\/A/);
    assert.match(readCell(formula, 'other', false).problem ?? '', /#REF!/);
  });

  it('reads a hyperlink by its text, rich or plain', async () => {
    const [plain, rich] = await roundTrip([
      [{ text: '判决书', hyperlink: 'https://example.org/1' }],
      [{ text: { richText: [{ text: '判' }, { text: '决书' }] }, hyperlink: 'https://example.org' } as unknown as ExcelJS.CellValue],
    ]);
    assert.equal(readCell(plain, 'other', false).value, '判决书');
    assert.equal(cellText(rich), '判决书');
  });

  it('reads an empty cell as empty', () => {
    assert.deepEqual(readCell(null, 'date', false), { value: null });
    assert.deepEqual(readCell(undefined, 'other', false), { value: null });
  });
});
