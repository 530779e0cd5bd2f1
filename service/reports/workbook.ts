// The weekly report as an xlsx (exceljs): the shared layout on one sheet, captions and headers
// set apart, data rows ruled, columns sized to their content, printed A4 landscape one page wide
// with the overdue list's header repeated on its pages.

import ExcelJS from '../workbook/exceljs.ts';
import { setPrintLayout } from '../workbook/print-layout.ts';
import { columnWidths, NUMBER_FORMATS, reportGrid, reportLayout } from '../domain/report/layout.ts';
import type { WeeklyReport } from '../domain/report/weekly-report.ts';
import { readAsFormula } from '../domain/sheet-text.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: ExcelJS.Borders = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
  diagonal: {},
};

/** The report's xlsx; `heading` (reportHeading of the report settings) leads its second line when given. */
export async function reportWorkbook(report: WeeklyReport, heading = ''): Promise<Buffer> {
  const layout = reportLayout(report, heading);
  const grid = reportGrid(layout);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '执行台账助手';
  const sheet = workbook.addWorksheet(layout.title, { views: [{ state: 'frozen', ySplit: 2 }] });
  // The longest block (the overdue list) starts on a page of its own and its header row repeats on
  // the pages after (Excel repeats print titles from the page where they first appear).
  const longest = layout.blocks.reduce((best, block, index) => (block.rows.length > layout.blocks[best].rows.length ? index : best), 0);
  const listHeader = grid.headerRows[longest] + 1;
  setPrintLayout(sheet, layout.title, `${listHeader}:${listHeader}`);
  if (longest > 0) sheet.getRow(listHeader - 2).addPageBreak();

  grid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const target = sheet.getCell(r + 1, c + 1);
      target.value = cell.value;
      // A team or 承办人 named like a formula stays text when the cell is retyped.
      target.numFmt = typeof cell.value === 'string' && readAsFormula(cell.value) ? NUMBER_FORMATS.text : NUMBER_FORMATS[cell.format];
    }),
  );
  sheet.mergeCells(1, 1, 1, grid.width);
  sheet.mergeCells(2, 1, 2, grid.width);
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  for (const r of grid.captionRows) sheet.getCell(r + 1, 1).font = { bold: true, size: 12 };
  grid.headerRows.forEach((r, index) => {
    const width = grid.rows[r].length;
    grid.rows[r].forEach((_cell, c) => {
      const header = sheet.getCell(r + 1, c + 1);
      header.font = { bold: true };
      header.fill = HEADER_FILL;
      header.border = THIN;
    });
    // Every data row of a table is ruled across its width, down to the blank row after it; a block of
    // one column (说明) is running text that overflows its cell, and stays unruled.
    const end = width > 1 ? (grid.captionRows[index + 1] ?? grid.rows.length) : r + 1;
    for (let row = r + 1; row < end && grid.rows[row].length > 0; row++) {
      for (let c = 0; c < width; c++) sheet.getCell(row + 1, c + 1).border = THIN;
    }
  });

  columnWidths(grid).forEach((width, c) => (sheet.getColumn(c + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
