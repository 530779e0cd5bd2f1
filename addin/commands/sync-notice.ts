// What the ribbon's 同步本表 tells the clerk when a sync found problems (Excel's dialog, WPS's
// message box); nothing when all is well, as the summary waits in the pane.

import type { SyncSummary } from '../sheet/summary.ts';

export function syncNotice(summary: SyncSummary): string | null {
  const problems: string[] = [];
  if (summary.errorRows) problems.push(`${summary.errorRows} 行有错误（已标红并附批注）`);
  if (summary.conflicts) problems.push(`${summary.conflicts} 行与他人的修改冲突，请打开助手选择保留哪一版`);
  if (summary.unplaced) problems.push(`${summary.unplaced} 行在同步期间被移动，未写回，请再同步一次`);
  return problems.length > 0 ? `已同步 ${summary.rows} 行。\n${problems.join('\n')}` : null;
}
