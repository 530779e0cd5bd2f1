// What a 分案清单 file is called and headed, the same in the xlsx, the docx and the kept files.

import type { AssignmentList } from '../domain/assignment-list.ts';

export interface ListHeading {
  /** 速执团队分案清单 */
  title: string;
  /** The day (or 全部未结案件), the day it is counted as of, and the counts. */
  line: string;
}

export function listHeading(list: AssignmentList): ListHeading {
  const urgent = [list.overdue > 0 ? `超期 ${list.overdue} 件` : '', list.dueSoon > 0 ? `临期 ${list.dueSoon} 件` : ''].filter(Boolean);
  const counts = `共 ${list.rows.length} 件${urgent.length > 0 ? `，其中${urgent.join('、')}` : ''}`;
  const which = list.date ? `分案日期：${list.date}` : '全部未结案件';
  return { title: `${list.team}分案清单`, line: `${which}，${counts}；统计至 ${list.asOf}。` };
}

/** 分案清单-速执团队-2026-11-20.xlsx; the open list is named by the day it is counted as of. */
export function listFileName(list: Pick<AssignmentList, 'team' | 'date' | 'asOf'>, format: 'xlsx' | 'docx'): string {
  return list.date ? `分案清单-${list.team}-${list.date}.${format}` : `分案清单-${list.team}-未结-${list.asOf}.${format}`;
}
