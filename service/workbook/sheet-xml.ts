// The XML of one worksheet, written row by row as the cells come: the sheet's frame (frozen title
// rows, column widths) before the rows, its merges, print setup and page breaks after them. The
// weekly report's overdue list runs to 170,000 rows; each row goes straight into a string that is
// cut into UTF-8 chunks as it grows, so no cell object outlives its row and nothing is parsed back.
// Texts go into the shared-strings table (see shared-strings.ts for why not inline).

import { columnLetters } from '../../addin/sheet/addresses.ts';
import type { printLayout } from './print-layout.ts';
import { SharedStrings } from './shared-strings.ts';
import { xmlText } from './xml-text.ts';

export type PrintLayout = ReturnType<typeof printLayout>;

export interface SheetFrame {
  /** Rows at the top that stay in view while the rest scrolls. */
  frozenRows: number;
  /** Widths in characters, from column A. */
  columnWidths: number[];
  /** Merged ranges ('A1:H1'). */
  merges: string[];
  print: PrintLayout;
  /** Rows (1-based) after which a new page starts. */
  pageBreaksAfter: number[];
}

/** Characters gathered before they are encoded into a chunk: large enough that chunks are few, small enough to stay cheap. */
const CHUNK_CHARS = 1 << 20;

export class SheetXml {
  private pending: string;
  private rowNumber = 0;
  /** The texts of the sheet's cells, written as xl/sharedStrings.xml. */
  readonly strings = new SharedStrings();
  /** Column letters by index, made once: every cell names its column. */
  private readonly letters: string[] = [];

  /** `sink` takes the XML in UTF-8 chunks, in order. */
  constructor(
    private readonly frame: SheetFrame,
    private readonly sink: (chunk: Buffer) => void,
  ) {
    this.pending = sheetHead(frame);
  }

  /** Starts row `rowNumber` (1-based, ascending); the cells written until endRow go into it. */
  beginRow(rowNumber: number): void {
    this.rowNumber = rowNumber;
    this.pending += `<row r="${rowNumber}">`;
  }

  /** A text cell (column from 0), by its index in the shared-strings table. */
  text(column: number, text: string, style: number): void {
    // An empty text is a blank cell: an empty string is a value Excel counts (COUNTA) but no one sees.
    if (text === '') return this.blank(column, style);
    this.pending += `<c r="${this.reference(column)}" s="${style}" t="s"><v>${this.strings.index(text)}</v></c>`;
  }

  number(column: number, value: number, style: number): void {
    this.pending += `<c r="${this.reference(column)}" s="${style}"><v>${value}</v></c>`;
  }

  /** A cell without a value that still shows its style (a ruled cell of a short row). */
  blank(column: number, style: number): void {
    this.pending += `<c r="${this.reference(column)}" s="${style}"/>`;
  }

  /** Ends the row; true when a chunk went to the sink with it, a moment to let the event loop run (PartDeflater). */
  endRow(): boolean {
    this.pending += '</row>';
    if (this.pending.length < CHUNK_CHARS) return false;
    this.flush();
    return true;
  }

  /** Writes what follows the rows; the sink has the whole sheet after it. */
  finish(): void {
    this.pending += `</sheetData>${sheetTail(this.frame)}`;
    this.flush();
  }

  private reference(column: number): string {
    let letters = this.letters[column];
    if (letters === undefined) {
      letters = columnLetters(column);
      this.letters[column] = letters;
    }
    return letters + this.rowNumber;
  }

  private flush(): void {
    this.sink(Buffer.from(this.pending, 'utf8'));
    this.pending = '';
  }
}

function sheetHead(frame: SheetFrame): string {
  const fitToPage = frame.print.pageSetup.fitToPage ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  const topLeft = `A${frame.frozenRows + 1}`;
  const pane =
    frame.frozenRows > 0
      ? `<pane ySplit="${frame.frozenRows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`
      : '';
  const columns = frame.columnWidths.map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `${fitToPage}<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (columns.length > 0 ? `<cols>${columns.join('')}</cols>` : '') +
    '<sheetData>'
  );
}

/** What follows the rows, in the order the schema wants: merges, margins, page setup, header/footer, page breaks. */
function sheetTail(frame: SheetFrame): string {
  const { pageSetup: setup, headerFooter } = frame.print;
  const merges = frame.merges.map((range) => `<mergeCell ref="${range}"/>`);
  const margins = setup.margins;
  const pageSetup = attributes({
    paperSize: setup.paperSize,
    orientation: setup.orientation,
    fitToWidth: setup.fitToWidth,
    fitToHeight: setup.fitToHeight,
  });
  const header = headerFooter.oddHeader ? `<oddHeader>${xmlText(headerFooter.oddHeader)}</oddHeader>` : '';
  const footer = headerFooter.oddFooter ? `<oddFooter>${xmlText(headerFooter.oddFooter)}</oddFooter>` : '';
  const breaks = frame.pageBreaksAfter.map((row) => `<brk id="${row}" max="16383" man="1"/>`);
  return (
    (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : '') +
    (margins ? `<pageMargins${attributes(margins)}/>` : '') +
    `<pageSetup${pageSetup}/>` +
    (header || footer ? `<headerFooter>${header}${footer}</headerFooter>` : '') +
    (breaks.length > 0 ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.join('')}</rowBreaks>` : '') +
    '</worksheet>'
  );
}

/** ` name="value"` for each field that is set, in the object's order (numbers and words only, nothing to escape). */
function attributes(fields: object): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${String(value)}"`)
    .join('');
}
