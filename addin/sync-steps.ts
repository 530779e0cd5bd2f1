// The steps of 同步本表 that are the same in every host: which rows to send, sending them to the
// service in parts, where each result goes back, what the pane remembers. The host layers
// (excel/sync-table.ts, wps/sync.ts) only read the rows and write these results into the cells.

import { newSyncId, syncBodyText, syncRowsBody } from '../client/api.ts';
import type { LedgerDefinition, RowResult, SyncRowRequest, UnchangedRowRequest } from '../client/contract.ts';
import { jsonBody, type Connection } from '../client/service.ts';
import { requestParts, ROWS_PER_PART } from './sheet/chunks.ts';
import { columnIndexOf, writeSpans, type TableLayout } from './sheet/layout.ts';
import type { Marks } from './sheet/marks.ts';
import type { SheetRow, SyncPlan, SyncScope } from './sheet/rows.ts';
import { CONFLICT_REMARK, type Progress, type SyncMemory, type SyncTarget } from './sheet/sync-memory.ts';
import type { SummaryEntry } from './sheet/summary.ts';
import type { RowWrite } from './sheet/write-blocks.ts';

export function scopeOf(target: SyncTarget, memory: SyncMemory, tableKey: string): SyncScope {
  // Automatic sync of a table this pane has not synced yet sends it whole: its rows are not known.
  if (target.kind === 'override') return { kind: 'override', revisions: target.revisions };
  const synced = memory.fingerprints.get(tableKey);
  if (target.kind === 'changed' && synced) return { kind: 'changed', synced };
  const answeredOk = memory.answeredOk.get(tableKey);
  return answeredOk ? { kind: 'all', answeredOk } : { kind: 'all' };
}

/**
 * Sends the planned rows: a table of more than one part's rows goes in parts, each sent as soon as
 * it is serialised, so the service judges one while the next is made and travels (the service
 * takes them in order, as one request). Rows named unchanged whose stored version moved on
 * meanwhile (answered `resend`) go again with their values, as further parts of the same sync.
 * `answeredPart` sees each part's results as they come, while the service judges the next part.
 */
export async function sendRows(
  connection: Connection,
  ledger: LedgerDefinition,
  plan: SyncPlan,
  progress: Progress,
  answeredPart: (results: RowResult[]) => void = () => undefined,
): Promise<RowResult[]> {
  const total = plan.entries.length;
  const sync = newSyncId();
  let partsSent = 0;
  let answered = 0;
  const post = async (requests: Array<SyncRowRequest | UnchangedRowRequest>): Promise<RowResult[]> => {
    const whole = requests.length <= ROWS_PER_PART && partsSent === 0;
    const answers: Array<Promise<RowResult[]>> = [];
    progress(0.1, `正在提交服务校验（${requests.length} 行）…`);
    for (const part of requestParts(requests)) {
      // Each part is made ready (compressed) and sent before the next is serialised.
      const body = await jsonBody(syncBodyText(part.json, whole ? undefined : { sync, index: partsSent++ }));
      answers.push(
        syncRowsBody(connection, ledger.id, body).then((response) => {
          answered += part.rows.length;
          if (answered < total) progress(0.1 + (0.65 * answered) / total, `服务已校验 ${answered} / ${total} 行…`);
          answeredPart(response.rows);
          return response.rows;
        }),
      );
    }
    const results = (await Promise.all(answers)).flat();
    if (results.length !== requests.length) throw new Error(`服务返回 ${results.length} 行，提交的是 ${requests.length} 行`);
    return results;
  };
  const results = await post(plan.entries.map((entry) => entry.unchanged ?? entry.request));
  const again = plan.entries.flatMap((entry, index) => (results[index].state === 'resend' ? [index] : []));
  if (again.length > 0) {
    answered -= again.length;
    const resent = await post(again.map((index) => plan.entries[index].request));
    again.forEach((index, order) => (results[index] = resent[order]));
  }
  return results;
}

/** Sheet row and column of a table body's first cell (0-based). */
export interface BodyOrigin {
  bodyRow: number;
  bodyColumn: number;
}

/** Where a mark's cell is now: sheet row and column, or null when its row is gone. */
export type Locate = (rowId: string, columnId: string) => { row: number; column: number } | null;

/** Finds a mark's cell: by the row's position when read (or after relocation), and the column's. */
export function locator(
  origin: BodyOrigin,
  layout: TableLayout,
  rows: SheetRow[],
  plan: SyncPlan,
  results: RowResult[],
  positions: Map<number, number> | null,
): Locate {
  const byId = new Map<string, number>();
  for (const row of rows) if (row.rowId !== null) byId.set(row.rowId, row.position);
  plan.entries.forEach((entry, index) => byId.set(results[index].rowId, entry.position));
  return (rowId, columnId) => {
    const read = byId.get(rowId);
    const position = read === undefined ? undefined : positions ? positions.get(read) : read;
    const column = columnIndexOf(layout, columnId);
    if (position === undefined || column < 0) return null;
    return { row: origin.bodyRow + position, column: origin.bodyColumn + column };
  };
}

/** Each sent row's result at its row's position now; rows that moved away are counted, not written. */
export function rowWrites(
  plan: SyncPlan,
  results: RowResult[],
  positions: Map<number, number>,
  clearBlank: boolean,
): { writes: Map<number, RowWrite>; unplaced: number } {
  const writes = new Map<number, RowWrite>();
  let unplaced = 0;
  plan.entries.forEach((entry, index) => {
    const at = positions.get(entry.position);
    if (at === undefined) unplaced += 1;
    else
      writes.set(
        at,
        results[index].state === 'conflict' ? { kind: 'conflict', message: CONFLICT_REMARK } : { kind: 'result', result: results[index] },
      );
  });
  if (clearBlank) for (const position of plan.blank) writes.set(position, { kind: 'clear' });
  return { writes, unplaced };
}

/** The 行ID of every row a full sync saw, for dropping the marks of rows that are gone. */
export function presentIds(full: boolean, rows: SheetRow[], results: RowResult[]): ReadonlySet<string> | null {
  if (!full) return null;
  return new Set([...rows.map((row) => row.rowId), ...results.map((result) => result.rowId)].filter((id): id is string => id !== null));
}

/** The rows a sync sent, with their results and where they are now. */
export function sentEntries(plan: SyncPlan, results: RowResult[], positions: Map<number, number>): SummaryEntry[] {
  return plan.entries.map((entry, index) => ({
    result: results[index],
    values: entry.request.values,
    position: positions.get(entry.position) ?? entry.position,
  }));
}

export interface Remembered {
  key: string;
  origin: BodyOrigin;
  layout: TableLayout;
  full: boolean;
  rows: SheetRow[];
  plan: SyncPlan;
  results: RowResult[];
  marks: Marks;
}

export function remember(memory: SyncMemory, sync: Remembered): void {
  const { key, origin, layout, full, rows, plan, results, marks } = sync;
  const fingerprints = full ? new Map<string, string>() : (memory.fingerprints.get(key) ?? new Map<string, string>());
  plan.entries.forEach((entry, index) => fingerprints.set(results[index].rowId, entry.fingerprint));
  for (const position of plan.blank) {
    const rowId = rows[position].rowId;
    if (rowId) fingerprints.delete(rowId);
  }
  memory.fingerprints.set(key, fingerprints);
  memory.answeredOk.set(key, answeredOk(memory.answeredOk.get(key), sync));
  memory.marks.set(key, marks);
  memory.writtenColumns.set(
    key,
    new Set(
      writeSpans(layout).flatMap((span) =>
        Array.from({ length: span.end - span.start + 1 }, (_, offset) => origin.bodyColumn + span.start + offset),
      ),
    ),
  );
}

/** Which rows' values the service holds as sent after this sync (see SyncMemory.answeredOk). */
function answeredOk(before: Map<string, string> | undefined, sync: Remembered): Map<string, string> {
  const { full, rows, plan, results } = sync;
  const answered = full || !before ? new Map<string, string>() : before;
  plan.entries.forEach((entry, index) => {
    const result = results[index];
    if (result.state === 'ok') answered.set(result.rowId, entry.fingerprint);
    else answered.delete(result.rowId);
  });
  for (const position of plan.blank) {
    const rowId = rows[position].rowId;
    if (rowId) answered.delete(rowId);
  }
  return answered;
}
