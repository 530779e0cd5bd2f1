// A1 addresses for ranges the add-in computes itself, so one request needs no round trip to ask
// Excel where a cell is (Range.getResizedRange and friends need ExcelApi 1.2 or later).

export function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** `B3` or `B3:D9` for zero-based row and column indexes, without a sheet name. */
export function localAddress(row: number, column: number, rowCount = 1, columnCount = 1): string {
  const first = `${columnLetters(column)}${row + 1}`;
  if (rowCount === 1 && columnCount === 1) return first;
  return `${first}:${columnLetters(column + columnCount - 1)}${row + rowCount}`;
}

/** A sheet-qualified address; the name is always quoted, which Excel accepts for every name. */
export function sheetAddress(sheetName: string, row: number, column: number, rowCount = 1, columnCount = 1): string {
  return `'${sheetName.replace(/'/g, "''")}'!${localAddress(row, column, rowCount, columnCount)}`;
}

export interface ParsedAddress {
  sheet: string | null;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** Parses `Sheet!A1:B2`, `'My sheet'!A1` or `C:D`-free cell ranges as Excel reports them. */
/** Rows of a worksheet in Excel 2007 and later. */
const SHEET_ROWS = 1_048_576;

export function parseAddress(address: string): ParsedAddress {
  const bang = address.lastIndexOf('!');
  let sheet: string | null = null;
  let cells = address;
  if (bang >= 0) {
    sheet = address.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    cells = address.slice(bang + 1);
  }
  // Whole columns, as Excel writes them for column widths: 'A:C'.
  const columns = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(cells);
  if (columns) {
    const [first, last] = [columnIndex(columns[1]), columnIndex(columns[2])];
    return { sheet, row: 0, column: Math.min(first, last), rowCount: SHEET_ROWS, columnCount: Math.abs(last - first) + 1 };
  }
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(cells);
  if (!match) throw new Error(`无法识别的单元格地址「${address}」`);
  const column = columnIndex(match[1]);
  const row = Number(match[2]) - 1;
  const lastColumn = match[3] ? columnIndex(match[3]) : column;
  const lastRow = match[4] ? Number(match[4]) - 1 : row;
  return {
    sheet,
    row: Math.min(row, lastRow),
    column: Math.min(column, lastColumn),
    rowCount: Math.abs(lastRow - row) + 1,
    columnCount: Math.abs(lastColumn - column) + 1,
  };
}
