// 3. 下载空白台账模板: one button per ledger the service describes, folded below the upload.

import { templateFile } from '../client/api.ts';
import type { LedgerDefinition } from '../client/contract.ts';
import { byId, messageOf, say, saveNow } from './dom.ts';
import { connection } from './session.ts';

export function showTemplates(ledgers: LedgerDefinition[]): void {
  const list = byId('template-list');
  list.textContent = '';
  for (const ledger of ledgers) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = '下载模板';
    button.setAttribute('data-ledger', ledger.id);
    button.addEventListener('click', () => void downloadTemplate(ledger));
    item.appendChild(document.createTextNode(ledger.name));
    item.appendChild(button);
    list.appendChild(item);
  }
}

async function downloadTemplate(ledger: LedgerDefinition): Promise<void> {
  say('template-status', `正在生成「${ledger.name}」模板…`);
  try {
    const file = await templateFile(connection(), ledger);
    saveNow(file.blob, file.name);
    say('template-status', `已下载「${file.name}」。`, 'ok');
  } catch (error) {
    say('template-status', messageOf(error), 'error');
  }
}
