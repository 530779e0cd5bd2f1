// The first rows of every sheet, read straight from the zip without exceljs, so the service knows
// which ledgers a workbook holds (and so whether the user may write any of them) before the full
// read in a worker. Bounded: each sheet is read only as far as its first HEADER_SEARCH_ROWS rows,
// shared strings only as far as the header cells refer, and never more than a few megabytes in
// all. What the bounds cut off makes the scan incomplete, and an incomplete scan refuses nothing:
// the full read checks the roles again, sheet by sheet.

import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { resolveTarget } from './package-parts.ts';
import { HEADER_SEARCH_ROWS } from './table-layout.ts';
import { attribute } from './xml-elements.ts';
import { xmlDecode } from './xml-text.ts';

export interface ScannedSheet {
  name: string;
  visible: boolean;
  /** Cells that show text, by row number: [column number, text]. */
  rows: Map<number, Array<[number, string]>>;
}

export interface HeaderScan {
  sheets: ScannedSheet[];
  /** Whether every visible sheet was read as far as the header search goes. */
  complete: boolean;
}

/** Unpacked bytes read of one sheet, of the shared strings, and of every part together. */
const SHEET_BYTES = 1024 * 1024;
const STRINGS_BYTES = 4 * 1024 * 1024;
const TOTAL_BYTES = 16 * 1024 * 1024;

const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';
const SHEET_ENTRY = new RegExp(`<${PREFIX}sheet\\b([^>]*)>`, 'g');
const RELATIONSHIP = /<(?:[A-Za-z_][\w.-]*:)?Relationship\b([^>]*)>/g;
const ROW = new RegExp(`<${PREFIX}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${PREFIX}row>)`, 'g');
const CELL = new RegExp(`<${PREFIX}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${PREFIX}c>)`, 'g');
const VALUE = new RegExp(`<${PREFIX}v>([\\s\\S]*?)</${PREFIX}v>`);
const TEXT = new RegExp(`<${PREFIX}t(?:\\s[^>]*)?>([\\s\\S]*?)</${PREFIX}t>`, 'g');
const PHONETIC = new RegExp(`<${PREFIX}rPh\\b[\\s\\S]*?</${PREFIX}rPh>`, 'g');
const STRING_ITEM = new RegExp(`<${PREFIX}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${PREFIX}si>)`, 'g');

/** The header rows of every sheet; null when the file cannot be read this way (the full read says why). */
export async function scanHeaders(file: Buffer): Promise<HeaderScan | null> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(file, { lazyEntries: true });
  } catch {
    return null;
  }
  try {
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    const budget = { left: TOTAL_BYTES };
    const workbook = await readPart(zip, entries.get('xl/workbook.xml'), SHEET_BYTES, budget);
    const rels = await readPart(zip, entries.get('xl/_rels/workbook.xml.rels'), SHEET_BYTES, budget);
    if (!workbook?.complete || !rels?.complete) return null;
    const targets = new Map(
      [...rels.text.matchAll(RELATIONSHIP)].map((match) => [
        attribute(match[1], 'Id'),
        resolveTarget('xl/workbook.xml', attribute(match[1], 'Target') ?? ''),
      ]),
    );

    let complete = true;
    const sheets: Array<ScannedSheet & { cells: Array<{ row: number; column: number; shared: number }> }> = [];
    for (const match of workbook.text.matchAll(SHEET_ENTRY)) {
      const name = xmlDecode(attribute(match[1], 'name') ?? '');
      const visible = (attribute(match[1], 'state') ?? 'visible') === 'visible';
      const target = targets.get(attribute(match[1], 'r:id') ?? attribute(match[1], 'id'));
      const part = await readPart(zip, target ? entries.get(target) : undefined, SHEET_BYTES, budget, headerRowsRead());
      if (!part) {
        if (visible) complete = false;
        continue;
      }
      const sheet = {
        name,
        visible,
        rows: new Map<number, Array<[number, string]>>(),
        cells: [] as Array<{ row: number; column: number; shared: number }>,
      };
      if (!readRows(part.text, sheet) && !part.complete && visible) complete = false;
      sheets.push(sheet);
    }

    const wanted = Math.max(-1, ...sheets.flatMap((sheet) => sheet.cells.map((cell) => cell.shared)));
    if (wanted >= 0) {
      const strings = await sharedStrings(zip, entries.get('xl/sharedStrings.xml'), wanted, budget);
      for (const sheet of sheets) {
        for (const { row, column, shared } of sheet.cells) {
          if (shared >= strings.length) {
            if (sheet.visible) complete = false;
            continue;
          }
          const text = strings[shared].trim();
          if (text !== '') cellsOf(sheet.rows, row).push([column, text]);
        }
      }
    }
    return { sheets: sheets.map(({ name, visible, rows }) => ({ name, visible, rows })), complete };
  } catch {
    return null;
  } finally {
    zip.close();
  }
}

/** Stops reading a sheet once a row past the header search has begun. */
function headerRowsRead(): (chunk: string) => boolean {
  let rows = 0;
  return scanner(new RegExp(`<${PREFIX}row\\b([^>]*)>`, 'g'), (match) => {
    rows = Number(attribute(match[1], 'r') ?? rows + 1);
    return rows > HEADER_SEARCH_ROWS;
  });
}

/**
 * Watches a part as it streams (read as latin1: the tags looked for are ASCII) for a tag, keeping
 * the unmatched tail of each chunk for the next, so a tag split between chunks is still seen.
 */
function scanner(pattern: RegExp, found: (match: RegExpMatchArray) => boolean): (chunk: string) => boolean {
  let carry = '';
  return (chunk) => {
    const text = carry + chunk;
    let end = 0;
    for (const match of text.matchAll(pattern)) {
      end = match.index + match[0].length;
      if (found(match)) return true;
    }
    carry = text.slice(Math.max(end, text.length - 256));
    return false;
  };
}

/**
 * The cells of the first rows; shared-string cells are kept as indexes to look up later. Returns
 * whether the header search's rows were all read (a row past them was seen).
 */
function readRows(xml: string, sheet: ScannedSheet & { cells: Array<{ row: number; column: number; shared: number }> }): boolean {
  let rowNumber = 0;
  for (const row of xml.matchAll(ROW)) {
    rowNumber = Number(attribute(row[1], 'r') ?? rowNumber + 1);
    if (rowNumber > HEADER_SEARCH_ROWS) return true;
    let column = 0;
    for (const cell of (row[2] ?? '').matchAll(CELL)) {
      const reference = attribute(cell[1], 'r');
      column = reference ? columnNumber(reference) : column + 1;
      const type = attribute(cell[1], 't');
      const body = cell[2] ?? '';
      if (type === 's') {
        const index = Number(VALUE.exec(body)?.[1]);
        if (Number.isInteger(index) && index >= 0) sheet.cells.push({ row: rowNumber, column, shared: index });
        continue;
      }
      const text = (type === 'inlineStr' ? richText(body) : xmlDecode(VALUE.exec(body)?.[1] ?? '')).trim();
      if (text !== '') cellsOf(sheet.rows, rowNumber).push([column, text]);
    }
  }
  return false;
}

/** The shared strings up to index `last`, as far as the budget goes. */
async function sharedStrings(zip: ZipFile, entry: Entry | undefined, last: number, budget: { left: number }): Promise<string[]> {
  const strings: string[] = [];
  let count = 0;
  const enough = scanner(new RegExp(`</${PREFIX}si>|<${PREFIX}si\\b[^>]*/>`, 'g'), () => ++count > last);
  const part = await readPart(zip, entry, STRINGS_BYTES, budget, enough);
  if (!part) return strings;
  for (const item of part.text.matchAll(STRING_ITEM)) {
    strings.push(richText(item[1] ?? ''));
    if (strings.length > last) break;
  }
  return strings;
}

/**
 * A part's text, unpacked to at most `limit` bytes (and what is left of the budget), or until
 * `enough` says so. `complete` tells whether the whole part was read.
 */
async function readPart(
  zip: ZipFile,
  entry: Entry | undefined,
  limit: number,
  budget: { left: number },
  enough: (chunk: string) => boolean = () => false,
): Promise<{ text: string; complete: boolean } | null> {
  if (!entry || entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) return null;
  const stream: Readable = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let read = 0;
  let complete = true;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      read += (chunk as Buffer).length;
      budget.left -= (chunk as Buffer).length;
      if (enough((chunk as Buffer).toString('latin1')) || read >= limit || budget.left <= 0) {
        complete = false;
        break;
      }
    }
  } finally {
    stream.destroy();
  }
  return { text: Buffer.concat(chunks).toString('utf8'), complete };
}

function cellsOf(rows: Map<number, Array<[number, string]>>, row: number): Array<[number, string]> {
  let cells = rows.get(row);
  if (!cells) rows.set(row, (cells = []));
  return cells;
}

function richText(xml: string): string {
  return [...xml.replace(PHONETIC, '').matchAll(TEXT)].map((match) => xmlDecode(match[1])).join('');
}

function columnNumber(reference: string): number {
  const letters = /^\$?([A-Za-z]{1,3})/.exec(reference)?.[1] ?? 'A';
  return [...letters.toUpperCase()].reduce((total, char) => total * 26 + char.charCodeAt(0) - 64, 0);
}
