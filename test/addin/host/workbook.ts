// The stand-in host's workbook objects: worksheets, tables (with change events), settings, notes
// and comments, read and written through the request queue of api.ts.

import type { RequestContext } from './api.ts';
import { ClientObject, fail, jsonSize, requireSet, type Handler } from './core.ts';
import { type Box, type Cell, type Chart, type Sheet, type Table, intersects } from './model.ts';
import { RangeProxy } from './range.ts';

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
  set name(name: string) {
    this.context.queue(() => {
      const sheet = this.locate();
      const other = this.context.host.workbook.sheetByName(name);
      if (other && other !== sheet) fail('ItemAlreadyExists', `工作表「${name}」已存在`);
      sheet.name = name;
    });
  }
  get id(): string {
    return this.read('id');
  }
  delete(): void {
    this.context.queue(() => {
      const workbook = this.context.host.workbook;
      if (workbook.sheets.length === 1) fail('InvalidOperation', 'a workbook keeps at least one sheet');
      const sheet = this.locate();
      workbook.sheets.splice(workbook.sheets.indexOf(sheet), 1);
      if (workbook.activeSheetId === sheet.id) workbook.activeSheetId = workbook.sheets[0].id;
    });
  }
  /** Charts (ExcelApi 1.1): added with a source range, a title and a position, as 周通报 draws them. */
  get charts() {
    return {
      add: (type: string, source: RangeProxy, seriesBy: string) => {
        const holder: { chart?: Chart } = {};
        this.context.queue(() => {
          const sheet = this.locate();
          holder.chart = { type, source: { ...source.locate().box }, seriesBy, title: '', topLeft: null, bottomRight: null };
          sheet.charts.push(holder.chart);
        });
        const chart = () => holder.chart ?? fail('InvalidObjectPath', 'chart not created');
        return {
          title: {
            set text(text: string) {
              source.context.queue(() => (chart().title = text));
            },
          },
          setPosition: (topLeft: string, bottomRight: string) => this.context.queue(() => Object.assign(chart(), { topLeft, bottomRight })),
        };
      },
    };
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
    if (name !== 'items/name' && name !== 'items/id' && name !== 'items')
      return fail('InvalidArgument', `stand-in host: worksheets.${name}`);
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
    return new WorksheetProxy(
      this.context,
      () => this.context.host.workbook.sheetByName(name) ?? fail('ItemNotFound', `The requested resource doesn't exist: ${name}`),
    );
  }
  add(name: string): WorksheetProxy {
    const holder: { id?: string } = {};
    this.context.queue(() => {
      holder.id = this.context.host.workbook.addSheet(name).id;
    });
    return new WorksheetProxy(this.context, () =>
      this.context.host.workbook.sheetById(holder.id ?? fail('InvalidObjectPath', 'sheet not created')),
    );
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
      if (this.model.tables.some((other) => other !== table && other.name.toLowerCase() === name.toLowerCase()))
        fail('InvalidArgument', `表格名称「${name}」已被使用`);
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
        getDataBodyRange: () =>
          this.range((table) =>
            index < table.columnCount
              ? { ...this.model.bodyBox(table), column: table.column + index, columnCount: 1 }
              : fail('ItemNotFound', `column ${index}`),
          ),
      }),
      add: (index?: number | null, values?: unknown, name?: string) => {
        this.context.queue(() => {
          if (!this.context.host.supports('1.4') && (index === undefined || index === null || index < 0))
            fail('InvalidArgument', 'ExcelApi 1.1 requires an index');
          if (values !== undefined && values !== null)
            fail('InvalidArgument', 'stand-in host: TableColumnCollection.add with values is not implemented');
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
    return new TableProxy(
      this.context,
      () =>
        this.scope().find((table) => table.id === key || table.name.toLowerCase() === key.toLowerCase()) ??
        fail('ItemNotFound', `The requested resource doesn't exist: ${key}`),
    );
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
      if (this.model.tablesOn(sheet).some((table) => intersects(this.model.tableBox(table), box)))
        fail('InvalidArgument', 'A table cannot overlap another table.');
      const id = this.model.newId();
      const table: Table = {
        id,
        name: `Table${id}`,
        sheetId: sheet.id,
        headerRow: box.row,
        column: box.column,
        columnCount: box.columnCount,
        bodyRows: Math.max(box.rowCount - 1, 1),
        style: 'TableStyleMedium2',
      };
      for (let column = 0; column < box.columnCount; column += 1) {
        if (this.model.valueAt(sheet, box.row, box.column + column) === '')
          this.model.setValue(sheet, box.row, box.column + column, `列${column + 1}`);
      }
      this.model.tables.push(table);
      holder.id = id;
    });
    return new TableProxy(
      this.context,
      () => this.model.tableByKey(holder.id ?? fail('InvalidObjectPath', 'table not created')) ?? fail('ItemNotFound', 'table deleted'),
    );
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
      for (const sheet of this.model.sheets)
        for (const cells of sheet.cells) for (const cell of cells ?? []) if (cell?.commentId === id) cell.commentId = null;
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
    this.context.queue(
      () => {
        const cell = this.cellAt(address);
        if (cell.commentId) fail('InvalidArgument', 'The cell already has a comment.');
        const id = `{comment-${this.model.newId()}}`;
        this.model.comments.set(id, { content });
        cell.commentId = id;
        holder.id = id;
      },
      80 + jsonSize(content),
    );
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
        this.context.queue(
          () => {
            const cell = this.cellAt(address);
            if (cell.note !== null) fail('InvalidArgument', 'The cell already has a note.');
            cell.note = content;
          },
          80 + jsonSize(content),
        );
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
