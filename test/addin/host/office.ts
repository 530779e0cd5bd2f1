// Entry of the stand-in Excel host, bundled for the browser and served to the task pane in place of
// office.js (tests only). It installs `Office`, `Excel` and `OfficeExtension` over an in-memory
// workbook before the pane's bundle runs, and `window.__excelHost` for the test to type, sort and
// look. Configure with `window.__excelHostConfig = { apiVersion: '1.1' }` before this script runs.

import { Host, HostError, RequestContext } from './api.ts';
import { workbookApi } from './inspect.ts';

interface HostConfig {
  apiVersion?: string;
}

const config: HostConfig = (window as unknown as { __excelHostConfig?: HostConfig }).__excelHostConfig ?? {};
const host = new Host(config.apiVersion ?? '1.18');
const model = host.workbook;
const dialogs: string[] = [];
const actions = new Map<string, (event: unknown) => unknown>();

async function run<T>(first: unknown, second?: (context: RequestContext) => Promise<T>): Promise<T> {
  const batch = (typeof first === 'function' ? first : second) as (context: RequestContext) => Promise<T>;
  const context = first instanceof RequestContext ? first : new RequestContext(host);
  host.stats.runs += 1;
  const result = await batch(context);
  if (context.hasPending) await context.sync();
  return result;
}

const info = { host: 'Excel', platform: 'OfficeOnline' };
Object.assign(window, {
  Excel: {
    run,
    RequestContext,
    ChartType: { columnClustered: 'ColumnClustered' },
    ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
  },
  OfficeExtension: { Error: HostError },
  Office: {
    HostType: { Excel: 'Excel', Word: 'Word' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived' },
    onReady(callback?: (ready: typeof info) => void) {
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0),
      );
    },
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) =>
          name === 'ExcelApi' ? host.supports(version) : name === 'DialogApi' && version === '1.1',
      },
      ui: {
        displayDialogAsync: (url: string) => dialogs.push(url),
        messageParent: () => undefined,
      },
    },
    actions: { associate: (id: string, action: (event: unknown) => unknown) => actions.set(id, action) },
  },
});

const api = {
  host,
  dialogs,
  actions,
  get stats() {
    return { ...host.stats };
  },
  resetStats() {
    Object.assign(host.stats, { runs: 0, syncs: 0, operations: 0, maxRequestBytes: 0, maxResponseBytes: 0 });
  },
  ...workbookApi(model, (sheet, box) => {
    host.noteChange(sheet, box);
    host.dispatchEvents();
  }),
};

(window as unknown as { __excelHost: typeof api }).__excelHost = api;
export type ExcelHostApi = typeof api;
