// Marks on clerks' cells (fill and note or comment) and the 预警 colours. Lookups are queued in the
// sync that verifies row positions, changes in the sync that writes, so marking costs no extra round
// trip except recording new comment ids where comments stand in for notes.

import { localAddress, sheetAddress } from '../sheet/addresses.ts';
import { MARK_FILL, NOTE_PREFIX, type Mark, type MarkChange, type MarkPlan, type Marks } from '../sheet/marks.ts';
import { ALERT_COLOURS } from '../sheet/column-look.ts';
import type { Locate } from '../sync-steps.ts';
import type { Capabilities } from './capabilities.ts';

export type AnnotationMode = 'notes' | 'comments' | 'none';

export function annotationMode(capabilities: Capabilities): AnnotationMode {
  if (capabilities.notes) return 'notes';
  if (capabilities.comments) return 'comments';
  return 'none';
}

interface PendingAdd {
  change: MarkChange;
  address: string;
  range: Excel.Range;
  note: Excel.Note | null;
}

interface PendingRemove {
  rowId: string;
  columnId: string;
  mark: Mark;
  fill: Excel.RangeFill;
  note: Excel.Note | null;
}

export interface AnnotationLookups {
  adds: PendingAdd[];
  removes: PendingRemove[];
  comments: Excel.CommentCollection | null;
  keep: Marks;
}

/** Queues what must be known before marking: existing notes, fills to clear, our comments. */
export function queueAnnotationLookups(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  sheetName: string,
  plan: MarkPlan,
  locate: Locate,
  mode: AnnotationMode,
): AnnotationLookups {
  const note = (address: string) => {
    if (mode !== 'notes') return null;
    const found = context.workbook.notes.getItemOrNullObject(address);
    found.load('content');
    return found;
  };
  const adds: PendingAdd[] = [];
  for (const change of plan.add) {
    const at = locate(change.rowId, change.columnId);
    if (!at) continue;
    const address = sheetAddress(sheetName, at.row, at.column);
    adds.push({ change, address, range: sheet.getRange(localAddress(at.row, at.column)), note: note(address) });
  }
  const removes: PendingRemove[] = [];
  for (const { rowId, columnId, mark } of plan.remove) {
    const at = locate(rowId, columnId);
    if (!at) continue;
    const fill = sheet.getRange(localAddress(at.row, at.column)).format.fill;
    fill.load('color');
    removes.push({ rowId, columnId, mark, fill, note: note(sheetAddress(sheetName, at.row, at.column)) });
  }
  let comments: Excel.CommentCollection | null = null;
  if (mode === 'comments' && (adds.length > 0 || removes.length > 0)) {
    comments = context.workbook.comments;
    comments.load('items/id,items/content');
  }
  return { adds, removes, comments, keep: plan.keep };
}

const ours = (content: string | undefined) => typeof content === 'string' && content.startsWith(NOTE_PREFIX);

export interface AnnotationWrites {
  /** The marks record once the commands have run. */
  marks: Marks;
  /** One entry per mark added or removed: its commands and their rough request size. */
  commands: Array<{ bytes: number; queue(): void }>;
  /** Comments added; their ids are known after the sync that sent them. */
  newComments: Array<{ rowId: string; columnId: string; comment: Excel.Comment }>;
}

/**
 * Plans fills, notes and comments after the lookups' sync. The commands are queued by the caller,
 * in as many batches as Excel on the web's payload limit needs (a sheet where every row has an
 * error carries thousands of them).
 */
export function planAnnotationWrites(context: Excel.RequestContext, lookups: AnnotationLookups, mode: AnnotationMode): AnnotationWrites {
  const marks: Marks = JSON.parse(JSON.stringify(lookups.keep));
  const newComments: AnnotationWrites['newComments'] = [];
  const commands: AnnotationWrites['commands'] = [];
  const existingComments = new Map((lookups.comments?.items ?? []).map((comment) => [comment.id, comment.content]));
  for (const { mark, fill, note } of lookups.removes) {
    commands.push({
      bytes: 200,
      queue: () => {
        if (fill.color?.toUpperCase() === MARK_FILL) fill.clear();
        if (note && !note.isNullObject && ours(note.content)) note.delete();
        if (mark.commentId && ours(existingComments.get(mark.commentId))) context.workbook.comments.getItem(mark.commentId).delete();
      },
    });
  }
  for (const { change, address, range, note } of lookups.adds) {
    const text = `${NOTE_PREFIX}${change.message}`;
    const mark: Mark = { message: change.message };
    const previousId = change.previous?.commentId;
    const keepComment = mode === 'comments' && !!previousId && ours(existingComments.get(previousId));
    if (keepComment) mark.commentId = previousId;
    commands.push({
      bytes: 300 + text.length * 3,
      queue: () => {
        range.format.fill.color = MARK_FILL;
        if (mode === 'notes' && note) {
          if (note.isNullObject) context.workbook.notes.add(address, text);
          else if (ours(note.content)) note.content = text;
        } else if (keepComment) {
          context.workbook.comments.getItem(previousId as string).content = text;
        } else if (mode === 'comments') {
          const comment = context.workbook.comments.add(address, text);
          comment.load('id');
          newComments.push({ rowId: change.rowId, columnId: change.columnId, comment });
        }
      },
    });
    (marks[change.rowId] ??= {})[change.columnId] = mark;
  }
  return { marks, commands, newComments };
}

/** Comment ids are known only after the sync that added them. */
export function recordCommentIds(writes: AnnotationWrites): Marks {
  for (const { rowId, columnId, comment } of writes.newComments) writes.marks[rowId][columnId].commentId = comment.id;
  return writes.marks;
}

/** 预警 coloured by conditional formats (ExcelApi 1.6): 超期 red, 临期 amber, 正常 green. */
export function queueAlertColours(range: Excel.Range): void {
  range.conditionalFormats.clearAll();
  for (const [text, fill, font] of ALERT_COLOURS) {
    const format = range.conditionalFormats.add('ContainsText');
    format.textComparison.format.fill.color = fill;
    format.textComparison.format.font.color = font;
    format.textComparison.rule = { operator: 'Contains', text };
  }
}
