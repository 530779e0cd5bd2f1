// Finds a ledger in a worksheet by its header row: the row, within the first rows, whose cells name
// the most columns of one ledger (by header or alias) including its whole natural key. Title rows
// and blank rows above it, the clerk's own columns beside it and the system columns written by an
// earlier annotation are all expected.

import type { AnyLedger, SystemColumnDef } from '../domain/ledger.ts';
import { foldWidth } from '../domain/normalize/text.ts';
import { systemColumnsOf } from '../domain/row.ts';
import { cellText } from './cell-reading.ts';
import type { ReadSheet } from './sheet-reading.ts';

/** Hidden columns that keep a row's identity and revision across uploads, as the add-in keeps them (SPEC §9). */
export const IDENTITY_COLUMNS: SystemColumnDef[] = [
  { id: 'rowId', header: '行ID', type: 'text' },
  { id: 'rev', header: '版本', type: 'integer' },
];

/** Rows searched for the header; clerks put a title and a few notes above it at most. */
export const HEADER_SEARCH_ROWS = 30;
/** Ledger columns a header row must name, its natural key among them. */
const MIN_MATCHED_COLUMNS = 2;

export interface TableLayout {
  ledger: AnyLedger;
  headerRow: number;
  /** The ledger's input columns found in the sheet: column id → sheet column number. */
  columns: Map<string, number>;
  /** System and identity columns already in the header row (a template or an earlier annotation). */
  systemColumns: Map<string, number>;
  /** Headers of the clerk's own columns, left alone. */
  otherHeaders: string[];
  /** Headers of required columns the sheet lacks. */
  missingRequired: string[];
}

interface HeaderIndex {
  input: Map<string, string>;
  system: Map<string, string>;
}

const indexes = new WeakMap<AnyLedger, HeaderIndex>();

/** How a header is compared: width folded, no spaces or line breaks, no required-column stars or colon. */
export function headerKey(text: string): string {
  return foldWidth(text)
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$|[:]$/g, '')
    .toLowerCase();
}

export function headerIndex(ledger: AnyLedger): HeaderIndex {
  let index = indexes.get(ledger);
  if (!index) {
    const input = new Map<string, string>();
    for (const column of ledger.columns) {
      for (const header of [column.header, ...(column.aliases ?? [])])
        if (!input.has(headerKey(header))) input.set(headerKey(header), column.id);
    }
    const system = new Map([...systemColumnsOf(ledger), ...IDENTITY_COLUMNS].map((column) => [headerKey(column.header), column.id]));
    index = { input, system };
    indexes.set(ledger, index);
  }
  return index;
}

export function findTable(sheet: ReadSheet, ledgers: readonly AnyLedger[]): TableLayout | null {
  const best = bestHeaderRow(
    (rowNumber) => headerKeysOf(sheet, rowNumber).map(([, key]) => key),
    Math.min(sheet.rowCount, HEADER_SEARCH_ROWS),
    ledgers,
  );
  return best && layoutOf(sheet, best.ledger, best.row);
}

/** The ledger whose header row the rows hold, from their cells' texts alone (header-scan.ts reads them). */
export function ledgerOfRows(
  rows: ReadonlyMap<number, ReadonlyArray<readonly [number, string]>>,
  ledgers: readonly AnyLedger[],
): AnyLedger | null {
  const keys = (rowNumber: number) => (rows.get(rowNumber) ?? []).map(([, text]) => headerKey(text));
  return bestHeaderRow(keys, HEADER_SEARCH_ROWS, ledgers)?.ledger ?? null;
}

function bestHeaderRow(keysOf: (rowNumber: number) => string[], lastRow: number, ledgers: readonly AnyLedger[]) {
  let best: { ledger: AnyLedger; row: number; matched: number; share: number } | null = null;
  for (let rowNumber = 1; rowNumber <= lastRow; rowNumber++) {
    const keys = keysOf(rowNumber);
    if (keys.length < MIN_MATCHED_COLUMNS) continue;
    for (const ledger of ledgers) {
      const { input } = headerIndex(ledger);
      const found = new Set(keys.map((key) => input.get(key)).filter((id) => id !== undefined));
      if (found.size < MIN_MATCHED_COLUMNS || !ledger.key.every((id) => found.has(id))) continue;
      const share = found.size / ledger.columns.length;
      if (!best || found.size > best.matched || (found.size === best.matched && share > best.share)) {
        best = { ledger, row: rowNumber, matched: found.size, share };
      }
    }
  }
  return best;
}

function layoutOf(sheet: ReadSheet, ledger: AnyLedger, headerRow: number): TableLayout {
  const { input, system } = headerIndex(ledger);
  const columns = new Map<string, number>();
  const systemColumns = new Map<string, number>();
  const otherHeaders: string[] = [];
  for (const [columnNumber, key, text] of headerKeysOf(sheet, headerRow)) {
    const inputId = input.get(key);
    const systemId = system.get(key);
    if (inputId !== undefined && !columns.has(inputId)) columns.set(inputId, columnNumber);
    else if (inputId === undefined && systemId !== undefined && !systemColumns.has(systemId)) systemColumns.set(systemId, columnNumber);
    else otherHeaders.push(text);
  }
  const missingRequired = ledger.columns.filter((column) => column.required && !columns.has(column.id)).map((column) => column.header);
  return { ledger, headerRow, columns, systemColumns, otherHeaders, missingRequired };
}

/** [column number, header key, text] of every cell in the row that shows text. */
function headerKeysOf(sheet: ReadSheet, rowNumber: number): Array<[number, string, string]> {
  const cells: Array<[number, string, string]> = [];
  sheet.row(rowNumber)?.cells.forEach((value, columnNumber) => {
    // A header merged across several columns names the first of them only.
    if (sheet.coveredByMerge(rowNumber, columnNumber)) return;
    const text = cellText(value).trim();
    if (text !== '') cells.push([columnNumber, headerKey(text), text]);
  });
  return cells;
}
