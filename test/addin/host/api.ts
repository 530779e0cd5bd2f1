// The stand-in host's Excel API: proxy objects with Excel's batching discipline. Setters and method
// calls are queued and run at context.sync(); a property can be read only after load() and sync(),
// otherwise it throws PropertyNotLoaded like Excel; a batch over 5 MB is refused like Excel on the
// web. Every sync is counted.

import { type Box, type Cell, type CellValue, type ConditionalFormat, MAX_ROWS, type Sheet, type Table, Workbook, intersects } from './model.ts';

export class HostError extends Error {
  override name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

const fail = (code: string, message: string): never => {
  throw new HostError(code, message);
};

export interface HostStats {
  runs: number;
  syncs: number;
  operations: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

type Handler = (event: unknown) => unknown;

interface Op {
  run(): void;
  bytes: number;
  response?: () => number;
}

/** Fails like Excel when the add-in uses an API its requirement set does not have. */
function requireSet(context: RequestContext, version: string, what: string): void {
  if (!context.host.supports(version)) fail('ApiNotFound', `${what} requires ExcelApi ${version}; this host supports ${context.host.apiVersion}`);
}

const jsonSize = (value: unknown) => new TextEncoder().encode(JSON.stringify(value) ?? '').length;

export class Host {
  readonly workbook = new Workbook();
  readonly stats: HostStats = { runs: 0, syncs: 0, operations: 0, maxRequestBytes: 0, maxResponseBytes: 0 };
  readonly handlers = new Set<Handler>();
  pendingEvents: Array<{ table: Table; box: Box; source: 'Local' | 'Remote' }> = [];

  constructor(
    readonly apiVersion: string,
    readonly payloadLimit = 5 * 1024 * 1024,
  ) {}

  supports(version: string): boolean {
    const [major, minor] = version.split('.').map(Number);
    const [hostMajor, hostMinor] = this.apiVersion.split('.').map(Number);
    return hostMajor > major || (hostMajor === major && hostMinor >= minor);
  }

  /** Change events go out after the batch, as Excel raises them asynchronously. */
  noteChange(sheet: Sheet, box: Box, source: 'Local' | 'Remote' = 'Local'): void {
    for (const table of this.workbook.tablesOn(sheet)) {
      if (intersects(this.workbook.tableBox(table), box)) this.pendingEvents.push({ table, box, source });
    }
  }

  dispatchEvents(): void {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    if (events.length === 0 || this.handlers.size === 0) return;
    setTimeout(() => {
      for (const { table, box, source } of events) {
        const event = { type: 'TableChanged', changeType: 'RangeEdited', source, tableId: table.id, worksheetId: table.sheetId, address: this.workbook.address(box) };
        for (const handler of this.handlers) void handler(event);
      }
    }, 0);
  }
}

export class RequestContext {
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  private ops: Op[] = [];

  constructor(readonly host: Host) {
    this.workbook = new WorkbookProxy(this);
  }

  queue(run: () => void, bytes = 60, response?: () => number): void {
    this.ops.push({ run, bytes, response });
  }

  get hasPending(): boolean {
    return this.ops.length > 0;
  }

  async sync(): Promise<void> {
    this.host.stats.syncs += 1;
    const ops = this.ops;
    this.ops = [];
    await new Promise((resolve) => setTimeout(resolve, 0));
    const request = ops.reduce((sum, op) => sum + op.bytes, 100);
    this.host.stats.maxRequestBytes = Math.max(this.host.stats.maxRequestBytes, request);
    if (request > this.host.payloadLimit) fail('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    let response = 0;
    try {
      for (const op of ops) {
        this.host.stats.operations += 1;
        op.run();
        response += op.response?.() ?? 0;
      }
    } finally {
      this.host.dispatchEvents();
    }
    this.host.stats.maxResponseBytes = Math.max(this.host.stats.maxResponseBytes, response);
    if (response > this.host.payloadLimit) fail('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
  }
}

const notLoaded = (name: string) =>
  new HostError('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

function propertyNames(select: string | string[] | { select?: string } | undefined): string[] {
  const text = Array.isArray(select) ? select.join(',') : typeof select === 'string' ? select : (select?.select ?? '');
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Loaded values live here; reading one not loaded and synced throws like Excel. */
abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  constructor(readonly context: RequestContext) {}

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  protected abstract snapshot(name: string): unknown;

  load(select?: string | string[] | { select?: string }): this {
    const names = propertyNames(select);
    let size = 0;
    this.context.queue(
      () => {
        for (const name of names) {
          const value = this.snapshot(name);
          this.loaded.set(name, value);
          size += jsonSize(value);
        }
        this.afterLoad();
      },
      40 + names.join(',').length,
      () => size,
    );
    return this;
  }

  protected afterLoad(): void {}

  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }
}

export interface Target {
  sheet: Sheet;
  box: Box;
}

class RangeProxy extends ClientObject {
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
      Array.from({ length: box.rowCount }, (_, row) => Array.from({ length: box.columnCount }, (_, column) => pick(this.model.peek(sheet, box.row + row, box.column + column))));
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
    this.assign(formats, (sheet, row, column, value) => {
      this.model.cell(sheet, row, column).numberFormat = String(value);
    }, false);
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
    this.context.queue(() => {
      const { sheet, box } = this.locate();
      const single = !Array.isArray(input);
      const grid = input as unknown[][];
      if (!single && (grid.length !== box.rowCount || grid.some((row) => !Array.isArray(row) || row.length !== box.columnCount))) {
        fail('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      for (let row = 0; row < box.rowCount; row += 1) {
        for (let column = 0; column < box.columnCount; column += 1) put(sheet, box.row + row, box.column + column, single ? input : grid[row][column]);
      }
      if (isValue) this.context.host.noteChange(sheet, box);
    }, 60 + jsonSize(input));
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
      for (let column = box.column; column < box.column + box.columnCount; column += 1) colours.add(this.context.host.workbook.peek(sheet, row, column)?.fill ?? '#FFFFFF');
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

export class WorksheetProxy extends ClientObject {
  constructor(
    context: RequestContext,
    readonly locate: () => Sheet,
  ) {
    super(context);
  }
  protected snapshot(name: string): unknown {
    const sheet = this.locate();
    if (name === 'name') return sheet.name;
    if (name === 'id') return sheet.id;
    if (name === 'position') return this.context.host.workbook.sheets.indexOf(sheet);
    return fail('InvalidArgument', `stand-in host: Worksheet.${name} is not implemented`);
  }
  get name(): string {
    return this.read('name');
  }
  get id(): string {
    return this.read('id');
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, () => this.context.host.workbook.tablesOn(this.locate()), this.locate);
  }
  get freezePanes() {
    requireSet(this.context, '1.7', 'Worksheet.freezePanes');
    return {
      freezeRows: (count: number) => this.context.queue(() => (this.locate().frozenRows = count)),
    };
  }
  getRange(address: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, box } = this.context.host.workbook.parse(address);
      return { sheet: sheet ?? this.locate(), box };
    });
  }
  getUsedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.locate();
      return { sheet, box: this.context.host.workbook.usedBox(sheet) };
    });
  }
  activate(): void {
    this.context.queue(() => (this.context.host.workbook.activeSheetId = this.locate().id));
  }
}

class WorksheetCollectionProxy extends ClientObject {
  private list: WorksheetProxy[] = [];
  protected snapshot(name: string): unknown {
    if (name !== 'items/name' && name !== 'items/id' && name !== 'items') return fail('InvalidArgument', `stand-in host: worksheets.${name}`);
    return this.context.host.workbook.sheets.map((sheet) => ({ id: sheet.id, name: sheet.name }));
  }
  protected override afterLoad(): void {
    this.list = this.context.host.workbook.sheets.map((sheet) => {
      const proxy = new WorksheetProxy(this.context, () => this.context.host.workbook.sheetById(sheet.id));
      (proxy as unknown as { loaded: Map<string, unknown> }).loaded.set('name', sheet.name).set('id', sheet.id);
      return proxy;
    });
    this.loaded.set('items', this.list);
  }
  get items(): WorksheetProxy[] {
    return this.read('items');
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.host.workbook.activeSheet);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.host.workbook.sheetByName(name) ?? fail('ItemNotFound', `The requested resource doesn't exist: ${name}`));
  }
  add(name: string): WorksheetProxy {
    const holder: { id?: string } = {};
    this.context.queue(() => {
      holder.id = this.context.host.workbook.addSheet(name).id;
    });
    return new WorksheetProxy(this.context, () => this.context.host.workbook.sheetById(holder.id ?? fail('InvalidObjectPath', 'sheet not created')));
  }
}

export class TableProxy extends ClientObject {
  constructor(
    context: RequestContext,
    readonly locate: () => Table,
  ) {
    super(context);
  }
  private get model() {
    return this.context.host.workbook;
  }
  protected snapshot(name: string): unknown {
    const table = this.locate();
    if (name === 'name') return table.name;
    if (name === 'id') return table.id;
    if (name === 'style') return table.style;
    return fail('InvalidArgument', `stand-in host: Table.${name} is not implemented`);
  }
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.context.queue(() => {
      const table = this.locate();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) fail('InvalidArgument', `表格名称「${name}」无效`);
      if (this.model.tables.some((other) => other !== table && other.name.toLowerCase() === name.toLowerCase())) fail('InvalidArgument', `表格名称「${name}」已被使用`);
      table.name = name;
    });
  }
  get id(): string {
    return this.read('id');
  }
  set style(style: string) {
    this.context.queue(() => (this.locate().style = style));
  }
  private range(pick: (table: Table) => Box): RangeProxy {
    return new RangeProxy(this.context, () => {
      const table = this.locate();
      return { sheet: this.model.sheetById(table.sheetId), box: pick(table) };
    });
  }
  getHeaderRowRange(): RangeProxy {
    return this.range((table) => ({ row: table.headerRow, column: table.column, rowCount: 1, columnCount: table.columnCount }));
  }
  getDataBodyRange(): RangeProxy {
    return this.range((table) => this.model.bodyBox(table));
  }
  getRange(): RangeProxy {
    return this.range((table) => this.model.tableBox(table));
  }
  get columns() {
    return {
      getItemAt: (index: number) => ({
        getDataBodyRange: () => this.range((table) => (index < table.columnCount ? { ...this.model.bodyBox(table), column: table.column + index, columnCount: 1 } : fail('ItemNotFound', `column ${index}`))),
      }),
      add: (index?: number | null, values?: unknown, name?: string) => {
        this.context.queue(() => {
          if (!this.context.host.supports('1.4') && (index === undefined || index === null || index < 0)) fail('InvalidArgument', 'ExcelApi 1.1 requires an index');
          if (values !== undefined && values !== null) fail('InvalidArgument', 'stand-in host: TableColumnCollection.add with values is not implemented');
          const table = this.locate();
          const sheet = this.model.sheetById(table.sheetId);
          const column = table.column + table.columnCount;
          for (let row = table.headerRow; row <= table.headerRow + table.bodyRows; row += 1) {
            if (this.model.valueAt(sheet, row, column) !== '') fail('InsertDeleteConflict', 'cells right of the table are not empty');
          }
          this.model.setValue(sheet, table.headerRow, column, name ?? `列${table.columnCount + 1}`);
          table.columnCount += 1;
        });
      },
    };
  }
}

class TableCollectionProxy extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly scope: () => Table[],
    private readonly sheet: (() => Sheet) | null,
  ) {
    super(context);
  }
  private get model() {
    return this.context.host.workbook;
  }
  protected snapshot(name: string): unknown {
    if (!name.startsWith('items')) return fail('InvalidArgument', `stand-in host: tables.${name}`);
    return this.scope().map((table) => ({ id: table.id, name: table.name }));
  }
  protected override afterLoad(): void {
    const items = this.scope().map((table) => {
      const proxy = new TableProxy(this.context, () => this.model.tableByKey(table.id) ?? fail('ItemNotFound', 'table deleted'));
      (proxy as unknown as { loaded: Map<string, unknown> }).loaded.set('name', table.name).set('id', table.id);
      return proxy;
    });
    this.loaded.set('items', items);
  }
  get items(): TableProxy[] {
    return this.read('items');
  }
  getItem(key: string): TableProxy {
    return new TableProxy(this.context, () => this.scope().find((table) => table.id === key || table.name.toLowerCase() === key.toLowerCase()) ?? fail('ItemNotFound', `The requested resource doesn't exist: ${key}`));
  }
  getItemAt(index: number): TableProxy {
    return new TableProxy(this.context, () => this.scope()[index] ?? fail('ItemNotFound', `no table at ${index}`));
  }
  add(address: string, hasHeaders: boolean): TableProxy {
    const holder: { id?: string } = {};
    this.context.queue(() => {
      const parsed = this.model.parse(address);
      const sheet = parsed.sheet ?? this.sheet?.() ?? this.model.activeSheet;
      if (!hasHeaders) fail('InvalidArgument', 'stand-in host: tables without headers are not implemented');
      const box = parsed.box;
      if (this.model.tablesOn(sheet).some((table) => intersects(this.model.tableBox(table), box))) fail('InvalidArgument', 'A table cannot overlap another table.');
      const id = this.model.newId();
      const table: Table = { id, name: `Table${id}`, sheetId: sheet.id, headerRow: box.row, column: box.column, columnCount: box.columnCount, bodyRows: Math.max(box.rowCount - 1, 1), style: 'TableStyleMedium2' };
      for (let column = 0; column < box.columnCount; column += 1) {
        if (this.model.valueAt(sheet, box.row, box.column + column) === '') this.model.setValue(sheet, box.row, box.column + column, `列${column + 1}`);
      }
      this.model.tables.push(table);
      holder.id = id;
    });
    return new TableProxy(this.context, () => this.model.tableByKey(holder.id ?? fail('InvalidObjectPath', 'table not created')) ?? fail('ItemNotFound', 'table deleted'));
  }
  get onChanged() {
    requireSet(this.context, '1.7', 'TableCollection.onChanged');
    return {
      add: (handler: Handler) => {
        this.context.queue(() => this.context.host.handlers.add(handler));
        const context = this.context;
        return {
          context,
          remove: () => context.queue(() => context.host.handlers.delete(handler)),
        };
      },
    };
  }
}

class SettingProxy extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly key: string,
  ) {
    super(context);
  }
  protected snapshot(name: string): unknown {
    if (name !== 'value') return fail('InvalidArgument', `stand-in host: Setting.${name}`);
    return this.context.host.workbook.settings.get(this.key) ?? null;
  }
  protected override afterLoad(): void {
    this.loaded.set('isNullObject', !this.context.host.workbook.settings.has(this.key));
  }
  get value(): unknown {
    return this.read('value');
  }
}

class NoteProxy extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly cell: () => Cell | null,
  ) {
    super(context);
  }
  protected snapshot(name: string): unknown {
    if (name !== 'content') return fail('InvalidArgument', `stand-in host: Note.${name}`);
    return this.cell()?.note ?? null;
  }
  protected override afterLoad(): void {
    this.loaded.set('isNullObject', this.cell() === null);
  }
  get content(): string {
    return this.read('content');
  }
  set content(content: string) {
    this.context.queue(() => ((this.cell() ?? fail('ItemNotFound', 'no note')).note = content));
  }
  delete(): void {
    this.context.queue(() => ((this.cell() ?? fail('ItemNotFound', 'no note')).note = null));
  }
}

class CommentProxy extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly idOf: () => string,
  ) {
    super(context);
  }
  private get model() {
    return this.context.host.workbook;
  }
  protected snapshot(name: string): unknown {
    const id = this.idOf();
    const comment = this.model.comments.get(id) ?? fail('ItemNotFound', `no comment ${id}`);
    if (name === 'id') return id;
    if (name === 'content') return comment.content;
    return fail('InvalidArgument', `stand-in host: Comment.${name}`);
  }
  get id(): string {
    return this.read('id');
  }
  get content(): string {
    return this.read('content');
  }
  set content(content: string) {
    this.context.queue(() => ((this.model.comments.get(this.idOf()) ?? fail('ItemNotFound', 'no comment')).content = content));
  }
  delete(): void {
    this.context.queue(() => {
      const id = this.idOf();
      if (!this.model.comments.delete(id)) fail('ItemNotFound', 'no comment');
      for (const sheet of this.model.sheets) for (const cells of sheet.cells) for (const cell of cells ?? []) if (cell?.commentId === id) cell.commentId = null;
    });
  }
}

class CommentCollectionProxy extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly cellAt: (address: string | RangeProxy) => Cell,
  ) {
    super(context);
  }
  private get model() {
    return this.context.host.workbook;
  }
  protected snapshot(): unknown {
    return [...this.model.comments].map(([id, comment]) => ({ id, content: comment.content }));
  }
  protected override afterLoad(): void {
    const items = [...this.model.comments].map(([id, comment]) => {
      const proxy = new CommentProxy(this.context, () => id);
      (proxy as unknown as { loaded: Map<string, unknown> }).loaded.set('id', id).set('content', comment.content);
      return proxy;
    });
    this.loaded.set('items', items);
  }
  get items(): CommentProxy[] {
    return this.read('items');
  }
  getItem(id: string): CommentProxy {
    return new CommentProxy(this.context, () => id);
  }
  add(address: string | RangeProxy, content: string): CommentProxy {
    const holder: { id?: string } = {};
    this.context.queue(() => {
      const cell = this.cellAt(address);
      if (cell.commentId) fail('InvalidArgument', 'The cell already has a comment.');
      const id = `{comment-${this.model.newId()}}`;
      this.model.comments.set(id, { content });
      cell.commentId = id;
      holder.id = id;
    }, 80 + jsonSize(content));
    return new CommentProxy(this.context, () => holder.id ?? fail('InvalidObjectPath', 'comment not created'));
  }
}

export class WorkbookProxy {
  constructor(readonly context: RequestContext) {}
  private get model() {
    return this.context.host.workbook;
  }
  get worksheets(): WorksheetCollectionProxy {
    return new WorksheetCollectionProxy(this.context);
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, () => this.model.tables, null);
  }
  get settings() {
    requireSet(this.context, '1.4', 'Workbook.settings');
    return {
      getItemOrNullObject: (key: string) => new SettingProxy(this.context, key),
      add: (key: string, value: unknown) => {
        this.context.queue(() => this.model.settings.set(key, value), 60 + jsonSize(value));
      },
    };
  }
  private cellAt(address: string | RangeProxy): Cell {
    const target = typeof address === 'string' ? this.model.parse(address) : address.locate();
    const sheet = target.sheet ?? this.model.activeSheet;
    if (target.box.rowCount !== 1 || target.box.columnCount !== 1) fail('InvalidArgument', 'a note or comment needs a single cell');
    return this.model.cell(sheet, target.box.row, target.box.column);
  }
  get notes() {
    requireSet(this.context, '1.18', 'Workbook.notes');
    return {
      getItemOrNullObject: (address: string) =>
        new NoteProxy(this.context, () => {
          const cell = this.cellAt(address);
          return cell.note !== null ? cell : null;
        }),
      add: (address: string | RangeProxy, content: string) => {
        this.context.queue(() => {
          const cell = this.cellAt(address);
          if (cell.note !== null) fail('InvalidArgument', 'The cell already has a note.');
          cell.note = content;
        }, 80 + jsonSize(content));
      },
    };
  }
  get comments(): CommentCollectionProxy {
    requireSet(this.context, '1.10', 'Workbook.comments');
    return new CommentCollectionProxy(this.context, (address) => this.cellAt(address));
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const selection = this.model.selection ?? { sheet: this.model.activeSheet.name, address: 'A1' };
      const { sheet, box } = this.model.parse(`'${selection.sheet}'!${selection.address}`);
      return { sheet: sheet ?? this.model.activeSheet, box };
    });
  }
}
