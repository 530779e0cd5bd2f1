// 管理 · 备份: the copies of the data directory (daily, 手动, 恢复前) with time and size, one made
// now, and any one downloaded as a .zip.

import { backupFile, fetchBackups, makeBackup } from '../../client/api.ts';
import type { BackupInfo } from '../../client/contract.ts';
import { byId, messageOf, say, saveNow, table } from '../dom.ts';
import { connection } from '../session.ts';
import { button, dateTime, element, status } from './elements.ts';

export function renderBackups(panel: HTMLElement): void {
  panel.append(
    element('h3', {}, '备份'),
    element(
      'p',
      { class: 'hint' },
      '服务每天自动备份一次（保留最近 30 份）；升级或迁移前可立即备份。恢复备份需停止服务后运行 npm run restore。',
    ),
    button('立即备份', () => void backUpNow(), { id: 'backup-now' }),
    status('backups-status'),
    element('div', { id: 'backup-list' }),
  );
}

export async function loadBackups(): Promise<void> {
  try {
    showList(await fetchBackups(connection()));
  } catch (error) {
    say('backups-status', messageOf(error), 'error');
  }
}

function showList(backups: BackupInfo[]): void {
  if (backups.length === 0) {
    byId('backup-list').replaceChildren(element('p', { class: 'hint' }, '还没有备份。'));
    return;
  }
  const list = table(
    ['名称', '时间', '大小', ''],
    backups.map((backup) => [backup.name, dateTime(backup.madeAt), size(backup.bytes), '']),
  );
  list.querySelectorAll('tbody tr').forEach((line, index) => {
    line.setAttribute('data-backup', backups[index].name);
    line.lastElementChild?.append(button('下载', () => void download(backups[index])));
  });
  byId('backup-list').replaceChildren(list);
}

async function backUpNow(): Promise<void> {
  say('backups-status', '正在备份…');
  try {
    const made = await makeBackup(connection());
    await loadBackups();
    say('backups-status', `已备份：${made.name}（${size(made.bytes)}）。`, 'ok');
  } catch (error) {
    say('backups-status', messageOf(error), 'error');
  }
}

async function download(backup: BackupInfo): Promise<void> {
  say('backups-status', `正在打包备份 ${backup.name}…`);
  try {
    const file = await backupFile(connection(), backup.name);
    saveNow(file.blob, file.name);
    say('backups-status', `已下载「${file.name}」。`, 'ok');
  } catch (error) {
    say('backups-status', messageOf(error), 'error');
  }
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
