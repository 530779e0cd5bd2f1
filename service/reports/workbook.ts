// The weekly report as an xlsx (exceljs): the shared layout on one sheet, captions and headers
// set apart, data rows ruled, columns sized to their content, printed A4 landscape one page wide
// with the overdue list's header repeated on its pages. Written with exceljs's streaming writer,
// row by row (issue 15 item 3): the overdue list can run to 100,000 rows, which the in-memory model
// held as cell objects until the whole workbook was built.

import { PassThrough } from 'node:stream';
import ExcelJS from '../workbook/exceljs.ts';
import { printLayout } from '../workbook/print-layout.ts';
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

type Grid = ReturnType<typeof reportGrid>;
type CellLook = 'title' | 'caption' | 'header' | 'ruled' | 'plain';

const LOOKS: Record<CellLook, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } },
  caption: { font: { bold: true, size: 12 } },
  header: { font: { bold: true }, fill: HEADER_FILL, border: THIN },
  ruled: { border: THIN },
  plain: {},
};

/**
 * One style object per (number format, look), shared by every cell that has it: exceljs finds the
 * style id of an object it has seen in a WeakMap, but renders and compares the XML of every new one,
 * which was most of the xlsx's time with a style per cell.
 */
class SharedStyles {
  private readonly made = new Map<string, Partial<ExcelJS.Style>>();

  of(numFmt: string | undefined, look: CellLook): Partial<ExcelJS.Style> {
    const key = `${look}|${numFmt ?? ''}`;
    let style = this.made.get(key);
    if (!style) {
      style = Object.freeze({ ...LOOKS[look], ...(numFmt ? { numFmt } : {}) });
      this.made.set(key, style);
    }
    return style;
  }
}

/** How each row is set apart: header rows, and how many cells of each ruled data row are ruled. */
function rowStyles(grid: Grid): { headers: Set<number>; ruled: Map<number, number> } {
  const headers = new Set(grid.headerRows);
  const ruled = new Map<number, number>();
  grid.headerRows.forEach((r, index) => {
    const width = grid.rows[r].length;
    // Every data row of a table is ruled across its width, down to the blank row after it; a block of
    // one column (说明) is running text that overflows its cell, and stays unruled.
    const end = width > 1 ? (grid.captionRows[index + 1] ?? grid.rows.length) : r + 1;
    for (let row = r + 1; row < end && grid.rows[row].length > 0; row++) ruled.set(row, width);
  });
  return { headers, ruled };
}

/** A team or 承办人 named like a formula stays text when the cell is retyped. */
function numberFormat(cell: Grid['rows'][number][number]): string {
  return typeof cell.value === 'string' && readAsFormula(cell.value) ? NUMBER_FORMATS.text : NUMBER_FORMATS[cell.format];
}

/** The report's xlsx; `heading` (reportHeading of the report settings) leads its second line when given. */
export async function reportWorkbook(report: WeeklyReport, heading = ''): Promise<Buffer> {
  const layout = reportLayout(report, heading);
  const grid = reportGrid(layout);
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  workbook.creator = '执行台账助手';
  // The longest block (the overdue list) starts on a page of its own and its header row repeats on
  // the pages after (Excel repeats print titles from the page where they first appear).
  const longest = layout.blocks.reduce((best, block, index) => (block.rows.length > layout.blocks[best].rows.length ? index : best), 0);
  const listHeader = grid.headerRows[longest] + 1;
  // A streamed sheet writes its settings when it is added.
  const sheet = workbook.addWorksheet(layout.title, {
    views: [{ state: 'frozen', ySplit: 2 }],
    ...printLayout(layout.title, `${listHeader}:${listHeader}`),
  });
  sheet.columns = columnWidths(grid).map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, grid.width);
  sheet.mergeCells(2, 1, 2, grid.width);
  const captions = new Set(grid.captionRows);
  const { headers, ruled } = rowStyles(grid);

  const styles = new SharedStyles();
  grid.rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    const ruledCells = ruled.get(r) ?? 0;
    const width = Math.max(cells.length, ruledCells);
    const lookOf = (c: number): CellLook => {
      if (c === 0 && r === 0) return 'title';
      if (c === 0 && captions.has(r)) return 'caption';
      if (headers.has(r) && c < cells.length) return 'header';
      return c < ruledCells ? 'ruled' : 'plain';
    };
    for (let c = 0; c < width; c++) {
      const target = row.getCell(c + 1);
      const cell = cells[c];
      if (cell) target.value = cell.value;
      target.style = styles.of(cell ? numberFormat(cell) : undefined, lookOf(c));
    }
    if (longest > 0 && r + 1 === listHeader - 2) row.addPageBreak();
    row.commit();
  });
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
