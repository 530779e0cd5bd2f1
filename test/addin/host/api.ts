// The stand-in host's request discipline: setters and method calls are queued and run at
// context.sync(); a property can be read only after load() and sync(), otherwise it throws
// PropertyNotLoaded like Excel (core.ts); a batch over 5 MB is refused like Excel on the web; every
// sync is counted. The proxies are in range.ts and workbook.ts.

import { fail, type Handler, type HostStats } from './core.ts';
import { type Box, type Sheet, type Table, Workbook, intersects } from './model.ts';
import { WorkbookProxy } from './workbook.ts';

export { HostError } from './core.ts';

interface Op {
  run(): void;
  bytes: number;
  response?: () => number;
}

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
        const event = {
          type: 'TableChanged',
          changeType: 'RangeEdited',
          source,
          tableId: table.id,
          worksheetId: table.sheetId,
          address: this.workbook.address(box),
        };
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
