// The stand-in host's ranges: values, number formats, fills, fonts, conditional formats, data
// validation, hidden columns and selection, read and written through the request queue of api.ts.

import type { RequestContext } from './api.ts';
import { ClientObject, fail, jsonSize, requireSet } from './core.ts';
import { type Box, type Cell, type CellValue, type ConditionalFormat, MAX_ROWS, type Sheet, Workbook, intersects } from './model.ts';
import { WorksheetProxy } from './workbook.ts';

export interface Target {
  sheet: Sheet;
  box: Box;
}

export class RangeProxy extends ClientObject {
  constructor(
    context: RequestContext,
    readonly locate: () => Target,
  ) {
    super(context);
  }

  private get model() {
    return this.context.host.workbook;
  }

  protected snapshot(name: string): unknown {
    const { sheet, box } = this.locate();
    const grid = (pick: (cell: Cell | undefined) => unknown) =>
      Array.from({ length: box.rowCount }, (_, row) =>
        Array.from({ length: box.columnCount }, (_, column) => pick(this.model.peek(sheet, box.row + row, box.column + column))),
      );
    switch (name) {
      case 'values':
        return grid((cell) => cell?.value ?? '');
      case 'numberFormat':
        return grid((cell) => cell?.numberFormat ?? 'General');
      case 'text':
        return grid((cell) => String(cell?.value ?? ''));
      case 'address':
        return `${sheet.name}!${this.model.address(box)}`;
      case 'rowIndex':
        return box.row;
      case 'columnIndex':
        return box.column;
      case 'rowCount':
        return box.rowCount;
      case 'columnCount':
        return box.columnCount;
      default:
        return fail('InvalidArgument', `stand-in host: Range.${name} is not implemented`);
    }
  }

  get values(): CellValue[][] {
    return this.read('values');
  }
  set values(values: unknown) {
    this.assign(values, (sheet, row, column, value) => this.model.setValue(sheet, row, column, value as CellValue), true);
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(formats: unknown) {
    this.assign(
      formats,
      (sheet, row, column, value) => {
        this.model.cell(sheet, row, column).numberFormat = String(value);
      },
      false,
    );
  }
  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }

  /** A single value goes to every cell; a 2-D array must match the range exactly, as in Excel. */
  private assign(input: unknown, put: (sheet: Sheet, row: number, column: number, value: unknown) => void, isValue: boolean): void {
    this.context.queue(
      () => {
        const { sheet, box } = this.locate();
        const single = !Array.isArray(input);
        const grid = input as unknown[][];
        if (!single && (grid.length !== box.rowCount || grid.some((row) => !Array.isArray(row) || row.length !== box.columnCount))) {
          fail('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
        }
        for (let row = 0; row < box.rowCount; row += 1) {
          for (let column = 0; column < box.columnCount; column += 1)
            put(sheet, box.row + row, box.column + column, single ? input : grid[row][column]);
        }
        if (isValue) this.context.host.noteChange(sheet, box);
      },
      60 + jsonSize(input),
    );
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.locate().sheet);
  }
  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.context, this.locate);
  }
  get conditionalFormats(): ConditionalFormatsProxy {
    requireSet(this.context, '1.6', 'Range.conditionalFormats');
    return new ConditionalFormatsProxy(this.context, this.locate);
  }
  get dataValidation(): DataValidationProxy {
    requireSet(this.context, '1.8', 'Range.dataValidation');
    return new DataValidationProxy(this.context, this.locate);
  }
  set columnHidden(hidden: boolean) {
    requireSet(this.context, '1.2', 'Range.columnHidden');
    this.context.queue(() => {
      const { sheet, box } = this.locate();
      for (let column = box.column; column < box.column + box.columnCount; column += 1) {
        if (hidden) sheet.hiddenColumns.add(column);
        else sheet.hiddenColumns.delete(column);
      }
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, box } = this.locate();
      return { sheet, box: { row: box.row + row, column: box.column + column, rowCount: 1, columnCount: 1 } };
    });
  }
  getEntireColumn(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, box } = this.locate();
      return { sheet, box: { row: 0, column: box.column, rowCount: MAX_ROWS, columnCount: box.columnCount } };
    });
  }
  select(): void {
    this.context.queue(() => {
      const { sheet, box } = this.locate();
      this.model.activeSheetId = sheet.id;
      this.model.selection = { sheet: sheet.name, address: this.model.address(box) };
    });
  }
}

/** Each cell of a located range, created on demand. */
function eachCell(model: Workbook, target: Target, visit: (cell: Cell) => void): void {
  const { sheet, box } = target;
  for (let row = box.row; row < box.row + Math.min(box.rowCount, 50_000); row += 1) {
    for (let column = box.column; column < box.column + box.columnCount; column += 1) visit(model.cell(sheet, row, column));
  }
}

class RangeFormatProxy {
  constructor(
    readonly context: RequestContext,
    private readonly locate: () => Target,
  ) {}
  get fill(): RangeFillProxy {
    return new RangeFillProxy(this.context, this.locate);
  }
  get font(): RangeFontProxy {
    return new RangeFontProxy(this.context, this.locate);
  }
  set columnWidth(width: number) {
    requireSet(this.context, '1.2', 'RangeFormat.columnWidth');
    this.context.queue(() => {
      const { sheet, box } = this.locate();
      for (let column = box.column; column < box.column + box.columnCount; column += 1) sheet.columnWidths.set(column, width);
    });
  }
  autofitColumns(): void {
    this.context.queue(() => undefined);
  }
}

class RangeFillProxy extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly locate: () => Target,
  ) {
    super(context);
  }
  protected snapshot(name: string): unknown {
    if (name !== 'color') return fail('InvalidArgument', `stand-in host: RangeFill.${name} is not implemented`);
    const colours = new Set<string>();
    const { sheet, box } = this.locate();
    for (let row = box.row; row < box.row + box.rowCount; row += 1) {
      for (let column = box.column; column < box.column + box.columnCount; column += 1)
        colours.add(this.context.host.workbook.peek(sheet, row, column)?.fill ?? '#FFFFFF');
    }
    return colours.size === 1 ? [...colours][0] : null;
  }
  get color(): string {
    return this.read('color');
  }
  set color(color: string) {
    this.context.queue(() => eachCell(this.context.host.workbook, this.locate(), (cell) => (cell.fill = color.toUpperCase())));
  }
  clear(): void {
    this.context.queue(() => eachCell(this.context.host.workbook, this.locate(), (cell) => (cell.fill = null)));
  }
}

class RangeFontProxy {
  constructor(
    readonly context: RequestContext,
    private readonly locate: () => Target,
  ) {}
  set color(color: string) {
    this.context.queue(() => eachCell(this.context.host.workbook, this.locate(), (cell) => (cell.fontColor = color.toUpperCase())));
  }
  set bold(bold: boolean) {
    this.context.queue(() => eachCell(this.context.host.workbook, this.locate(), (cell) => (cell.bold = bold)));
  }
  /** Accepted and queued like Excel; the stand-in does not model font sizes. */
  set size(_size: number) {
    this.context.queue(() => undefined);
  }
}

class ConditionalFormatsProxy {
  constructor(
    readonly context: RequestContext,
    private readonly locate: () => Target,
  ) {}
  clearAll(): void {
    this.context.queue(() => {
      const { sheet, box } = this.locate();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => !intersects(format.box, box));
    });
  }
  add(type: string): ConditionalFormatProxy {
    const holder: { format?: ConditionalFormat } = {};
    this.context.queue(() => {
      const { sheet, box } = this.locate();
      holder.format = { box: { ...box }, type, rule: null, fill: null, fontColor: null };
      sheet.conditionalFormats.push(holder.format);
    });
    return new ConditionalFormatProxy(this.context, () => holder.format ?? fail('InvalidObjectPath', 'conditional format not created'));
  }
}

class ConditionalFormatProxy {
  constructor(
    readonly context: RequestContext,
    private readonly format: () => ConditionalFormat,
  ) {}
  get textComparison() {
    const context = this.context;
    const format = this.format;
    return {
      format: {
        fill: {
          set color(color: string) {
            context.queue(() => (format().fill = color.toUpperCase()));
          },
        },
        font: {
          set color(color: string) {
            context.queue(() => (format().fontColor = color.toUpperCase()));
          },
        },
      },
      set rule(rule: { operator: string; text: string }) {
        context.queue(() => (format().rule = { ...rule }));
      },
    };
  }
}

class DataValidationProxy {
  constructor(
    readonly context: RequestContext,
    private readonly locate: () => Target,
  ) {}
  clear(): void {
    this.context.queue(() => {
      const { sheet, box } = this.locate();
      sheet.validations = sheet.validations.filter((validation) => !intersects(validation.box, box));
    });
  }
  set rule(rule: unknown) {
    this.context.queue(() => {
      const { sheet, box } = this.locate();
      sheet.validations.push({ box: { ...box }, rule });
    });
  }
  set errorAlert(alert: unknown) {
    this.context.queue(() => {
      const { sheet, box } = this.locate();
      const validation = sheet.validations.find((candidate) => intersects(candidate.box, box));
      if (validation) validation.errorAlert = alert;
    });
  }
}
