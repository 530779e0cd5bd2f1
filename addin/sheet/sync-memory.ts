// What a sync is asked to do and what it answers, and what the pane remembers between syncs: the
// same for every host (Excel, WPS 表格), which only reads and writes the cells.

import type { Marks } from './marks.ts';
import type { SummaryEntry, SyncSummary } from './summary.ts';

export type Progress = (fraction: number, label: string) => void;

/** What the pane remembers between syncs while it is open. */
export class SyncMemory {
  /** Per table: each row's fingerprint as last synced, so automatic sync sends changed rows only. */
  readonly fingerprints = new Map<string, Map<string, string>>();
  /**
   * Per table: the fingerprint of each row as sent when the service last answered it ok (stored, no
   * error): 同步本表 names such a row, still unchanged, by its 行ID and version instead of its values.
   */
  readonly answeredOk = new Map<string, Map<string, string>>();
  /** Per table: error marks, where the workbook cannot hold them. */
  readonly marks = new Map<string, Marks>();
  /** Per table: sheet columns the add-in writes, so its own writes do not trigger automatic sync. */
  readonly writtenColumns = new Map<string, Set<number>>();
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
