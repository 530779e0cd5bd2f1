// 5. 分案清单: a team's list as the service sorts it — 超期 first, then by days left —, 50 cases a
// page with 上一页/下一页, 预警 coloured, downloadable as Excel and Word; the day's list (cases
// assigned that day) or, without a day, every open case. Which ledgers assign rows to teams and
// their teams come from the ledger's description (GET /api/ledgers, `assignment`); the columns and
// their headers from the list itself; this page names none of them.

import { assignmentListFile, fetchAssignmentList, type AssignmentQuery } from '../client/api.ts';
import {
  ALERT_COLUMN,
  type AssignmentListPage,
  type LedgerAssignment,
  type LedgerDefinition,
  type ListCell,
  type ListColumn,
  type SignedInUser,
} from '../client/contract.ts';
import { byId, messageOf, say, saveNow, table } from './dom.ts';
import { showKeptLists } from './kept-lists.ts';
import { connection, stillSignedIn } from './session.ts';

type AssignedLedger = LedgerDefinition & { assignment: LedgerAssignment };

const PAGE_SIZE = 50;
const TEAM_ROLE = 'team:';

let assigned: AssignedLedger[] = [];
/** The list on screen: which one, and the page shown. */
let shown: { ledgerId: string; query: AssignmentQuery; page: number } | null = null;

function hasAssignment(ledger: LedgerDefinition): ledger is AssignedLedger {
  return ledger.assignment !== undefined;
}

/** Offers the ledgers whose rows are assigned to teams, a team member's own team first; false when the service has none. */
export function showTeamLedgers(ledgers: LedgerDefinition[], user: SignedInUser): boolean {
  assigned = ledgers.filter(hasAssignment);
  const select = byId<HTMLSelectElement>('team-ledger');
  select.textContent = '';
  for (const ledger of assigned) select.appendChild(new Option(ledger.name, ledger.id));
  // One ledger needs no choice; the select stays for the day a second one is assigned to teams.
  byId('team-ledger-field').hidden = assigned.length < 2;
  showTeams(user);
  return assigned.length > 0;
}

function chosenLedger(): AssignedLedger | undefined {
  const id = byId<HTMLSelectElement>('team-ledger').value;
  return assigned.find((ledger) => ledger.id === id);
}

/** The chosen ledger's teams (the user's own selected), and the kept lists of the team chosen. */
export function showTeams(user?: SignedInUser): void {
  const select = byId<HTMLSelectElement>('team');
  select.textContent = '';
  for (const team of chosenLedger()?.assignment.teams ?? []) select.appendChild(new Option(team, team));
  const own = user?.roles.find((role) => role.startsWith(TEAM_ROLE))?.slice(TEAM_ROLE.length);
  if (own && Array.from(select.options).some((option) => option.value === own)) select.value = own;
  void showKeptLists(select.value);
}

export function onTeamChange(): void {
  void showKeptLists(byId<HTMLSelectElement>('team').value);
}

export async function loadTeamList(event: Event): Promise<void> {
  event.preventDefault();
  const ledger = chosenLedger();
  if (!ledger) return say('team-status', '没有按团队分案的台账。', 'error');
  const date = byId<HTMLInputElement>('team-date').value;
  await showPage({ ledgerId: ledger.id, query: { team: byId<HTMLSelectElement>('team').value, ...(date ? { date } : {}) }, page: 1 });
}

async function showPage(wanted: { ledgerId: string; query: AssignmentQuery; page: number }): Promise<void> {
  const box = byId('team-result');
  const { team, date } = wanted.query;
  say('team-status', `正在读取${team}的分案清单…`);
  const asked = connection();
  try {
    const list = await fetchAssignmentList(asked, wanted.ledgerId, wanted.query, { page: wanted.page, pageSize: PAGE_SIZE });
    if (!stillSignedIn(asked)) return;
    box.textContent = '';
    shown = { ...wanted, page: list.page };
    if (list.total === 0) return say('team-status', `${team}${date ? `在 ${date} 没有新分案件` : '没有未结案件'}。`);
    say('team-status', summary(list), 'ok');
    box.append(downloads(), pager(list, 'team-pager'), listTable(list), pager(list, 'team-pager-bottom'));
  } catch (error) {
    if (stillSignedIn(asked)) say('team-status', messageOf(error), 'error');
  }
}

/** 「速执团队全部未结案件共 4348 件，其中超期 1202 件、临期 101 件（统计至 2026-10-20）。」 */
function summary(list: AssignmentListPage): string {
  const urgent = [list.overdue > 0 ? `超期 ${list.overdue} 件` : '', list.dueSoon > 0 ? `临期 ${list.dueSoon} 件` : ''].filter(Boolean);
  const which = list.date ? `${list.date} 分案` : '全部未结案件';
  return `${list.team}${which}共 ${list.total} 件${urgent.length > 0 ? `，其中${urgent.join('、')}` : ''}（统计至 ${list.asOf}）。`;
}

function downloads(): HTMLParagraphElement {
  const line = document.createElement('p');
  line.className = 'list-downloads';
  line.append(
    button('下载 Excel', 'team-xlsx', () => void download('xlsx')),
    button('下载 Word', 'team-docx', () => void download('docx')),
  );
  return line;
}

async function download(format: 'xlsx' | 'docx'): Promise<void> {
  if (!shown) return;
  const asked = connection();
  say('team-download-status', '正在生成文件…');
  try {
    const file = await assignmentListFile(asked, shown.ledgerId, shown.query, format);
    if (!stillSignedIn(asked)) return;
    saveNow(file.blob, file.name);
    say('team-download-status', `已下载「${file.name}」。`, 'ok');
  } catch (error) {
    if (stillSignedIn(asked)) say('team-download-status', messageOf(error), 'error');
  }
}

/** 上一页 · 第 N/M 页 · 下一页 */
function pager(list: AssignmentListPage, id: string): HTMLDivElement {
  const bar = document.createElement('div');
  bar.id = id;
  bar.className = 'pager';
  const turn = (page: number) => () => shown && void showPage({ ...shown, page });
  const previous = button('上一页', '', turn(list.page - 1));
  previous.setAttribute('data-action', 'previous');
  previous.disabled = list.page <= 1;
  const next = button('下一页', '', turn(list.page + 1));
  next.setAttribute('data-action', 'next');
  next.disabled = list.page >= list.pages;
  const where = document.createElement('span');
  where.className = 'page-number';
  where.textContent = `第 ${list.page}/${list.pages} 页（每页 ${list.pageSize} 件）`;
  bar.append(previous, where, next);
  return bar;
}

function button(text: string, id: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  if (id) element.id = id;
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

/** The list's columns under their headers; 预警 coloured by its word, dates and numbers kept on one line. */
function listTable(list: AssignmentListPage): HTMLTableElement {
  const cells = list.rows.map((row) => list.columns.map((column) => cellOf(column, row.cells[column.id] ?? null)));
  const element = table(
    list.columns.map((column) => column.header),
    cells,
  );
  element.className = 'assignment-list';
  return element;
}

function cellOf(column: ListColumn, value: ListCell): { text: string; className: string } {
  const text = value === null ? '' : String(value);
  if (column.id === ALERT_COLUMN) return { text, className: `alert-${text || 'none'}` };
  return { text, className: column.type === 'text' ? '' : `cell-${column.type}` };
}

/** Forgets the list on screen (退出). */
export function forgetTeamList(): void {
  shown = null;
}
