// A worksheet's cells read straight from its XML as it is unpacked, into no more than a value per
// cell: what table-layout.ts and table-rows.ts look at. The values take the shapes cell-reading.ts
// reads — text (shared strings, inline strings, rich text joined), numbers, booleans, dates (numbers
// in a date format, counted in the workbook's date system), formulas with their saved result, error
// values — and a merged area shows its first cell's value in each of its cells, as Excel shows it.

import { StringDecoder } from 'node:string_decoder';
import { columnIndex } from '../../addin/sheet/addresses.ts';
import type { CellValue } from './cell-reading.ts';
import { cellOf } from './notes-part.ts';
import { xmlDecode } from './xml-text.ts';

export interface ReadRow {
  number: number;
  /** Values by column number (1-based); a column without a value is a hole. */
  cells: CellValue[];
}

export interface WorkbookText {
  /** The shared strings, each as the text it shows. */
  strings: string[];
  /** By cell format (s="…"): whether its number format shows a date. */
  dateFormats: boolean[];
  date1904: boolean;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1904 = 1_462;
const FORMULA = /<(?:[A-Za-z_][\w.-]*:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?f>)/;
const TEXT = /<(?:[A-Za-z_][\w.-]*:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?t>|<(?:[A-Za-z_][\w.-]*:)?t\s*\/>/g;
const PHONETIC = /<(?:[A-Za-z_][\w.-]*:)?rPh\b[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?rPh>/g;

export class ReadSheet {
  private readonly byNumber = new Map<number, ReadRow>();
  /** Merged areas by each row they cover. */
  private readonly mergesByRow = new Map<number, Merge[]>();

  constructor(
    readonly name: string,
    readonly state: string,
    readonly rows: ReadRow[],
    /** The last row number the sheet has, empty formatted rows included. */
    readonly rowCount: number,
    merges: string[],
  ) {
    for (const row of rows) this.byNumber.set(row.number, row);
    for (const range of merges) {
      const [first, last = first] = range.split(':');
      const [top, left] = cellOf(first);
      const [bottom, right] = cellOf(last);
      for (let row = top; row <= bottom; row++) {
        const list = this.mergesByRow.get(row) ?? [];
        list.push({ top, left, bottom, right });
        this.mergesByRow.set(row, list);
      }
    }
  }

  row(rowNumber: number): ReadRow | undefined {
    return this.byNumber.get(rowNumber);
  }

  /** The value a cell shows: its own, or the first cell's of the merged area it is in. */
  value(rowNumber: number, column: number): CellValue | undefined {
    const merge = this.mergeAt(rowNumber, column);
    if (merge) return this.byNumber.get(merge.top)?.cells[merge.left];
    return this.byNumber.get(rowNumber)?.cells[column];
  }

  /** Whether the cell lies in a merged area without being its first cell. */
  coveredByMerge(rowNumber: number, column: number): boolean {
    const merge = this.mergeAt(rowNumber, column);
    return merge !== undefined && (merge.top !== rowNumber || merge.left !== column);
  }

  /** The last column of the row that has a cell, merged areas reaching into it included. */
  lastColumn(row: ReadRow): number {
    const merged = (this.mergesByRow.get(row.number) ?? []).map((merge) => merge.right);
    return Math.max(row.cells.length - 1, 0, ...merged);
  }

  /** Rows with a value in any cell, or under a merged area, in order. */
  *rowsWithValues(): Generator<ReadRow> {
    const numbers = new Set([...this.byNumber.keys(), ...this.mergesByRow.keys()]);
    for (const number of [...numbers].sort((a, b) => a - b)) yield this.byNumber.get(number) ?? { number, cells: [] };
  }

  private mergeAt(rowNumber: number, column: number): Merge | undefined {
    return this.mergesByRow.get(rowNumber)?.find((merge) => merge.left <= column && column <= merge.right);
  }
}

/** Reads a sheet's XML as it streams; a row's values are taken as soon as the row is complete. */
export async function readSheet(
  input: AsyncIterable<Buffer>,
  sheet: { name: string; state: string },
  text: WorkbookText,
): Promise<ReadSheet> {
  const decoder = new StringDecoder('utf8');
  const rows: ReadRow[] = [];
  const state = { rowNumber: 0, rowCount: 0 };
  let pending = '';
  let phase: 'head' | 'rows' | 'tail' = 'head';
  let prefix = '';
  for await (const chunk of input) {
    pending += decoder.write(chunk as Buffer);
    if (phase === 'head') {
      const start = /<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*>/.exec(pending);
      if (!start) continue;
      prefix = start[1] ?? '';
      const after = pending.slice(start.index + start[0].length);
      pending = start[0].endsWith('/>') ? `</${prefix}sheetData>${after}` : after;
      phase = 'rows';
    }
    if (phase === 'rows') {
      const read = readRows(pending, prefix, state, text, rows);
      pending = pending.slice(read.consumed);
      if (read.ended) phase = 'tail';
    }
  }
  if (phase !== 'tail') throw new Error('worksheet XML ends inside its rows');
  const merges = [...pending.matchAll(/<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\sref="([^"]+)"/g)].map((match) => match[1]);
  return new ReadSheet(sheet.name, sheet.state, rows, state.rowCount, merges);
}

/** The complete rows at the start of `xml` into `rows`; stops before a row not all there yet, or after </sheetData>. */
function readRows(xml: string, prefix: string, state: { rowNumber: number; rowCount: number }, text: WorkbookText, rows: ReadRow[]) {
  const rowOpen = `<${prefix}row`;
  const rowClose = `</${prefix}row>`;
  const dataClose = `</${prefix}sheetData>`;
  let at = 0;
  for (;;) {
    const next = xml.indexOf('<', at);
    if (next === -1) return { consumed: at, ended: false };
    if (xml.startsWith(dataClose, next)) return { consumed: next + dataClose.length, ended: true };
    const tagEnd = xml.indexOf('>', next);
    if (tagEnd === -1) return { consumed: at, ended: false };
    if (!xml.startsWith(rowOpen, next) || !/[\s/>]/.test(xml[next + rowOpen.length])) {
      at = tagEnd + 1;
      continue;
    }
    const selfClosing = xml[tagEnd - 1] === '/';
    const close = selfClosing ? tagEnd + 1 : xml.indexOf(rowClose, tagEnd);
    if (close === -1) return { consumed: at, ended: false };
    state.rowNumber = Number(/\sr="(\d+)"/.exec(xml.slice(next, tagEnd))?.[1] ?? state.rowNumber + 1);
    state.rowCount = Math.max(state.rowCount, state.rowNumber);
    const cells = selfClosing ? [] : rowCells(xml.slice(tagEnd + 1, close), prefix, text);
    if (cells.length > 0) rows.push({ number: state.rowNumber, cells });
    at = selfClosing ? close : close + rowClose.length;
  }
}

/** The values of one row's cells, by column; scanned by hand, as a ledger has a million cells. */
function rowCells(xml: string, prefix: string, text: WorkbookText): CellValue[] {
  const open = `<${prefix}c`;
  const close = `</${prefix}c>`;
  const cells: CellValue[] = [];
  let column = 0;
  let any = false;
  let at = 0;
  for (let start = xml.indexOf(open); start !== -1; start = xml.indexOf(open, at)) {
    at = start + open.length;
    if (!/[\s/>]/.test(xml[at])) continue;
    const tagEnd = xml.indexOf('>', at);
    const selfClosing = xml[tagEnd - 1] === '/';
    const attributes = xml.slice(at, selfClosing ? tagEnd - 1 : tagEnd);
    const reference = attributeOf(attributes, 'r');
    column = reference ? columnIndex(/^\$?([A-Za-z]{1,3})/.exec(reference)?.[1] ?? 'A') + 1 : column + 1;
    if (selfClosing) {
      at = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end === -1) break;
    at = end + close.length;
    const value = cellValue(
      xml.slice(tagEnd + 1, end),
      prefix,
      attributeOf(attributes, 't') ?? 'n',
      Number(attributeOf(attributes, 's') ?? 0),
      text,
    );
    if (value === null) continue;
    cells[column] = value;
    any = true;
  }
  return any ? cells : [];
}

function cellValue(body: string, prefix: string, type: string, style: number, text: WorkbookText): CellValue {
  const formula = body.includes(`<${prefix}f`) ? FORMULA.exec(body) : null;
  const valueStart = body.indexOf(`<${prefix}v>`);
  const valueEnd = valueStart === -1 ? -1 : body.indexOf(`</${prefix}v>`, valueStart);
  const raw = valueEnd === -1 ? undefined : body.slice(valueStart + prefix.length + 3, valueEnd);
  let value: CellValue | undefined;
  if (type === 'inlineStr') value = richText(body);
  else if (raw === undefined) value = undefined;
  else if (type === 's') value = text.strings[Number(raw)] ?? '';
  else if (type === 'str') value = decoded(raw);
  else if (type === 'b') value = raw.trim() === '1' || raw.trim() === 'true';
  else if (type === 'e') value = { error: decoded(raw) };
  else if (type === 'd') value = new Date(raw);
  else value = number(Number(raw), style, text);
  if (formula) return { formula: formula[1] === undefined ? '' : decoded(formula[1]), result: value } as CellValue;
  return value ?? null;
}

/** A number, or the date it shows when its format is a date format (as exceljs reads it: the UTC instant of the civil time). */
function number(value: number, style: number, text: WorkbookText): number | Date {
  if (!text.dateFormats[style] || !Number.isFinite(value)) return value;
  return new Date(Math.round((value - UNIX_EPOCH_SERIAL + (text.date1904 ? DAYS_1904 : 0)) * MS_PER_DAY));
}

/** The text of an <si> or <is>: its runs joined, phonetic guides left out. */
export function richText(xml: string): string {
  const plain = xml.includes('<rPh') || xml.includes(':rPh') ? xml.replace(PHONETIC, '') : xml;
  let result = '';
  for (const match of plain.matchAll(TEXT)) result += match[1] === undefined ? '' : decoded(match[1]);
  return result;
}

function decoded(text: string): string {
  return text.includes('&') || text.includes('_x') ? xmlDecode(text) : text;
}

function attributeOf(attributes: string, name: string): string | undefined {
  const at = attributes.indexOf(` ${name}="`);
  if (at === -1) return undefined;
  const start = at + name.length + 3;
  return attributes.slice(start, attributes.indexOf('"', start));
}
