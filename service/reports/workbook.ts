// The weekly report as an xlsx: the shared layout on one sheet, captions and headers set apart,
// data rows ruled, columns sized to their content, printed A4 landscape one page wide with the
// overdue list's header repeated on its pages. Written by our own sheet writer (issue 15): the
// overdue list can run to 170,000 rows, and exceljs, even streaming, spent most of the report's
// time rendering each cell's XML through its object model; here each row is written straight into
// the sheet's XML with the style ids looked up once.

import { columnLetters } from '../../addin/sheet/addresses.ts';
import { CellStyles, type CellStyle } from '../workbook/xlsx-styles.ts';
import { printLayout } from '../workbook/print-layout.ts';
import { SheetXml } from '../workbook/sheet-xml.ts';
import { sheetPart, xlsxPackage } from '../workbook/xlsx-package.ts';
import { columnWidths, NUMBER_FORMATS, reportGrid, reportLayout, type CellFormat, type LayoutCell } from '../domain/report/layout.ts';
import type { WeeklyReport } from '../domain/report/weekly-report.ts';
import { readAsFormula } from '../domain/sheet-text.ts';

type Grid = ReturnType<typeof reportGrid>;
type CellLook = 'title' | 'caption' | 'header' | 'ruled' | 'plain';

const HEADER_FILL = 'FFD9E1F2';
const LOOKS: Record<CellLook, CellStyle> = {
  title: { font: { bold: true, size: 16 }, horizontal: 'center' },
  caption: { font: { bold: true, size: 12 } },
  header: { font: { bold: true }, fill: HEADER_FILL, ruled: true },
  ruled: { ruled: true },
  plain: {},
};

/** The style id of each look, with each number format and without one (a blank ruled cell). */
type StyleIds = Record<CellLook, { blank: number } & Record<CellFormat, number>>;

function styleIds(styles: CellStyles): StyleIds {
  const formats = Object.entries(NUMBER_FORMATS) as Array<[CellFormat, string]>;
  const idsOf = (look: CellStyle) => ({
    blank: styles.id(look),
    ...(Object.fromEntries(formats.map(([format, numFmt]) => [format, styles.id({ ...look, numFmt })])) as Record<CellFormat, number>),
  });
  return {
    title: idsOf(LOOKS.title),
    caption: idsOf(LOOKS.caption),
    header: idsOf(LOOKS.header),
    ruled: idsOf(LOOKS.ruled),
    plain: idsOf(LOOKS.plain),
  };
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
function cellFormat(cell: LayoutCell): CellFormat {
  return typeof cell.value === 'string' && readAsFormula(cell.value) ? 'text' : cell.format;
}

/** The look of cell `c` of a row; `lead` is the first cell's when the row is the title or a caption. */
function lookOf(c: number, lead: CellLook | undefined, header: boolean, cells: number, ruledCells: number): CellLook {
  if (c === 0 && lead) return lead;
  if (header && c < cells) return 'header';
  return c < ruledCells ? 'ruled' : 'plain';
}

/** Writes the grid's rows into the sheet, each cell with the style of its look and number format. */
async function writeRows(sheet: SheetXml, grid: Grid, ids: StyleIds): Promise<void> {
  const captions = new Set(grid.captionRows);
  const { headers, ruled } = rowStyles(grid);
  // A plain loop, no closure per row: the overdue list is 170,000 rows.
  for (let r = 0; r < grid.rows.length; r++) {
    const cells = grid.rows[r];
    const ruledCells = ruled.get(r) ?? 0;
    const width = Math.max(cells.length, ruledCells);
    if (width === 0) continue;
    let lead: CellLook | undefined;
    if (r === 0) lead = 'title';
    else if (captions.has(r)) lead = 'caption';
    const header = headers.has(r);
    sheet.beginRow(r + 1);
    for (let c = 0; c < width; c++) {
      const cell = cells[c];
      const look = ids[lookOf(c, lead, header, cells.length, ruledCells)];
      if (cell === undefined) sheet.blank(c, look.blank);
      else if (typeof cell.value === 'number') sheet.number(c, cell.value, look[cell.format]);
      else sheet.text(c, cell.value, look[cellFormat(cell)]);
    }
    // Each chunk of XML is deflated on zlib's thread pool, which hands over the next only when the
    // event loop runs: a turn per chunk (about a megabyte) lets it deflate while the rows go on.
    if (sheet.endRow()) await new Promise(setImmediate);
  }
}

/** The report's xlsx; `heading` (reportHeading of the report settings) leads its second line when given. */
export async function reportWorkbook(report: WeeklyReport, heading = ''): Promise<Buffer> {
  const layout = reportLayout(report, heading);
  const grid = reportGrid(layout);
  // The longest block (the overdue list) starts on a page of its own and its header row repeats on
  // the pages after (Excel repeats print titles from the page where they first appear).
  const longest = layout.blocks.reduce((best, block, index) => (block.rows.length > layout.blocks[best].rows.length ? index : best), 0);
  const listHeader = grid.headerRows[longest] + 1;
  const print = printLayout(layout.title, `${listHeader}:${listHeader}`);
  const lastColumn = columnLetters(grid.width - 1);
  const part = sheetPart();
  const sheet = new SheetXml(
    {
      frozenRows: 2,
      columnWidths: columnWidths(grid),
      merges: [`A1:${lastColumn}1`, `A2:${lastColumn}2`],
      print,
      // The page ends at the blank row above the list's caption.
      pageBreaksAfter: longest > 0 ? [listHeader - 2] : [],
    },
    (chunk) => part.write(chunk),
  );
  const styles = new CellStyles();
  await writeRows(sheet, grid, styleIds(styles));
  sheet.finish();
  return xlsxPackage({
    sheetName: layout.title,
    sheet: part,
    sharedStrings: sheet.strings.xml(),
    styles: styles.xml(),
    printTitleRows: print.pageSetup.printTitlesRow,
    creator: '执行台账助手',
  });
}
