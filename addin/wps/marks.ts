// Error marks in WPS 表格: the light red fill and a comment carrying the service's message, on the
// clerk's cell; removed when fixed, only where the fill and the comment are still ours.

import { slotIndex, type TableLayout } from '../sheet/layout.ts';
import { MARK_FILL, NOTE_PREFIX, type Mark, type MarkPlan, type Marks } from '../sheet/marks.ts';
import { idOfCell } from '../sheet/rows.ts';
import type { Locate } from '../sync-steps.ts';
import { bgrOf, XL_NONE } from './application.ts';

const ours = (comment: Et.Comment | null) => !!comment && comment.Text().startsWith(NOTE_PREFIX);

/**
 * The marks a table carries, read back from our comments on its body: where the pane does not
 * remember them (it was reopened), so a cell fixed since is still unmarked by the next sync.
 */
export function marksOnSheet(
  sheet: Et.Worksheet,
  layout: TableLayout,
  body: { bodyRow: number; bodyColumn: number; rowCount: number },
): Marks {
  const marks: Marks = {};
  const idColumn = body.bodyColumn + slotIndex(layout, (slot) => slot.kind === 'rowId');
  for (let index = 1; index <= sheet.Comments.Count; index += 1) {
    const comment = sheet.Comments.Item(index);
    const text = comment.Text();
    const cell = comment.Parent;
    const position = cell.Row - 1 - body.bodyRow;
    const slot = layout.slots[cell.Column - 1 - body.bodyColumn];
    if (!text.startsWith(NOTE_PREFIX) || position < 0 || position >= body.rowCount || slot?.kind !== 'input') continue;
    const rowId = idOfCell(sheet.Cells.Item(cell.Row, idColumn + 1).Value2);
    if (rowId) (marks[rowId] ??= {})[slot.column.id] = { message: text.slice(NOTE_PREFIX.length) };
  }
  return marks;
}

/** Applies the plan and answers the marks record as it is afterwards. */
export function applyMarks(sheet: Et.Worksheet, plan: MarkPlan, locate: Locate): Marks {
  const marks: Marks = JSON.parse(JSON.stringify(plan.keep));
  const fill = bgrOf(MARK_FILL);
  for (const { rowId, columnId } of plan.remove) {
    const at = locate(rowId, columnId);
    if (!at) continue;
    const cell = sheet.Cells.Item(at.row + 1, at.column + 1);
    if (cell.Interior.Color === fill) cell.Interior.ColorIndex = XL_NONE;
    if (ours(cell.Comment)) cell.Comment?.Delete();
  }
  for (const change of plan.add) {
    const at = locate(change.rowId, change.columnId);
    if (!at) continue;
    const cell = sheet.Cells.Item(at.row + 1, at.column + 1);
    cell.Interior.Color = fill;
    const comment = cell.Comment;
    // A clerk's own comment stays; the message is then in 校验意见 only.
    if (ours(comment)) comment?.Delete();
    if (!comment || ours(comment)) cell.AddComment(`${NOTE_PREFIX}${change.message}`);
    const mark: Mark = { message: change.message };
    (marks[change.rowId] ??= {})[change.columnId] = mark;
  }
  return marks;
}
