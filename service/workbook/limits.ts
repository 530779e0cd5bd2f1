// What one uploaded workbook may hold, checked on the zip's own records before its cells are read
// (zip-inspection.ts): fixed limits for every server, and what this process's heap can take.

import { getHeapStatistics } from 'node:v8';
import { isMainThread, resourceLimits } from 'node:worker_threads';

export const WORKBOOK_LIMITS = {
  /** Size of the uploaded file. */
  uploadBytes: 30 * 1024 * 1024,
  /** Sum of the unpacked parts; an ordinary 50,000-row ledger unpacks to about 40 MB. */
  unpackedBytes: 200 * 1024 * 1024,
  /** Parts in the zip; Excel writes a few dozen. */
  parts: 2_000,
  /** Rows of all worksheets together, empty formatted rows included. */
  rows: 60_000,
  /** Cells of all worksheets together, merged areas included. */
  cells: 2_000_000,
  /** Merged ranges: each cell read is looked up among the merges of its row. */
  merges: 10_000,
  /**
   * Shared strings: each is read into a string, whether a cell uses it or not. A cell uses at most
   * one, so more strings than the cell limit are no ledger's (10 million tiny ones fit in 440 KB).
   */
  sharedStrings: 2_000_000,
  /** Cell formats (<xf> records) in styles.xml: Excel itself keeps at most 64,000. */
  styles: 100_000,
} as const;

/**
 * Heap needed to annotate a workbook, by what the worker keeps per cell (a value while its sheet is
 * read) and per row (the row's values, then its annotation, posted back from the sync). Measured
 * (a 50,000-row ledger of 27 columns, 775,000 cells, read and written under --max-old-space-size):
 * it runs in 140 MB of old space and not in 100 MB; these figures ask for about twice that.
 */
export const HEAP_PER_CELL = 150;
export const HEAP_PER_ROW = 3_000;

export function heapNeeded(sheet: { rows: number; cells: number }): number {
  return sheet.cells * HEAP_PER_CELL + sheet.rows * HEAP_PER_ROW;
}

const MIB = 1024 * 1024;

/**
 * Young generation V8 reserves on top of the old one, counted in `heap_size_limit`: 48 MB on Node 20,
 * 192 MB on Node 24. What a workbook keeps lives in the old generation, so only that counts; this is
 * subtracted when the old generation's size is not stated (the default heap).
 */
export const YOUNG_GENERATION_ALLOWANCE = 192 * MIB;

/**
 * The `--max-old-space-size` (in MB) the process was started with, from NODE_OPTIONS and the command
 * line (which Node reads after NODE_OPTIONS, so it wins); undefined when neither states it.
 */
export function statedOldSpaceMb(execArgv: readonly string[], nodeOptions = ''): number | undefined {
  const args = [...nodeOptions.split(/\s+/).filter(Boolean), ...execArgv];
  let stated: number | undefined;
  args.forEach((arg, index) => {
    const match = /^--max[-_]old[-_]space[-_]size(?:=(.*))?$/.exec(arg);
    if (!match) return;
    const value = Number(match[1] ?? args[index + 1]);
    if (Number.isFinite(value) && value > 0) stated = value;
  });
  return stated;
}

/**
 * Heap a workbook may still take: the old generation's limit less what the heap holds. `heap_size_limit`
 * also counts the young generation, whose size differs between Node versions (see above), so the old
 * generation's limit is the stated one — the worker's own `resourceLimits` in a worker thread, where
 * workbooks are read (workers/worker-thread.ts), else `--max-old-space-size` — or else
 * `heap_size_limit` less the young generation's largest size.
 */
export function heapAvailable(
  heap: { heap_size_limit: number; used_heap_size: number },
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env.NODE_OPTIONS,
  workerLimitMb: number | undefined = isMainThread ? undefined : resourceLimits.maxOldGenerationSizeMb,
): number {
  const stated = workerLimitMb || statedOldSpaceMb(execArgv, nodeOptions);
  const oldGenerationLimit =
    stated === undefined ? heap.heap_size_limit - YOUNG_GENERATION_ALLOWANCE : Math.min(stated * MIB, heap.heap_size_limit);
  return Math.max(oldGenerationLimit - heap.used_heap_size, 0);
}

/**
 * The old generation, in MB, a worker reading a workbook gets: the whole old generation this
 * process may have, as the main thread had before the work moved into workers.
 */
export function workerHeapMb(heap: { heap_size_limit: number } = getHeapStatistics()): number {
  return Math.floor(heapAvailable({ heap_size_limit: heap.heap_size_limit, used_heap_size: 0 }) / MIB);
}

/** Refuses, rather than running out of memory mid-way, a workbook larger than the heap left. */
export function checkHeap(sheet: { rows: number; cells: number }, available: number): void {
  const needed = heapNeeded(sheet);
  if (needed <= available) return;
  const megabytes = (bytes: number) => `${formatCount(Math.floor(Math.max(bytes, 0) / MIB))} MB`;
  throw new WorkbookRefusal(
    413,
    'not_enough_memory',
    `这个工作簿（${formatCount(sheet.rows)} 行、${formatCount(sheet.cells)} 个单元格）估计需要约 ${megabytes(needed)} 内存，` +
      `本服务当前只能提供约 ${megabytes(available)}。` +
      '请把台账拆成几个文件分别上传，或请管理员以更大的内存上限启动服务（例如 NODE_OPTIONS=--max-old-space-size=4096）',
  );
}

/** A workbook the service will not read, with the reason in Chinese; nothing of it is stored. */
export class WorkbookRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 413 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
