// 6. 已删除的行: for the admin and a ledger's owning unit, the rows a whole-sheet sync deleted, each
// with a button that brings it back. Which ledgers a user keeps comes from the service (GET
// /api/me); the columns shown are each ledger's key, from its own description.

import { fetchDeletedRows, restoreRow } from '../client/api.ts';
import type { DeletedRow, LedgerDefinition, SignedInUser } from '../client/contract.ts';
import { byId, messageOf, say, table } from './dom.ts';
import { connection, stillSignedIn } from './session.ts';

let kept: LedgerDefinition[] = [];

/** Offers the ledgers the user keeps; false when they keep none (the section stays hidden). */
export function showDeletedLedgers(ledgers: LedgerDefinition[], user: SignedInUser): boolean {
  kept = ledgers.filter((ledger) => user.manages.includes(ledger.id));
  const select = byId<HTMLSelectElement>('deleted-ledger');
  select.textContent = '';
  for (const ledger of kept) select.appendChild(new Option(ledger.name, ledger.id));
  byId('deleted-result').textContent = '';
  say('deleted-status', '');
  return kept.length > 0;
}

function chosenLedger(): LedgerDefinition | undefined {
  const id = byId<HTMLSelectElement>('deleted-ledger').value;
  return kept.find((ledger) => ledger.id === id);
}

export async function loadDeletedRows(event?: Event): Promise<void> {
  event?.preventDefault();
  const ledger = chosenLedger();
  const box = byId('deleted-result');
  box.textContent = '';
  if (!ledger) return say('deleted-status', '请选择台账。', 'error');
  say('deleted-status', `正在读取${ledger.name}已删除的行…`);
  const asked = connection();
  try {
    const rows = await fetchDeletedRows(asked, ledger.id);
    if (!stillSignedIn(asked)) return;
    if (rows.length === 0) return say('deleted-status', `${ledger.name}没有已删除的行。`);
    say('deleted-status', `${ledger.name}共有 ${rows.length} 行已删除。`, 'ok');
    box.appendChild(deletedTable(ledger, rows));
  } catch (error) {
    if (stillSignedIn(asked)) say('deleted-status', messageOf(error), 'error');
  }
}

/** The key columns of each row, when and by whom it was deleted, and a 恢复 button. */
function deletedTable(ledger: LedgerDefinition, rows: DeletedRow[]): HTMLTableElement {
  const keyColumns = ledger.key.map((id) => ledger.columns.find((column) => column.id === id) ?? { id, header: id });
  const element = table(
    [...keyColumns.map((column) => column.header), '删除时间', '删除人', ''],
    rows.map((row) => [
      ...keyColumns.map((column) => shown(row.values[column.id])),
      new Date(row.deleted.at).toLocaleString('zh-CN', { hour12: false }),
      row.deleted.by,
      '',
    ]),
  );
  element.querySelectorAll('tbody tr').forEach((line, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = '恢复';
    button.setAttribute('data-row', rows[index].rowId);
    button.addEventListener('click', () => void restore(ledger, rows[index]));
    line.lastElementChild?.appendChild(button);
  });
  return element;
}

async function restore(ledger: LedgerDefinition, row: DeletedRow): Promise<void> {
  const name = ledger.key.map((id) => shown(row.values[id])).join('、');
  say('deleted-status', `正在恢复「${name}」…`);
  try {
    await restoreRow(connection(), ledger.id, row.rowId);
    await loadDeletedRows();
    say('deleted-status', `已恢复「${name}」，该行已回到台账中。`, 'ok');
  } catch (error) {
    say('deleted-status', messageOf(error), 'error');
  }
}

function shown(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
