// 2. 上传台账，下载标注结果: upload a clerk's workbook with progress, save the annotated one, and show
// what the service found in each sheet.

import { annotateWorkbookWithProgress, type AnnotatedWorkbook } from '../client/api.ts';
import type { SheetReport } from '../client/annotation-summary.ts';
import type { UploadStage } from '../client/service.ts';
import { byId, messageOf, say, saveLink, saveNow, table } from './dom.ts';
import { connection, stillSignedIn } from './session.ts';

const SUMMARY_TITLES = ['工作表', '台账', '行数', '有错误', '仅有提示', '版本冲突', '超期', '临期', '说明'];

export async function annotate(event: Event): Promise<void> {
  event.preventDefault();
  const file = byId<HTMLInputElement>('workbook').files?.[0];
  byId('annotate-result').textContent = '';
  if (!file) return say('annotate-status', '请先选择台账文件。', 'error');
  if (/\.(xls|et|csv)$/i.test(file.name)) {
    return say(
      'annotate-status',
      `只能上传 .xlsx 工作簿。请在 Excel 或 WPS 中打开「${file.name}」，另存为 Excel 工作簿（*.xlsx）后再上传。`,
      'error',
    );
  }
  const button = byId<HTMLButtonElement>('annotate-button');
  button.disabled = true;
  byId('progress-box').hidden = false;
  say('annotate-status', '');
  const progress = progressShower();
  const asked = connection();
  try {
    const asOf = byId<HTMLInputElement>('as-of').value || undefined;
    const result = await annotateWorkbookWithProgress(asked, file, file.name, asOf, progress.show);
    if (!stillSignedIn(asked)) return;
    saveNow(result.file.blob, result.file.name);
    showSummary(result);
    say('annotate-status', `完成，已下载「${result.file.name}」。`, 'ok');
  } catch (error) {
    if (stillSignedIn(asked)) say('annotate-status', messageOf(error), 'error');
  } finally {
    progress.stop();
    byId('progress-box').hidden = true;
    button.disabled = false;
  }
}

/** The progress bar and its words; while the service works, the seconds it has taken so far. */
function progressShower(): { show(stage: UploadStage): void; stop(): void } {
  const bar = byId<HTMLProgressElement>('progress');
  const started = Date.now();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => clearInterval(timer);
  const show = (stage: UploadStage) => {
    if (stage.stage === 'work') {
      bar.removeAttribute('value');
      timer = setInterval(
        () => say('progress-text', `服务正在校验和标注，已用 ${Math.round((Date.now() - started) / 1000)} 秒（大文件需要一两分钟）…`),
        500,
      );
      say('progress-text', '服务正在校验和标注…');
      return;
    }
    if (stage.stage === 'download') stop();
    bar.value = stage.percent;
    say('progress-text', `${stage.stage === 'upload' ? '正在上传' : '正在接收结果'} ${stage.percent}%`);
  };
  return { show, stop };
}

function showSummary({ file, summary }: AnnotatedWorkbook): void {
  const box = byId('annotate-result');
  const rows = summary.sheets.map((sheet) => [
    sheet.sheet,
    sheet.ledger ? sheet.ledger.name : '—',
    ...[sheet.rows, sheet.invalid, sheet.warnings, sheet.conflicts, sheet.overdue, sheet.dueSoon].map((count) => ({
      text: String(count),
      className: 'count',
    })),
    sheetNotes(sheet),
  ]);
  box.appendChild(table(SUMMARY_TITLES, rows));
  const again = document.createElement('p');
  again.appendChild(saveLink(file.blob, file.name));
  box.appendChild(again);
}

function sheetNotes(sheet: SheetReport): string {
  const notes: string[] = [];
  if (sheet.notAnnotated) notes.push(sheet.notAnnotated);
  if (sheet.ledger && !sheet.notAnnotated && sheet.rows === 0) notes.push('表头下没有数据行');
  if (sheet.missingRequired.length > 0) notes.push(`缺少必填列：${sheet.missingRequired.join('、')}`);
  if (sheet.otherHeaders.length > 0) notes.push(`未使用的列（保持原样）：${sheet.otherHeaders.join('、')}`);
  if (sheet.skipped.footer) notes.push(`跳过合计/落款行 ${sheet.skipped.footer} 行`);
  if (sheet.skipped.header) notes.push(`跳过重复的表头 ${sheet.skipped.header} 行`);
  return notes.join('；');
}
