// 同步本表: one Excel.run per sync, with a fixed number of context.sync() calls whatever the row
// count (more only when a table exceeds Excel on the web's 5 MB payload limit, or when the clerk
// sorts rows while the service is answering):
//   1 find the table · 2 header and body position · 3 read the rows (one range)
//   — the service validates —
//   4 check the rows did not move, look up existing notes and fills · 5 write statuses and marks.

import { syncRows } from '../../client/api.ts';
import { ALERT_COLUMN, type LedgerDefinition, type RowResult } from '../../client/contract.ts';
import type { Connection } from '../../client/service.ts';
import { batchWrites, chunkBySize, chunkRequests, EXCEL_DATA_BUDGET, utf8Length } from '../sheet/chunks.ts';
import { columnIndexOf, slotIndex, writeSpans, type TableLayout } from '../sheet/layout.ts';
import { planMarks, pruneMarks, type Marks } from '../sheet/marks.ts';
import { idOfCell, planSync, relocate, sameIds, type SheetRow, type SyncPlan, type SyncScope } from '../sheet/rows.ts';
import { summarize, type SummaryEntry, type SyncSummary } from '../sheet/summary.ts';
import { buildWriteBlocks, type RowWrite } from '../sheet/write-blocks.ts';
import {
  annotationMode,
  planAnnotationWrites,
  queueAlertColours,
  queueAnnotationLookups,
  recordCommentIds,
  type AnnotationLookups,
  type Locate,
} from './annotations.ts';
import type { Capabilities } from './capabilities.ts';
import { locateLedgerTable, marksSettingKey, readTableRows, readTableShape, type TableShape } from './ledger-table.ts';
import { writeInBatches } from './write-batches.ts';

export type Progress = (fraction: number, label: string) => void;

/** What the pane remembers between syncs while it is open. */
export class SyncMemory {
  /** Per table: each row's fingerprint as last synced, so automatic sync sends changed rows only. */
  readonly fingerprints = new Map<string, Map<string, string>>();
  /** Per table: error marks, where workbook settings (ExcelApi 1.4) cannot hold them. */
  readonly marks = new Map<string, Marks>();
  /** Per table: sheet columns the add-in writes, so its own writes do not trigger automatic sync. */
  readonly writtenColumns = new Map<string, Set<number>>();
}

export interface SyncDeps {
  connection: Connection;
  ledgers: LedgerDefinition[];
  capabilities: Capabilities;
  memory: SyncMemory;
  progress?: Progress;
}

export type SyncTarget =
  | { kind: 'all'; tableKey?: string }
  | { kind: 'changed'; tableKey: string }
  | { kind: 'override'; tableKey: string; revisions: ReadonlyMap<string, number> };

export interface SyncOutcome {
  summary: SyncSummary;
  /** The rows this sync sent, for merging an automatic sync's few rows into the last summary. */
  entries: SummaryEntry[];
  /** Whether every row of the table was sent (同步本表) rather than the changed ones. */
  full: boolean;
}

export const CONFLICT_REMARK = '此行已被他人修改，与服务中的版本冲突：请在助手中选择「保留我的」或「采用对方的」';

export async function syncLedgerTable(target: SyncTarget, deps: SyncDeps): Promise<SyncOutcome> {
  const progress = deps.progress ?? (() => undefined);
  return Excel.run(async (context) => {
    progress(0.02, '正在查找台账表格…');
    const located = await locateLedgerTable(context, deps.ledgers, target.tableKey);
    const shape = await readTableShape(context, located, deps.capabilities, deps.memory.marks);
    progress(0.08, `正在读取「${located.ledger.name}」…`);
    const { rows } = await readTableRows(context, shape);
    const scope = scopeOf(target, deps.memory.fingerprints.get(located.key));
    const plan = planSync(rows, scope);
    const full = scope.kind === 'all';
    const table = { key: located.key, name: located.name, sheet: shape.sheetName };
    if (plan.entries.length === 0 && plan.blank.length === 0) {
      progress(1, '没有需要同步的修改');
      return { summary: summarize(located.ledger, table, [], 0), entries: [], full };
    }

    const results = await sendRows(deps, located.ledger, plan, progress);

    progress(0.8, '正在写回状态列…');
    const layout = shape.header.layout;
    const mode = annotationMode(deps.capabilities);
    const clearedIds = plan.blank.map((position) => rows[position].rowId).filter((id): id is string => id !== null);
    const markPlan = planMarks(shape.marks, layout, results, clearedIds);
    const idColumn = located.table.columns.getItemAt(slotIndex(layout, (slot) => slot.kind === 'rowId')).getDataBodyRange();
    idColumn.load('values');
    const bodyNow = located.table.getDataBodyRange();
    bodyNow.load('rowIndex,columnIndex,rowCount');
    let lookups = queueAnnotationLookups(
      context,
      shape.sheet,
      shape.sheetName,
      markPlan,
      locator(shape, layout, rows, plan, results, null),
      mode,
    );
    await context.sync();

    let origin = shape;
    let positions: Map<number, number>;
    const moved =
      bodyNow.rowIndex !== shape.bodyRow ||
      bodyNow.columnIndex !== shape.bodyColumn ||
      !sameIds(
        rows.map((row) => row.idCell),
        idColumn.values.map((cells) => idOfCell(cells[0])),
      );
    if (!moved) {
      positions = new Map(plan.entries.map((entry) => [entry.position, entry.position]));
    } else {
      origin = { ...shape, bodyRow: bodyNow.rowIndex, bodyColumn: bodyNow.columnIndex, rowCount: bodyNow.rowCount };
      const { rows: now } = await readTableRows(context, origin);
      positions = relocate(plan.entries, now);
      lookups = queueAnnotationLookups(
        context,
        shape.sheet,
        shape.sheetName,
        markPlan,
        locator(origin, layout, rows, plan, results, positions),
        mode,
      );
      await context.sync();
    }

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
    if (!moved) for (const position of plan.blank) writes.set(position, { kind: 'clear' });

    const present = full
      ? new Set([...rows.map((row) => row.rowId), ...results.map((result) => result.rowId)].filter((id): id is string => id !== null))
      : null;
    const marks = await writeBack(context, origin, layout, writes, lookups, present, deps, progress);
    remember(deps.memory, located.key, origin, layout, full, rows, plan, results, marks);
    progress(1, '同步完成');
    const entries = plan.entries.map((entry, index) => ({
      result: results[index],
      values: entry.request.values,
      position: positions.get(entry.position) ?? entry.position,
    }));
    return { summary: summarize(located.ledger, table, entries, unplaced), entries, full };
  });
}

function scopeOf(target: SyncTarget, synced: Map<string, string> | undefined): SyncScope {
  // Automatic sync of a table this pane has not synced yet sends it whole: its rows are not known.
  if (target.kind === 'override') return { kind: 'override', revisions: target.revisions };
  if (target.kind === 'changed' && synced) return { kind: 'changed', synced };
  return { kind: 'all' };
}

/** Sends the planned rows, in parts when a sheet exceeds what one request may carry. */
async function sendRows(deps: SyncDeps, ledger: LedgerDefinition, plan: SyncPlan, progress: Progress): Promise<RowResult[]> {
  const requests = plan.entries.map((entry) => entry.request);
  const parts = chunkRequests(requests);
  const results: RowResult[] = [];
  for (const [index, part] of parts.entries()) {
    progress(0.1 + (0.65 * index) / parts.length, `正在提交服务校验（${results.length + part.length} / ${requests.length} 行）…`);
    results.push(...(await syncRows(deps.connection, ledger.id, part)).rows);
  }
  if (results.length !== requests.length) throw new Error(`服务返回 ${results.length} 行，提交的是 ${requests.length} 行`);
  return results;
}

/** Finds a mark's cell: by the row's position when read (or after relocation), and the column's. */
function locator(
  shape: TableShape,
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
    return { row: shape.bodyRow + position, column: shape.bodyColumn + column };
  };
}

/** Statuses, marks, 预警 colours and the marks record; one sync unless the data exceeds the budget. */
async function writeBack(
  context: Excel.RequestContext,
  shape: TableShape,
  layout: TableLayout,
  writes: Map<number, RowWrite>,
  lookups: AnnotationLookups,
  present: ReadonlySet<string> | null,
  deps: SyncDeps,
  progress: Progress,
): Promise<Marks> {
  const annotations = planAnnotationWrites(context, lookups, annotationMode(deps.capabilities));
  const alert = columnIndexOf(layout, ALERT_COLUMN);
  if (present && alert >= 0 && deps.capabilities.conditionalFormats) {
    queueAlertColours(shape.located.table.columns.getItemAt(alert).getDataBodyRange());
  }
  let marks = present ? pruneMarks(annotations.marks, present) : annotations.marks;
  const saveMarks = (value: Marks) => {
    if (deps.capabilities.appendColumns) context.workbook.settings.add(marksSettingKey(shape.located.name), JSON.stringify(value));
  };
  const groups = chunkBySize(annotations.commands, (command) => command.bytes, EXCEL_DATA_BUDGET);
  const marksBytes = deps.capabilities.appendColumns ? utf8Length(JSON.stringify(marks)) : 0;
  const annotationBytes = annotations.commands.reduce((sum, command) => sum + command.bytes, 0) + marksBytes;
  if (groups.length <= 1 && annotationBytes <= EXCEL_DATA_BUDGET / 2) {
    for (const command of annotations.commands) command.queue();
  } else {
    // Thousands of marks at once: they get batches of their own, each under the payload limit.
    for (const group of groups) {
      for (const command of group) command.queue();
      // One sync per 4 MB of marks, as Excel on the web refuses bigger requests.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- see above
      await context.sync();
    }
  }
  if (annotations.newComments.length === 0) saveMarks(marks);
  const reserved = groups.length <= 1 && annotationBytes <= EXCEL_DATA_BUDGET / 2 ? annotationBytes : marksBytes;
  const batches = batchWrites(buildWriteBlocks(layout, writes), EXCEL_DATA_BUDGET, reserved);
  await writeInBatches(context, shape.sheet, { row: shape.bodyRow, column: shape.bodyColumn }, batches, (done, total) =>
    progress(0.8 + (0.2 * done) / total, '正在写回状态列…'),
  );
  if (annotations.newComments.length > 0) {
    marks = recordCommentIds(annotations);
    if (present) marks = pruneMarks(marks, present);
    saveMarks(marks);
    await context.sync();
  }
  return marks;
}

function remember(
  memory: SyncMemory,
  key: string,
  shape: TableShape,
  layout: TableLayout,
  full: boolean,
  rows: SheetRow[],
  plan: SyncPlan,
  results: RowResult[],
  marks: Marks,
): void {
  const fingerprints = full ? new Map<string, string>() : (memory.fingerprints.get(key) ?? new Map<string, string>());
  plan.entries.forEach((entry, index) => fingerprints.set(results[index].rowId, entry.fingerprint));
  for (const position of plan.blank) {
    const rowId = rows[position].rowId;
    if (rowId) fingerprints.delete(rowId);
  }
  memory.fingerprints.set(key, fingerprints);
  memory.marks.set(key, marks);
  memory.writtenColumns.set(
    key,
    new Set(
      writeSpans(layout).flatMap((span) =>
        Array.from({ length: span.end - span.start + 1 }, (_, offset) => shape.bodyColumn + span.start + offset),
      ),
    ),
  );
}
