// 同步本表: one Excel.run per sync, with a fixed number of context.sync() calls whatever the row
// count (more only when a table exceeds Excel on the web's 5 MB payload limit, or when the clerk
// sorts rows while the service is answering):
//   1 find the table · 2 header and body position · 3 read the rows (one range)
//   — the service validates —
//   4 check the rows did not move, look up existing notes and fills · 5 write statuses and marks.

import { ALERT_COLUMN, type LedgerDefinition } from '../../client/contract.ts';
import type { Connection } from '../../client/service.ts';
import { batchWrites, chunkBySize, EXCEL_DATA_BUDGET, utf8Length } from '../sheet/chunks.ts';
import { columnIndexOf, slotIndex } from '../sheet/layout.ts';
import { planMarks, pruneMarks, type Marks } from '../sheet/marks.ts';
import { idOfCell, planSync, relocate, sameIds } from '../sheet/rows.ts';
import { summarize } from '../sheet/summary.ts';
import type { Progress, SyncMemory, SyncOutcome, SyncTarget } from '../sheet/sync-memory.ts';
import { buildWriteBlocks, RowCells, type RowWrite } from '../sheet/write-blocks.ts';
import { locator, presentIds, remember, rowWrites, scopeOf, sendRows, sentEntries } from '../sync-steps.ts';
import {
  annotationMode,
  planAnnotationWrites,
  queueAlertColours,
  queueAnnotationLookups,
  recordCommentIds,
  type AnnotationLookups,
} from './annotations.ts';
import type { Capabilities } from './capabilities.ts';
import { locateLedgerTable, marksSettingKey, readTableRows, readTableShape, type TableShape } from './ledger-table.ts';
import { writeInBatches } from './write-batches.ts';

export interface SyncDeps {
  connection: Connection;
  ledgers: LedgerDefinition[];
  capabilities: Capabilities;
  memory: SyncMemory;
  progress?: Progress;
}

export async function syncLedgerTable(target: SyncTarget, deps: SyncDeps): Promise<SyncOutcome> {
  const progress = deps.progress ?? (() => undefined);
  return Excel.run(async (context) => {
    progress(0.02, '正在查找台账表格…');
    const located = await locateLedgerTable(context, deps.ledgers, target.tableKey);
    const shape = await readTableShape(context, located, deps.capabilities, deps.memory.marks);
    progress(0.08, `正在读取「${located.ledger.name}」…`);
    const { rows } = await readTableRows(context, shape);
    const scope = scopeOf(target, deps.memory, located.key);
    const plan = planSync(rows, scope);
    const full = scope.kind === 'all';
    const table = { key: located.key, name: located.name, sheet: shape.sheetName };
    if (plan.entries.length === 0 && plan.blank.length === 0) {
      progress(1, '没有需要同步的修改');
      return { summary: summarize(located.ledger, table, [], 0), entries: [], full };
    }

    const layout = shape.header.layout;
    const cells = new RowCells(layout);
    const results = await sendRows(deps.connection, located.ledger, plan, progress, (part) => cells.add(part));

    progress(0.8, '正在写回状态列…');
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

    const { writes, unplaced } = rowWrites(plan, results, positions, !moved);
    const present = presentIds(full, rows, results);
    const marks = await writeBack(context, origin, cells, writes, lookups, present, deps, progress);
    remember(deps.memory, { key: located.key, origin, layout, full, rows, plan, results, marks });
    progress(1, '同步完成');
    const entries = sentEntries(plan, results, positions);
    return { summary: summarize(located.ledger, table, entries, unplaced), entries, full };
  });
}

/** Statuses, marks, 预警 colours and the marks record; one sync unless the data exceeds the budget. */
async function writeBack(
  context: Excel.RequestContext,
  shape: TableShape,
  cells: RowCells,
  writes: Map<number, RowWrite>,
  lookups: AnnotationLookups,
  present: ReadonlySet<string> | null,
  deps: SyncDeps,
  progress: Progress,
): Promise<Marks> {
  const { layout } = cells;
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
  const batches = batchWrites(buildWriteBlocks(layout, writes, cells), EXCEL_DATA_BUDGET, reserved);
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
