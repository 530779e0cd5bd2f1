// The weekly report as an xlsx (exceljs): the shared layout on one sheet, captions and headers
// set apart, columns sized to their content, printed A4 landscape one page wide.

import ExcelJS from '../workbook/exceljs.ts';
import { columnWidths, NUMBER_FORMATS, reportGrid, reportLayout } from '../domain/report/layout.ts';
import type { WeeklyReport } from '../domain/report/weekly-report.ts';
import { readAsFormula } from '../domain/sheet-text.ts';

const A4 = 9 as ExcelJS.PaperSize;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: ExcelJS.Borders = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
  diagonal: {},
};

export async function reportWorkbook(report: WeeklyReport): Promise<Buffer> {
  const layout = reportLayout(report);
  const grid = reportGrid(layout);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '执行台账助手';
  const sheet = workbook.addWorksheet(layout.title, {
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C${layout.title}  第 &P 页，共 &N 页` },
    views: [{ state: 'frozen', ySplit: 2 }],
  });

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
  for (const r of grid.headerRows) {
    grid.rows[r].forEach((_cell, c) => {
      const header = sheet.getCell(r + 1, c + 1);
      header.font = { bold: true };
      header.fill = HEADER_FILL;
      header.border = THIN;
    });
  }

  columnWidths(grid).forEach((width, c) => (sheet.getColumn(c + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
