// 同步本表 in WPS 表格. ET's model is synchronous, so the steps run in order with no batching:
// read the table, let the service validate (the only wait), check the rows did not move meanwhile
// (found again by 行ID if they did), then write statuses and marks in 2-D blocks.

import { ALERT_COLUMN } from '../../client/contract.ts';
import { columnIndexOf, slotIndex } from '../sheet/layout.ts';
import { planMarks, pruneMarks } from '../sheet/marks.ts';
import { idOfCell, planSync, relocate, sameIds } from '../sheet/rows.ts';
import { summarize } from '../sheet/summary.ts';
import type { SyncOutcome, SyncTarget } from '../sheet/sync-memory.ts';
import { buildWriteBlocks, RowCells, type WriteBlock } from '../sheet/write-blocks.ts';
import { locator, presentIds, remember, rowWrites, scopeOf, sendRows, sentEntries, type BodyOrigin } from '../sync-steps.ts';
import type { HostSyncDeps } from '../taskpane/host.ts';
import { block, valuesOf } from './application.ts';
import { setAlertColours } from './format.ts';
import { bodyOf, locateLedgerTable, readTableRows, readTableShape } from './ledger-table.ts';
import { applyMarks } from './marks.ts';

export async function syncLedgerTable(target: SyncTarget, deps: HostSyncDeps): Promise<SyncOutcome> {
  const progress = deps.progress ?? (() => undefined);
  progress(0.02, '正在查找台账表格…');
  const located = locateLedgerTable(deps.ledgers, target.tableKey);
  const shape = readTableShape(located, deps.memory.marks);
  progress(0.08, `正在读取「${located.ledger.name}」…`);
  const { rows } = readTableRows(shape);
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
  const now = { ...shape, ...bodyOf(located.list) };
  const idColumn = slotIndex(layout, (slot) => slot.kind === 'rowId');
  const idsNow = now.rowCount === 0 ? [] : valuesOf(block(shape.sheet, now.bodyRow, now.bodyColumn + idColumn, now.rowCount, 1));
  const moved =
    now.bodyRow !== shape.bodyRow ||
    now.bodyColumn !== shape.bodyColumn ||
    !sameIds(
      rows.map((row) => row.idCell),
      idsNow.map((cells) => idOfCell(cells[0])),
    );
  const positions = moved
    ? relocate(plan.entries, readTableRows(now).rows)
    : new Map(plan.entries.map((entry) => [entry.position, entry.position]));
  const origin: BodyOrigin = moved ? now : shape;

  const { writes, unplaced } = rowWrites(plan, results, positions, !moved);
  const present = presentIds(full, rows, results);
  const clearedIds = plan.blank.map((position) => rows[position].rowId).filter((id): id is string => id !== null);
  const markPlan = planMarks(shape.marks, layout, results, clearedIds);
  let marks = applyMarks(shape.sheet, markPlan, locator(origin, layout, rows, plan, results, moved ? positions : null));
  if (present) marks = pruneMarks(marks, present);
  for (const written of buildWriteBlocks(layout, writes, cells)) writeBlock(shape.sheet, origin, written);
  const alert = columnIndexOf(layout, ALERT_COLUMN);
  if (present && alert >= 0 && now.rowCount > 0) setAlertColours(block(shape.sheet, now.bodyRow, now.bodyColumn + alert, now.rowCount, 1));

  remember(deps.memory, { key: located.key, origin, layout, full, rows, plan, results, marks });
  progress(1, '同步完成');
  const entries = sentEntries(plan, results, positions);
  return { summary: summarize(located.ledger, table, entries, unplaced), entries, full };
}

/** One block of values at its place in the table body: one assignment of a 2-D array. */
export function writeBlock(sheet: Et.Worksheet, origin: BodyOrigin, written: WriteBlock): void {
  block(sheet, origin.bodyRow + written.row, origin.bodyColumn + written.column, written.values.length, written.values[0].length).Value2 =
    written.values;
}
