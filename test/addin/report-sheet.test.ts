import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { reportSheet } from '../../addin/report-sheet.ts';
import { columnLetters } from '../../addin/sheet/addresses.ts';
import { reportWorkbook } from '../../service/reports/workbook.ts';
import { bureau } from '../domain/report/bureau.ts';
import { reportOf } from '../domain/report/rows.ts';

describe('add-in: the 周通报 sheet as data', () => {
  const report = reportOf('2026-W20', '2026-05-17', bureau());
  const sheet = reportSheet(report);

  it('names the sheet for the week and writes one rectangular block from A1', () => {
    assert.equal(sheet.name, '周通报 2026-W20');
    assert.equal(sheet.address, `A1:H${sheet.values.length}`);
    assert.ok(sheet.values.every((row) => row.length === 8));
    assert.ok(sheet.numberFormats.every((row) => row.length === 8));
    assert.equal(sheet.values[0][0], '周通报 2026-W20');
  });

  it('draws the chart from the team names and their counts, beside the table', () => {
    assert.deepEqual(sheet.chart, { title: '周通报 2026-W20 各团队收结案', source: 'A5:F9', topLeft: 'J5', bottomRight: 'R20' });
    assert.deepEqual(sheet.values[4].slice(0, 6), ['团队', '本周收案（分流）', '本周结案', '未结', '超期未结', '临期']);
    assert.deepEqual(
      sheet.values.slice(5, 9).map((row) => row[0]),
      ['速执团队', '特执团队', '首执团队', '执恢团队'],
    );
    assert.deepEqual(sheet.values[5].slice(0, 6), ['速执团队', 40, 10, 50, 8, 5]);
  });

  it("holds the same cells as the service's xlsx", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportWorkbook(report)) as unknown as ArrayBuffer);
    const xlsx = workbook.worksheets[0];
    sheet.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = xlsx.getCell(r + 1, c + 1);
        // Merged title cells repeat their value in exceljs; the sheet leaves them empty.
        if (value === '' && cell.isMerged) return;
        assert.deepEqual(value, cell.value ?? '', `${columnLetters(c)}${r + 1}`);
        assert.equal(sheet.numberFormats[r][c], value === '' ? '@' : cell.numFmt, `${columnLetters(c)}${r + 1} format`);
      }),
    );
  });

  it('sets the captions and header rows apart, and sizes the columns', () => {
    assert.equal(sheet.captions[0], 'A4');
    assert.equal(sheet.headers[0], 'A5:H5');
    assert.equal(sheet.headers[1], 'A12:E12', 'the nodes block has five columns');
    assert.equal(sheet.columnWidths.length, 8);
    assert.deepEqual(sheet.columnWidths[0].columns, 'A:A');
  });

  it('writes text Excel would take for a formula as text, also after blanks or in full width, without characters XML cannot hold', () => {
    const cases = ['=SUM(A1:A9)', '+86', '-1', '@x', '正常', ' =1+1', '\t=cmd', '\r\n@SUM', '＝1+1', '＋1', '－1', '＠x', '李\uFFFE四'].map(
      (handler, index) => ({
        caseNo: `（2026）豫0102执${index + 1}号`,
        filedOn: '2026-04-01',
        respondent: '甲',
        receptionOn: '2026-04-01',
        handler,
      }),
    );
    const risky = reportSheet(reportOf('2026-W20', '2026-05-17', { cases }));
    const handlers = risky.values.filter((row) => row[2] === '执行通知').map((row) => row[6]);
    assert.deepEqual(
      handlers.sort(),
      // The report lists a 承办人 as entered, trimmed.
      ["'+86", "'-1", "'=SUM(A1:A9)", "'@x", '正常', "'=1+1", "'=cmd", "'@SUM", "'＝1+1", "'＋1", "'－1", "'＠x", '李四'].sort(),
    );
  });
});
