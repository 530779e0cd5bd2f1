// Entry of the stand-in WPS 表格 host (tests only), bundled for the browser and run before the
// WPS pages' bundles: `window.Application` as ET's JS API answers, over the same in-memory workbook
// as the stand-in Excel host — synchronous, 1-based Cells, Value2 as 2-D arrays (one cell a
// scalar, an empty cell undefined), BGR colour numbers, comments, validation, conditional formats,
// hidden columns, freeze panes, tables (ListObjects) and SheetChange events; `window.__etHost` for
// the test to type, sort and look, and to see the task panes the ribbon opened.

import { workbookApi } from '../host/inspect.ts';
import { type Box, type Sheet, Workbook } from '../host/model.ts';
import { ListObjectsStub, RangeStub, valueWrites, WorksheetStub } from './et-objects.ts';

const model = new Workbook();
type Listener = (sheet: WorksheetStub, target: RangeStub) => void;
const listeners = new Set<Listener>();
const storage = new Map<string, string>();
const panes: Array<{ ID: number; url: string; title: string; Visible: boolean; Navigate(url: string): void }> = [];

const stub = (sheet: Sheet) => new WorksheetStub(model, () => model.sheetById(sheet.id));

const worksheets = {
  get Count() {
    return model.sheets.length;
  },
  Item(index: number | string) {
    const sheet = typeof index === 'number' ? model.sheets[index - 1] : model.sheetByName(index);
    if (!sheet) throw new Error(`ET: 没有工作表 ${index}`);
    return stub(sheet);
  },
  Add(_before?: WorksheetStub, after?: WorksheetStub) {
    let n = model.sheets.length + 1;
    while (model.sheetByName(`Sheet${n}`)) n += 1;
    const sheet = model.addSheet(`Sheet${n}`);
    model.sheets.splice(model.sheets.indexOf(sheet), 1);
    const at = after ? model.sheets.findIndex((candidate) => candidate.id === after.locate().id) + 1 : 0;
    model.sheets.splice(at, 0, sheet);
    model.activeSheetId = sheet.id;
    return stub(sheet);
  },
};

const activeWindow = {
  SplitRow: 0,
  SplitColumn: 0,
  get FreezePanes() {
    return model.activeSheet.frozenRows > 0;
  },
  set FreezePanes(on: boolean) {
    model.activeSheet.frozenRows = on ? activeWindow.SplitRow : 0;
  },
};

const Application = {
  get ActiveSheet() {
    return stub(model.activeSheet);
  },
  get ActiveWorkbook() {
    return { Name: '工作簿1', Worksheets: worksheets };
  },
  ActiveWindow: activeWindow,
  Worksheets: worksheets,
  ApiEvent: {
    AddApiEventListener: (name: string, listener: Listener) => name === 'SheetChange' && listeners.add(listener),
    RemoveApiEventListener: (name: string, listener: Listener) => name === 'SheetChange' && listeners.delete(listener),
  },
  PluginStorage: {
    setItem: (key: string, value: unknown) => storage.set(key, String(value)),
    getItem: (key: string) => storage.get(key) ?? '',
    removeItem: (key: string) => storage.delete(key),
  },
  CreateTaskPane(url: string, title = '') {
    const pane = { ID: panes.length + 1, url, title, Visible: false, Navigate: (next: string) => (pane.url = next) };
    panes.push(pane);
    return pane;
  },
  GetTaskPane: (id: number) => panes[id - 1],
};

function changed(sheet: Sheet, box: Box): void {
  const target = new RangeStub(model, () => ({ sheet, box }));
  for (const listener of listeners) listener(stub(sheet), target);
}

valueWrites.notify = changed;

const api = {
  ...workbookApi(model, changed),
  panes: () => panes.map(({ ID, url, title, Visible }) => ({ ID, url, title, Visible })),
  listeners: () => listeners.size,
  tableCount: (sheetName: string) => new ListObjectsStub(model, () => model.sheetByName(sheetName) as Sheet).Count,
};

Object.assign(window, { Application, wps: Application, __etHost: api });
export type EtHostApi = typeof api;
