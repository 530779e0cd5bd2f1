// The day's 分案清单 the service kept: after the 卷宗管理中心's triage, every working day at the set
// time, one per team with new cases. The chosen team's are listed, the latest day first, each with
// its Excel and Word file as made that day.

import { fetchKeptLists, keptListFile } from '../client/api.ts';
import type { KeptAssignmentList } from '../client/contract.ts';
import { byId, messageOf, say, saveNow } from './dom.ts';
import { connection, stillSignedIn } from './session.ts';

/** Days shown at first; the rest behind 「显示全部」. */
const SHOWN_FIRST = 10;
const FORMAT_NAMES: Record<string, string> = { xlsx: 'Excel', docx: 'Word' };

export async function showKeptLists(team: string): Promise<void> {
  const list = byId('kept-lists');
  list.textContent = '';
  if (!team) return;
  const asked = connection();
  try {
    const kept = await fetchKeptLists(asked, team);
    if (!stillSignedIn(asked)) return;
    list.textContent = '';
    if (kept.length === 0) return say('kept-status', `还没有${team}的每日分案清单（有新分案件的工作日自动生成）。`);
    say('kept-status', '');
    kept.slice(0, SHOWN_FIRST).forEach((entry) => list.appendChild(keptItem(entry)));
    if (kept.length > SHOWN_FIRST) list.appendChild(showAll(kept));
  } catch (error) {
    if (stillSignedIn(asked)) say('kept-status', messageOf(error), 'error');
  }
}

function keptItem(entry: KeptAssignmentList): HTMLLIElement {
  const item = document.createElement('li');
  item.appendChild(document.createTextNode(`${entry.date} ${entry.team}分案清单`));
  for (const file of entry.files) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `下载 ${FORMAT_NAMES[file.format] ?? file.format}`;
    button.setAttribute('data-file', file.file);
    button.addEventListener('click', () => void download(file));
    item.appendChild(button);
  }
  return item;
}

function showAll(kept: KeptAssignmentList[]): HTMLLIElement {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = `显示全部（共 ${kept.length} 天）`;
  button.addEventListener('click', () => {
    item.remove();
    kept.slice(SHOWN_FIRST).forEach((entry) => byId('kept-lists').appendChild(keptItem(entry)));
  });
  item.appendChild(button);
  return item;
}

async function download(file: KeptAssignmentList['files'][number]): Promise<void> {
  const asked = connection();
  say('kept-status', `正在下载「${file.file}」…`);
  try {
    const saved = await keptListFile(asked, file);
    if (!stillSignedIn(asked)) return;
    saveNow(saved.blob, saved.name);
    say('kept-status', `已下载「${saved.name}」。`, 'ok');
  } catch (error) {
    if (stillSignedIn(asked)) say('kept-status', messageOf(error), 'error');
  }
}
