// The stand-in Excel host's workbook: sheets of cells (values, number formats, fills, fonts, notes,
// comments), tables, conditional formats, data validation, settings. Plain data and the edits a
// clerk makes by hand (typing, sorting); the API layer (api.ts) reads and writes it like Excel.

import { localAddress, parseAddress } from '../../../addin/sheet/addresses.ts';

export type CellValue = string | number | boolean;

export interface Cell {
  value: CellValue;
  numberFormat: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
  note: string | null;
  commentId: string | null;
}

export interface Box {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface ConditionalFormat {
  box: Box;
  type: string;
  rule: { operator?: string; text?: string } | null;
  fill: string | null;
  fontColor: string | null;
}

export interface Validation {
  box: Box;
  rule: unknown;
  errorAlert?: unknown;
}

export interface Sheet {
  id: string;
  name: string;
  cells: Array<Array<Cell | undefined> | undefined>;
  frozenRows: number;
  hiddenColumns: Set<number>;
  columnWidths: Map<number, number>;
  conditionalFormats: ConditionalFormat[];
  validations: Validation[];
  charts: Chart[];
}

export interface Chart {
  type: string;
  source: Box;
  seriesBy: string;
  title: string;
  topLeft: string | null;
  bottomRight: string | null;
}

export interface Table {
  id: string;
  name: string;
  sheetId: string;
  headerRow: number;
  column: number;
  columnCount: number;
  bodyRows: number;
  style: string;
}

export const MAX_ROWS = 1_048_576;

export function blankCell(): Cell {
  return { value: '', numberFormat: 'General', fill: null, fontColor: null, bold: false, note: null, commentId: null };
}

export function intersects(a: Box, b: Box): boolean {
  return (
    a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount
  );
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.column + inner.columnCount <= outer.column + outer.columnCount
  );
}

export class Workbook {
  readonly sheets: Sheet[] = [];
  readonly tables: Table[] = [];
  readonly settings = new Map<string, unknown>();
  readonly comments = new Map<string, { content: string }>();
  activeSheetId: string;
  selection: { sheet: string; address: string } | null = null;
  private nextId = 1;

  constructor() {
    this.activeSheetId = this.addSheet('Sheet1').id;
  }

  newId(): string {
    return String(this.nextId++);
  }

  addSheet(name: string): Sheet {
    if (this.sheetByName(name)) throw Object.assign(new Error(`工作表「${name}」已存在`), { code: 'ItemAlreadyExists' });
    const sheet: Sheet = {
      id: `{sheet-${this.newId()}}`,
      name,
      cells: [],
      frozenRows: 0,
      hiddenColumns: new Set(),
      columnWidths: new Map(),
      conditionalFormats: [],
      validations: [],
      charts: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheetByName(name: string): Sheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  sheetById(id: string): Sheet {
    const sheet = this.sheets.find((candidate) => candidate.id === id);
    if (!sheet) throw new Error(`no sheet ${id}`);
    return sheet;
  }

  get activeSheet(): Sheet {
    return this.sheetById(this.activeSheetId);
  }

  cell(sheet: Sheet, row: number, column: number): Cell {
    const cells = (sheet.cells[row] ??= []);
    return (cells[column] ??= blankCell());
  }

  peek(sheet: Sheet, row: number, column: number): Cell | undefined {
    return sheet.cells[row]?.[column];
  }

  valueAt(sheet: Sheet, row: number, column: number): CellValue {
    return this.peek(sheet, row, column)?.value ?? '';
  }

  usedBox(sheet: Sheet): Box {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    sheet.cells.forEach((cells, row) => {
      cells?.forEach((cell, column) => {
        if (!cell || cell.value === '') return;
        top = Math.min(top, row);
        bottom = Math.max(bottom, row);
        left = Math.min(left, column);
        right = Math.max(right, column);
      });
    });
    if (bottom < 0) return { row: 0, column: 0, rowCount: 1, columnCount: 1 };
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  tableBox(table: Table): Box {
    return { row: table.headerRow, column: table.column, rowCount: table.bodyRows + 1, columnCount: table.columnCount };
  }

  bodyBox(table: Table): Box {
    return { row: table.headerRow + 1, column: table.column, rowCount: table.bodyRows, columnCount: table.columnCount };
  }

  tableByKey(key: string): Table | undefined {
    return this.tables.find((table) => table.id === key || table.name.toLowerCase() === key.toLowerCase());
  }

  tablesOn(sheet: Sheet): Table[] {
    return this.tables.filter((table) => table.sheetId === sheet.id);
  }

  /** Writes a value as Excel stores what is typed: a leading apostrophe keeps text and is not stored. */
  setValue(sheet: Sheet, row: number, column: number, value: CellValue): void {
    const cell = this.cell(sheet, row, column);
    cell.value = typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
  }

  /** The colour a clerk sees: the first matching conditional format wins over the cell's own fill. */
  displayedFill(sheet: Sheet, row: number, column: number): string | null {
    const cell = this.peek(sheet, row, column);
    for (const format of sheet.conditionalFormats) {
      if (!intersects(format.box, { row, column, rowCount: 1, columnCount: 1 })) continue;
      const text = String(cell?.value ?? '');
      if (format.type === 'ContainsText' && format.rule?.operator === 'Contains' && format.rule.text && text.includes(format.rule.text))
        return format.fill;
      // WPS 表格's classic form: cell value equal to a text.
      if (format.type === 'CellValue' && format.rule?.operator === 'Equal' && format.rule.text === text) return format.fill;
    }
    return cell?.fill ?? null;
  }

  /** A table grows by one row when the clerk types right below it, copying the last row's formats. */
  expandTableFor(sheet: Sheet, box: Box): Table[] {
    const grown: Table[] = [];
    for (const table of this.tablesOn(sheet)) {
      const below = table.headerRow + table.bodyRows + 1;
      const overlapsColumns = box.column < table.column + table.columnCount && table.column < box.column + box.columnCount;
      if (!overlapsColumns || box.row > below || box.row + box.rowCount - 1 < below) continue;
      const newRows = box.row + box.rowCount - below;
      this.growTable(sheet, table, newRows);
      grown.push(table);
    }
    return grown;
  }

  growTable(sheet: Sheet, table: Table, newRows: number): void {
    const lastRow = table.headerRow + table.bodyRows;
    for (let offset = 1; offset <= newRows; offset += 1) {
      for (let column = table.column; column < table.column + table.columnCount; column += 1) {
        const template = this.peek(sheet, lastRow, column);
        const cell = this.cell(sheet, lastRow + offset, column);
        if (template)
          Object.assign(cell, {
            numberFormat: template.numberFormat,
            fill: template.fill,
            fontColor: template.fontColor,
            bold: template.bold,
          });
      }
    }
    const tableColumns = { row: 0, column: table.column, rowCount: MAX_ROWS, columnCount: table.columnCount };
    for (const entry of [...sheet.conditionalFormats, ...sheet.validations]) {
      if (entry.box.row + entry.box.rowCount - 1 === lastRow && contains(tableColumns, entry.box))
        entry.box = { ...entry.box, rowCount: entry.box.rowCount + newRows };
    }
    table.bodyRows += newRows;
  }

  /** Sorts a table's body rows by one column, moving whole cells (formats and notes go with them). */
  sortTable(table: Table, columnOffset: number, ascending: boolean): void {
    const sheet = this.sheetById(table.sheetId);
    const first = table.headerRow + 1;
    const rows = Array.from({ length: table.bodyRows }, (_, index) =>
      Array.from({ length: table.columnCount }, (_, column) => this.peek(sheet, first + index, table.column + column)),
    );
    const key = (cells: Array<Cell | undefined>) => cells[columnOffset]?.value ?? '';
    rows.sort((a, b) => {
      const left = key(a);
      const right = key(b);
      if (left === '' || right === '') return left === right ? 0 : left === '' ? 1 : -1;
      const order =
        typeof left === 'number' && typeof right === 'number'
          ? left - right
          : String(left).localeCompare(String(right), 'zh-CN', { numeric: true });
      return ascending ? order : -order;
    });
    rows.forEach((cells, index) => {
      const target = (sheet.cells[first + index] ??= []);
      cells.forEach((cell, column) => {
        target[table.column + column] = cell;
      });
    });
  }

  address(box: Box): string {
    return localAddress(box.row, box.column, box.rowCount, box.columnCount);
  }

  parse(address: string): { sheet: Sheet | null; box: Box } {
    const parsed = parseAddress(address);
    const sheet = parsed.sheet === null ? null : (this.sheetByName(parsed.sheet) ?? null);
    if (parsed.sheet !== null && !sheet) throw Object.assign(new Error(`没有工作表「${parsed.sheet}」`), { code: 'ItemNotFound' });
    return { sheet, box: { row: parsed.row, column: parsed.column, rowCount: parsed.rowCount, columnCount: parsed.columnCount } };
  }
}
