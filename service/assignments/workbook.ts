// A team's 分案清单 as an xlsx: one sheet, a title row naming the team, a line with the day and the
// counts, the header frozen below them, dates as date cells, 预警 coloured, printed A4 landscape
// one page wide with the header repeated on every page.

import type { AssignmentList, ListCell, ListColumn } from '../domain/assignment-list.ts';
import { displayWidth } from '../domain/report/layout.ts';
import { dateCellValue } from '../workbook/date-cells.ts';
import ExcelJS from '../workbook/exceljs.ts';
import { setPrintLayout } from '../workbook/print-layout.ts';
import { alertCellStyle, INPUT_HEADER_STYLE } from '../workbook/styles.ts';
import { listHeading } from './heading.ts';

const ALERT_COLUMN = 'alert';

const NUMBER_FORMATS: Record<ListColumn['type'], string> = { text: '@', date: 'yyyy-mm-dd', integer: '0', number: '#,##0.00' };
const THIN = { style: 'thin' as const };
const RULED: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_ROW = 3;
const WIDTH = { min: 8, max: 36, sampled: 500 };

export async function assignmentWorkbook(list: AssignmentList): Promise<Buffer> {
  const heading = listHeading(list);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '执行台账助手';
  const sheet = workbook.addWorksheet('分案清单', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  setPrintLayout(sheet, heading.title, `${HEADER_ROW}:${HEADER_ROW}`);
  const width = list.columns.length;

  sheet.getCell(1, 1).value = heading.title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.getCell(2, 1).value = heading.line;
  sheet.mergeCells(1, 1, 1, width);
  sheet.mergeCells(2, 1, 2, width);
  list.columns.forEach((column, c) => {
    const cell = sheet.getCell(HEADER_ROW, c + 1);
    cell.value = column.header;
    cell.style = INPUT_HEADER_STYLE;
  });

  list.rows.forEach((row, r) => {
    const line = sheet.getRow(HEADER_ROW + 1 + r);
    list.columns.forEach((column, c) => {
      const cell = line.getCell(c + 1);
      const value = row.cells[column.id];
      cell.value = cellValue(column, value);
      cell.style = (column.id === ALERT_COLUMN && alertCellStyle(String(value))) || { numFmt: NUMBER_FORMATS[column.type], border: RULED };
    });
  });
  list.columns.forEach((column, c) => (sheet.getColumn(c + 1).width = columnWidth(column, list)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Dates as date cells, numbers as numbers, text as text (a string cell never becomes a formula). */
function cellValue(column: ListColumn, value: ListCell): ExcelJS.CellValue {
  if (value === null) return null;
  if (column.type === 'date' && typeof value === 'string') return dateCellValue(value) ?? value;
  return value;
}

/** Wide enough for the header and the widest of the first rows. */
function columnWidth(column: ListColumn, list: AssignmentList): number {
  const widest = list.rows
    .slice(0, WIDTH.sampled)
    .reduce((most, row) => Math.max(most, displayWidth(String(row.cells[column.id] ?? ''))), displayWidth(column.header));
  return Math.min(WIDTH.max, Math.max(WIDTH.min, widest + 2));
}
