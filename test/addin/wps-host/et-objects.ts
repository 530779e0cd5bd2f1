// The stand-in ET host's objects: worksheets, ranges and tables over the shared in-memory workbook,
// answering synchronously as ET's JS API does.

import { intersects, MAX_ROWS, type Box, type Cell, type Sheet, type Table, type Workbook } from '../host/model.ts';

const XL_NONE = -4142;

/** Told of every Value2 write, as ET tells SheetChange also of an add-in's own writes. */
export const valueWrites: { notify: (sheet: Sheet, box: Box) => void } = { notify: () => undefined };
const WHITE = 16777215;

export function hexOf(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, '0').toUpperCase()}`;
}

function bgrOf(hex: string): number {
  const rgb = Number.parseInt(hex.slice(1), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

export class WorksheetStub {
  constructor(
    private readonly model: Workbook,
    readonly locate: () => Sheet,
  ) {}
  get Name(): string {
    return this.locate().name;
  }
  set Name(name: string) {
    const other = this.model.sheetByName(name);
    if (other && other !== this.locate()) throw new Error(`ET: 工作表「${name}」已存在`);
    this.locate().name = name;
  }
  get Index(): number {
    return this.model.sheets.indexOf(this.locate()) + 1;
  }
  get Cells() {
    return new RangeStub(this.model, () => ({ sheet: this.locate(), box: { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: 16384 } }));
  }
  get UsedRange() {
    return new RangeStub(this.model, () => ({ sheet: this.locate(), box: this.model.usedBox(this.locate()) }));
  }
  get ListObjects() {
    return new ListObjectsStub(this.model, this.locate);
  }
  /** The sheet's comments in row order, as ET counts them. */
  get Comments() {
    const sheet = this.locate();
    const cells: Array<[number, number]> = [];
    sheet.cells.forEach((row, r) => row?.forEach((cell, c) => cell?.commentId && cells.push([r, c])));
    const at = ([row, column]: [number, number]) =>
      new RangeStub(this.model, () => ({ sheet, box: { row, column, rowCount: 1, columnCount: 1 } }));
    return { Count: cells.length, Item: (index: number) => at(cells[index - 1]).Comment };
  }
  Range(address: string) {
    return new RangeStub(this.model, () => {
      const { sheet, box } = this.model.parse(address);
      return { sheet: sheet ?? this.locate(), box };
    });
  }
  Activate(): void {
    this.model.activeSheetId = this.locate().id;
  }
  Delete(): void {
    const sheet = this.locate();
    if (this.model.sheets.length === 1) throw new Error('ET: 工作簿至少要有一张工作表');
    this.model.sheets.splice(this.model.sheets.indexOf(sheet), 1);
    if (this.model.activeSheetId === sheet.id) this.model.activeSheetId = this.model.sheets[0].id;
  }
}

type Target = () => { sheet: Sheet; box: Box };

export class RangeStub {
  constructor(
    private readonly model: Workbook,
    private readonly target: Target,
  ) {}
  private cells(): Cell[] {
    const { sheet, box } = this.target();
    const cells: Cell[] = [];
    for (let r = 0; r < box.rowCount; r += 1)
      for (let c = 0; c < box.columnCount; c += 1) cells.push(this.model.cell(sheet, box.row + r, box.column + c));
    return cells;
  }
  private first(): Cell | undefined {
    const { sheet, box } = this.target();
    return this.model.peek(sheet, box.row, box.column);
  }
  get Row(): number {
    return this.target().box.row + 1;
  }
  get Column(): number {
    return this.target().box.column + 1;
  }
  get Rows() {
    return { Count: this.target().box.rowCount };
  }
  get Columns() {
    return { Count: this.target().box.columnCount };
  }
  get Value2(): unknown {
    const { sheet, box } = this.target();
    const value = (r: number, c: number) => {
      const cell = this.model.peek(sheet, box.row + r, box.column + c);
      return cell === undefined || cell.value === '' ? undefined : cell.value;
    };
    if (box.rowCount === 1 && box.columnCount === 1) return value(0, 0);
    return Array.from({ length: box.rowCount }, (_, r) => Array.from({ length: box.columnCount }, (_, c) => value(r, c)));
  }
  set Value2(values: unknown) {
    const { sheet, box } = this.target();
    const rows = Array.isArray(values) ? (values as unknown[][]) : null;
    if (rows && (rows.length !== box.rowCount || rows.some((row) => row.length !== box.columnCount)))
      throw new Error(`ET: 写入的数组与区域 ${this.model.address(box)} 大小不符`);
    for (let r = 0; r < box.rowCount; r += 1)
      for (let c = 0; c < box.columnCount; c += 1) {
        const value = rows ? rows[r][c] : values;
        this.model.setValue(sheet, box.row + r, box.column + c, (value ?? '') as string | number | boolean);
      }
    valueWrites.notify(sheet, box);
  }
  get NumberFormat(): string {
    return this.first()?.numberFormat ?? 'General';
  }
  set NumberFormat(format: string) {
    for (const cell of this.cells()) cell.numberFormat = format;
  }
  set ColumnWidth(characters: number) {
    const { sheet, box } = this.target();
    for (let c = 0; c < box.columnCount; c += 1) sheet.columnWidths.set(box.column + c, characters);
  }
  get Interior() {
    const range = this;
    return {
      get Color() {
        const fill = range.first()?.fill;
        return fill ? bgrOf(fill) : WHITE;
      },
      set Color(bgr: number) {
        for (const cell of range.cells()) cell.fill = hexOf(bgr);
      },
      get ColorIndex() {
        return range.first()?.fill ? 1 : XL_NONE;
      },
      set ColorIndex(index: number) {
        if (index === XL_NONE) for (const cell of range.cells()) cell.fill = null;
      },
    };
  }
  get Font() {
    const range = this;
    return {
      set Bold(bold: boolean) {
        for (const cell of range.cells()) cell.bold = bold;
      },
      set Color(bgr: number) {
        for (const cell of range.cells()) cell.fontColor = hexOf(bgr);
      },
      Size: 11,
    };
  }
  get Comment() {
    const cell = this.first();
    const id = cell?.commentId;
    if (!cell || !id) return null;
    return {
      Parent: this as RangeStub,
      Text: () => this.model.comments.get(id)?.content ?? '',
      Delete: () => {
        this.model.comments.delete(id);
        cell.commentId = null;
      },
    };
  }
  AddComment(text = '') {
    const { sheet, box } = this.target();
    const cell = this.model.cell(sheet, box.row, box.column);
    if (cell.commentId) throw new Error('ET: 单元格已有批注');
    const id = this.model.newId();
    this.model.comments.set(id, { content: text });
    cell.commentId = id;
    return this.Comment;
  }
  get Validation() {
    const { sheet, box } = this.target();
    return {
      Delete: () => (sheet.validations = sheet.validations.filter((validation) => !intersects(validation.box, box))),
      Add: (type: number, alertStyle: number, operator: number, formula1: string) => {
        if (type !== 3) throw new Error('ET stand-in: only list validation');
        sheet.validations.push({ box: { ...box }, rule: { list: { source: formula1 }, alertStyle, operator } });
      },
      set InCellDropdown(on: boolean) {
        Object.assign(sheet.validations[sheet.validations.length - 1].rule as object, { inCellDropDown: on });
      },
      set ShowError(on: boolean) {
        sheet.validations[sheet.validations.length - 1].errorAlert = { showAlert: on };
      },
    };
  }
  get FormatConditions() {
    const { sheet, box } = this.target();
    return {
      get Count() {
        return sheet.conditionalFormats.filter((format) => intersects(format.box, box)).length;
      },
      Delete: () => (sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => !intersects(format.box, box))),
      Add: (type: number, operator: number, formula1: string) => {
        if (type !== 1 || operator !== 3) throw new Error('ET stand-in: only 单元格值等于');
        const format = {
          box: { ...box },
          type: 'CellValue',
          rule: { operator: 'Equal', text: formula1.replace(/^="|"$/g, '') },
          fill: null as string | null,
          fontColor: null as string | null,
        };
        sheet.conditionalFormats.push(format);
        return {
          Interior: {
            set Color(bgr: number) {
              format.fill = hexOf(bgr);
            },
          },
          Font: {
            set Color(bgr: number) {
              format.fontColor = hexOf(bgr);
            },
          },
        };
      },
    };
  }
  get EntireColumn() {
    return new RangeStub(this.model, () => {
      const { sheet, box } = this.target();
      return { sheet, box: { row: 0, column: box.column, rowCount: MAX_ROWS, columnCount: box.columnCount } };
    });
  }
  set Hidden(hidden: boolean) {
    const { sheet, box } = this.target();
    for (let c = 0; c < box.columnCount; c += 1) {
      if (hidden) sheet.hiddenColumns.add(box.column + c);
      else sheet.hiddenColumns.delete(box.column + c);
    }
  }
  get Worksheet() {
    return new WorksheetStub(this.model, () => this.target().sheet);
  }
  Item(row: number, column = 1) {
    return new RangeStub(this.model, () => {
      const { sheet, box } = this.target();
      return { sheet, box: { row: box.row + row - 1, column: box.column + column - 1, rowCount: 1, columnCount: 1 } };
    });
  }
  Select(): void {
    const { sheet, box } = this.target();
    if (this.model.activeSheetId !== sheet.id) throw new Error('ET: 只能选中活动工作表的单元格');
    this.model.selection = { sheet: sheet.name, address: this.model.address(box) };
  }
}

export class ListObjectsStub {
  constructor(
    private readonly model: Workbook,
    private readonly locate: () => Sheet,
  ) {}
  private list(): Table[] {
    return this.model.tablesOn(this.locate());
  }
  get Count(): number {
    return this.list().length;
  }
  Item(index: number | string) {
    const table = typeof index === 'number' ? this.list()[index - 1] : this.list().find((candidate) => candidate.name === index);
    if (!table) throw new Error(`ET: 没有表格 ${index}`);
    return new ListObjectStub(this.model, table);
  }
  Add(sourceType: number, source: RangeStub, _link: unknown, hasHeaders: number) {
    if (sourceType !== 1 || hasHeaders !== 1) throw new Error('ET stand-in: only a range with headers');
    const box = { row: source.Row - 1, column: source.Column - 1, rowCount: source.Rows.Count, columnCount: source.Columns.Count };
    if (this.model.tablesOn(this.locate()).some((table) => intersects(this.model.tableBox(table), box)))
      throw new Error('ET: 表格不能重叠');
    const table: Table = {
      id: this.model.newId(),
      name: `表${this.model.tables.length + 1}`,
      sheetId: this.locate().id,
      headerRow: box.row,
      column: box.column,
      columnCount: box.columnCount,
      bodyRows: box.rowCount - 1,
      style: 'TableStyleMedium2',
    };
    this.model.tables.push(table);
    return new ListObjectStub(this.model, table);
  }
}

export class ListObjectStub {
  constructor(
    private readonly model: Workbook,
    private readonly table: Table,
  ) {}
  private range(pick: (table: Table) => Box) {
    return new RangeStub(this.model, () => ({ sheet: this.model.sheetById(this.table.sheetId), box: pick(this.table) }));
  }
  get Name(): string {
    return this.table.name;
  }
  set Name(name: string) {
    if (this.model.tables.some((other) => other !== this.table && other.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`ET: 表格名「${name}」已存在`);
    this.table.name = name;
  }
  set TableStyle(style: string) {
    this.table.style = style;
  }
  get Range() {
    return this.range((table) => this.model.tableBox(table));
  }
  get HeaderRowRange() {
    return this.range((table) => ({ row: table.headerRow, column: table.column, rowCount: 1, columnCount: table.columnCount }));
  }
  get DataBodyRange() {
    return this.table.bodyRows === 0 ? null : this.range((table) => this.model.bodyBox(table));
  }
  Resize(range: RangeStub): void {
    if (range.Row - 1 !== this.table.headerRow || range.Column - 1 !== this.table.column) throw new Error('ET: 表格的标题行不能移动');
    this.table.columnCount = range.Columns.Count;
    this.table.bodyRows = range.Rows.Count - 1;
  }
}
