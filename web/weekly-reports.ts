// 4. 周通报: the reports the service made by itself on their Monday, each as a Word document (the
// 通报 to send) and an Excel workbook (every table) — 下载 gives the stored file as it was made,
// 重新生成 makes the week again from today's rows — and any other week on request.

import { fetchStoredReports, storedReportFile, weeklyReportFile, type ReportFileFormat } from '../client/api.ts';
import type { ListedReport } from '../client/contract.ts';
import type { Connection, ServiceFile } from '../client/service.ts';
import { formatYmd } from '../service/domain/civil-date.ts';
import { weekBefore, weekOf } from '../service/domain/report/week.ts';
import { byId, messageOf, say, saveNow } from './dom.ts';
import { connection, stillSignedIn } from './session.ts';

export async function loadReports(): Promise<void> {
  const list = byId('report-list');
  list.textContent = '';
  say('report-list-status', '正在读取已生成的周通报…');
  const asked = connection();
  try {
    const reports = await fetchStoredReports(asked);
    if (!stillSignedIn(asked)) return;
    if (reports.length === 0) return say('report-list-status', '还没有自动生成的周通报。');
    say('report-list-status', '');
    for (const report of reports) list.appendChild(reportItem(report));
  } catch (error) {
    if (stillSignedIn(asked)) say('report-list-status', messageOf(error), 'error');
  }
}

function reportItem(report: ListedReport): HTMLLIElement {
  const item = document.createElement('li');
  const week = report.week ?? '';
  const dates = report.from && report.to ? `（${report.from} 至 ${report.to}）` : '';
  const saved = report.savedAt ? `，${new Date(report.savedAt).toLocaleString('zh-CN', { hour12: false })} 生成` : '';
  item.appendChild(document.createTextNode(`周通报 ${week}${dates}${saved}`));
  const stored = (format: ReportFileFormat) => () =>
    fetchAndSave((asked) => storedReportFile(asked, report, format), `正在下载 ${week} 周通报…`, 'report-list-status');
  if (report.docx) item.appendChild(button('下载 Word', 'stored-docx', '下载当时生成并保存的 Word 通报', stored('docx')));
  item.appendChild(button('下载 Excel', 'stored', '下载当时生成并保存的 Excel 表格（含完整超期清单）', stored('xlsx')));
  item.appendChild(
    button(
      '重新生成 Word',
      'regenerate-docx',
      '按台账现有数据重新统计该周，生成 Word 通报',
      () => void downloadWeekly(week, 'report-list-status', 'docx'),
    ),
  );
  item.appendChild(
    button(
      '重新生成 Excel',
      'regenerate',
      '按台账现有数据重新统计该周，生成 Excel 表格',
      () => void downloadWeekly(week, 'report-list-status'),
    ),
  );
  return item;
}

function button(text: string, action: string, title: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.title = title;
  element.setAttribute('data-action', action);
  element.addEventListener('click', onClick);
  return element;
}

export async function downloadWeekly(week: string, statusId: string, format: ReportFileFormat = 'xlsx'): Promise<void> {
  if (!/^\d{4}-W\d{2}$/.test(week)) return say(statusId, '请选择一周。', 'error');
  await fetchAndSave((asked) => weeklyReportFile(asked, week, format), `正在按现有数据生成 ${week} 周通报…`, statusId);
}

async function fetchAndSave(fetchFile: (asked: Connection) => Promise<ServiceFile>, working: string, statusId: string) {
  say(statusId, working);
  const asked = connection();
  try {
    const file = await fetchFile(asked);
    if (!stillSignedIn(asked)) return;
    saveNow(file.blob, file.name);
    say(statusId, `已下载「${file.name}」。`, 'ok');
  } catch (error) {
    if (stillSignedIn(asked)) say(statusId, messageOf(error), 'error');
  }
}

/** The ISO week before the one containing `date` (the browser's day), as YYYY-Www. */
export function lastWeek(date: Date): string {
  return weekBefore(weekOf(formatYmd(date.getFullYear(), date.getMonth() + 1, date.getDate()))).id;
}
