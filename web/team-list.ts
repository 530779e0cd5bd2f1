// 5. 分案清单: a team's rows of a ledger whose rows are assigned to teams. Which ledgers those are,
// their teams, the columns shown and the date a list counts from all come from the ledger's own
// description (GET /api/ledgers, `assignment`); this page names none of them.

import { fetchTeamRows } from '../client/api.ts';
import { ALERT_COLUMN, type LedgerAssignment, type LedgerColumn, type LedgerDefinition, type RowResult } from '../client/contract.ts';
import { shownDate } from '../client/excel-dates.ts';
import { byId, messageOf, say, table } from './dom.ts';
import { connection, stillSignedIn } from './session.ts';

type AssignedLedger = LedgerDefinition & { assignment: LedgerAssignment };

let assigned: AssignedLedger[] = [];

function hasAssignment(ledger: LedgerDefinition): ledger is AssignedLedger {
  return ledger.assignment !== undefined;
}

/** Offers the ledgers whose rows are assigned to teams; false when the service has none. */
export function showTeamLedgers(ledgers: LedgerDefinition[]): boolean {
  assigned = ledgers.filter(hasAssignment);
  const select = byId<HTMLSelectElement>('team-ledger');
  select.textContent = '';
  for (const ledger of assigned) select.appendChild(new Option(ledger.name, ledger.id));
  // One ledger needs no choice; the select stays for the day a second one is assigned to teams.
  byId('team-ledger-field').hidden = assigned.length < 2;
  showTeams();
  return assigned.length > 0;
}

function chosenLedger(): AssignedLedger | undefined {
  const id = byId<HTMLSelectElement>('team-ledger').value;
  return assigned.find((ledger) => ledger.id === id);
}

/** The chosen ledger's teams, and the name of the date a list counts from. */
export function showTeams(): void {
  const ledger = chosenLedger();
  const select = byId<HTMLSelectElement>('team');
  select.textContent = '';
  for (const team of ledger?.assignment.teams ?? []) select.appendChild(new Option(team, team));
  const since = ledger && columnOf(ledger, ledger.assignment.assignedOn);
  byId('team-since-label').textContent = `${since ? since.header : '分案日期'}自（可不填）`;
}

function columnOf(ledger: LedgerDefinition, id: string): LedgerColumn | undefined {
  return ledger.columns.find((column) => column.id === id);
}

export async function loadTeamList(event: Event): Promise<void> {
  event.preventDefault();
  const ledger = chosenLedger();
  const team = byId<HTMLSelectElement>('team').value;
  const since = byId<HTMLInputElement>('team-since').value;
  const box = byId('team-result');
  box.textContent = '';
  if (!ledger) return say('team-status', '没有按团队分案的台账。', 'error');
  say('team-status', `正在读取${team}的分案清单…`);
  const asked = connection();
  try {
    const result = await fetchTeamRows(asked, ledger.id, team, since || undefined);
    if (!stillSignedIn(asked)) return;
    if (result.rows.length === 0) return say('team-status', `${team}暂无分案${since ? `（${since} 以来）` : ''}。`);
    say('team-status', `${team}共 ${result.rows.length} 件（统计至 ${result.asOf}）。`, 'ok');
    box.appendChild(listTable(ledger, result.rows));
  } catch (error) {
    if (stillSignedIn(asked)) say('team-status', messageOf(error), 'error');
  }
}

/** The list's columns in the ledger's order, headed by their headers; 预警 coloured by its word. */
function listTable(ledger: AssignedLedger, rows: RowResult[]): HTMLTableElement {
  const columns = ledger.assignment.listColumns
    .map((id) => columnOf(ledger, id))
    .filter((column): column is LedgerColumn => column !== undefined);
  const cells = rows.map((row) =>
    columns.map((column) => {
      const text = cellText(row, column);
      return column.id === ALERT_COLUMN ? { text, className: `alert-${text || 'none'}` } : text;
    }),
  );
  return table(
    columns.map((column) => column.header),
    cells,
  );
}

function cellText(row: RowResult, column: LedgerColumn): string {
  const value = column.system ? row.status[column.id] : row.values?.[column.id];
  if (column.type === 'date') return shownDate(value);
  return value === null || value === undefined ? '' : String(value);
}
