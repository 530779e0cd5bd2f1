// A worksheet's XML rewritten as it is unpacked: what comes before the rows and what comes after
// them are changed whole (they are small), and of the rows only those the annotation writes into,
// cell by cell; every other row is copied as it came. The rows are handled as latin1 text, one
// character per byte, so a copied row is never decoded or encoded again: the tags looked for are
// ASCII, and the cells written are turned into their UTF-8 bytes first.

import { columnIndex, columnLetters } from '../../addin/sheet/addresses.ts';

export interface SheetChanges {
  /** The XML before <sheetData>, changed; `prefix` is the namespace prefix of the sheet's elements ('' or 'x:'). */
  head(xml: string, prefix: string): string;
  /** The cells to write into a row, as XML by column (1-based), or undefined to leave the row as it is. */
  cells(rowNumber: number): Map<number, string> | undefined;
  /** The XML after </sheetData>, changed. */
  tail(xml: string, prefix: string): string;
}

/** Text gathered before it goes to the sink as one chunk. */
const CHUNK_CHARS = 1 << 20;

export async function rewriteSheet(input: AsyncIterable<Buffer>, changes: SheetChanges, sink: (chunk: Buffer) => void): Promise<void> {
  let text = '';
  let out = '';
  let phase: 'head' | 'rows' | 'tail' = 'head';
  let prefix = '';
  let rowNumber = 0;
  const emit = (latin1: string) => {
    out += latin1;
    if (out.length >= CHUNK_CHARS) {
      sink(Buffer.from(out, 'latin1'));
      out = '';
    }
  };
  for await (const chunk of input) {
    text += (chunk as Buffer).toString('latin1');
    if (phase === 'head') {
      const start = /<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*>/.exec(text);
      if (!start) continue;
      prefix = start[1] ?? '';
      const selfClosing = start[0].endsWith('/>');
      emit(utf8AsLatin1(changes.head(latin1AsUtf8(text.slice(0, start.index)), prefix)) + `<${prefix}sheetData>`);
      text = selfClosing ? `</${prefix}sheetData>${text.slice(start.index + start[0].length)}` : text.slice(start.index + start[0].length);
      phase = 'rows';
    }
    if (phase === 'rows') {
      const rows = copyRows(text, prefix, rowNumber, changes, emit);
      rowNumber = rows.rowNumber;
      text = text.slice(rows.consumed);
      if (rows.ended) phase = 'tail';
    }
  }
  if (phase !== 'tail') throw new Error('worksheet XML ends inside its rows');
  emit(`</${prefix}sheetData>${utf8AsLatin1(changes.tail(latin1AsUtf8(text), prefix))}`);
  sink(Buffer.from(out, 'latin1'));
}

/**
 * The complete rows at the start of `text`, copied or rewritten; stops before a row that is not all
 * there yet, or after </sheetData> (`ended`, with the text after it left unconsumed).
 */
function copyRows(text: string, prefix: string, lastRow: number, changes: SheetChanges, emit: (latin1: string) => void) {
  const rowOpen = `<${prefix}row`;
  const rowClose = `</${prefix}row>`;
  const dataClose = `</${prefix}sheetData>`;
  let at = 0;
  let rowNumber = lastRow;
  for (;;) {
    const next = text.indexOf('<', at);
    if (next === -1) return { consumed: at, rowNumber, ended: false };
    if (text.startsWith(dataClose, next)) {
      emit(text.slice(at, next));
      return { consumed: next + dataClose.length, rowNumber, ended: true };
    }
    const tagEnd = text.indexOf('>', next);
    if (tagEnd === -1) return { consumed: at, rowNumber, ended: false };
    if (!text.startsWith(rowOpen, next) || !/[\s/>]/.test(text[next + rowOpen.length])) {
      emit(text.slice(at, tagEnd + 1));
      at = tagEnd + 1;
      continue;
    }
    const selfClosing = text[tagEnd - 1] === '/';
    const close = selfClosing ? tagEnd + 1 : text.indexOf(rowClose, tagEnd);
    if (close === -1) return { consumed: at, rowNumber, ended: false };
    const end = selfClosing ? close : close + rowClose.length;
    const open = text.slice(next, tagEnd + 1);
    rowNumber = Number(/\sr="(\d+)"/.exec(open)?.[1] ?? rowNumber + 1);
    const cells = changes.cells(rowNumber);
    emit(text.slice(at, next));
    emit(cells ? rewriteRow(text.slice(next, end), open, prefix, rowNumber, cells) : text.slice(next, end));
    at = end;
  }
}

/** The row with the cells written: existing cells of those columns replaced, the others kept, all in column order. */
function rewriteRow(row: string, open: string, prefix: string, rowNumber: number, cells: Map<number, string>): string {
  const cellOpen = `<${prefix}c`;
  const cellClose = `</${prefix}c>`;
  // Spans only hint at the row's columns; one that no longer covers them would be wrong.
  const start = open.replace(/\sspans="[^"]*"/, '').replace(/\s*\/>$/, '>');
  const written = [...cells.entries()].sort(([a], [b]) => a - b);
  let result = start;
  let next = 0;
  let column = 0;
  let at = open.length;
  const bodyEnd = open.endsWith('/>') ? row.length : row.length - `</${prefix}row>`.length;
  while (at < bodyEnd) {
    const cellStart = row.indexOf(cellOpen, at);
    if (cellStart === -1 || cellStart >= bodyEnd || !/[\s/>]/.test(row[cellStart + cellOpen.length])) break;
    const tagEnd = row.indexOf('>', cellStart);
    const cellEnd = row[tagEnd - 1] === '/' ? tagEnd + 1 : row.indexOf(cellClose, tagEnd) + cellClose.length;
    const reference = /\sr="\$?([A-Za-z]{1,3})\d*"/.exec(row.slice(cellStart, tagEnd + 1));
    column = reference ? columnIndex(reference[1]) + 1 : column + 1;
    // The written cells before this one go in as one run, turned into UTF-8 bytes at once.
    let run = '';
    while (next < written.length && written[next][0] < column) run += written[next++][1];
    const replaced = next < written.length && written[next][0] === column;
    if (replaced) run += written[next++][1];
    result += utf8AsLatin1(run);
    if (!replaced)
      result += reference ? row.slice(cellStart, cellEnd) : withReference(row.slice(cellStart, cellEnd), prefix, column, rowNumber);
    at = cellEnd;
  }
  let rest = '';
  while (next < written.length) rest += written[next++][1];
  return `${result}${utf8AsLatin1(rest)}${row.slice(at, bodyEnd)}</${prefix}row>`;
}

/** A cell that relied on its place for its column, given its reference, since cells now come before it. */
function withReference(cell: string, prefix: string, column: number, rowNumber: number): string {
  return cell.replace(`<${prefix}c`, `<${prefix}c r="${columnLetters(column - 1)}${rowNumber}"`);
}

function utf8AsLatin1(text: string): string {
  if (text === '') return text;
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

function latin1AsUtf8(text: string): string {
  return Buffer.from(text, 'latin1').toString('utf8');
}
