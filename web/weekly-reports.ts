// 4. 周通报: the reports the service made by itself, and any week on request.

import { fetchStoredReports, weeklyReportFile } from '../client/api.ts';
import type { ListedReport } from '../client/contract.ts';
import { formatYmd } from '../service/domain/civil-date.ts';
import { weekBefore, weekOf } from '../service/domain/report/week.ts';
import { byId, messageOf, say, saveNow } from './dom.ts';
import { connection } from './session.ts';

export async function loadReports(): Promise<void> {
  const list = byId('report-list');
  list.textContent = '';
  say('report-list-status', '正在读取已生成的周通报…');
  try {
    const reports = await fetchStoredReports(connection());
    if (reports.length === 0) return say('report-list-status', '还没有自动生成的周通报。');
    say('report-list-status', '');
    for (const report of reports) list.appendChild(reportItem(report));
  } catch (error) {
    say('report-list-status', messageOf(error), 'error');
  }
}

function reportItem(report: ListedReport): HTMLLIElement {
  const item = document.createElement('li');
  const week = report.week ?? '';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = '下载';
  button.addEventListener('click', () => void downloadWeekly(week, 'report-list-status'));
  const dates = report.from && report.to ? `（${report.from} 至 ${report.to}）` : '';
  item.appendChild(document.createTextNode(`周通报 ${week}${dates}`));
  item.appendChild(button);
  return item;
}

export async function downloadWeekly(week: string, statusId: string): Promise<void> {
  if (!/^\d{4}-W\d{2}$/.test(week)) return say(statusId, '请选择一周。', 'error');
  say(statusId, `正在生成 ${week} 周通报…`);
  try {
    const file = await weeklyReportFile(connection(), week);
    saveNow(file.blob, file.name);
    say(statusId, `已下载「${file.name}」。`, 'ok');
  } catch (error) {
    say(statusId, messageOf(error), 'error');
  }
}

/** The ISO week before the one containing `date` (the browser's day), as YYYY-Www. */
export function lastWeek(date: Date): string {
  return weekBefore(weekOf(formatYmd(date.getFullYear(), date.getMonth() + 1, date.getDate()))).id;
}
