// 指挥中心看板, for everyone signed in: the teams' cards, the 12-week trend, 超期 and 临期 across every
// ledger, and the case page. It refreshes itself every five minutes while someone is signed in
// (更新于 HH:mm), and 全屏 lays it out for a wall screen (the Fullscreen API where the browser has it).

import { fetchCase, fetchTeamCards, fetchTrend } from '../../client/api.ts';
import { byId, messageOf, say } from '../dom.ts';
import { connection, stillSignedIn } from '../session.ts';
import { clearAlerts, currentPage, fetchAlertPage, renderAlerts } from './alerts.ts';
import { clearCase, renderCase } from './case-view.ts';
import { renderTeamCards } from './team-cards.ts';
import { clearTrend, drawTrend } from './trend-chart.ts';

export const REFRESH_MS = 5 * 60_000;
/** Alerts per page: fewer on a short wall screen, which has no scrolling. */
const PAGE_SIZE = { page: 15, shortWall: 8 };

let timer: ReturnType<typeof setInterval> | undefined;
/** The week the trend was drawn in: it changes only when a week is complete. */
let trendDrawnIn = '';
let shownCase = '';

export function wireDashboard(): void {
  byId('dashboard-refresh').addEventListener('click', () => void refresh());
  byId('dashboard-wall').addEventListener('click', toggleWall);
  // Esc (or the browser's own control) leaves full screen: the wall layout goes with it.
  document.addEventListener('fullscreenchange', () => {
    if (document.fullscreenElement || !byId('dashboard').classList.contains('wall')) return;
    setWall(false);
    void showAlerts(1);
  });
  byId('alert-filter').addEventListener('change', () => void showAlerts(1));
  byId('alert-previous').addEventListener('click', () => void showAlerts(currentPage() - 1));
  byId('alert-next').addEventListener('click', () => void showAlerts(currentPage() + 1));
  byId('case-back').addEventListener('click', closeCase);
  byId('case-search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = byId<HTMLInputElement>('case-search').value.trim();
    if (!typed) return say('dashboard-status', '请输入案号，如（2026）豫0102执1234号。', 'error');
    void openCase(typed);
  });
}

export function showDashboard(): void {
  byId('dashboard').hidden = false;
  stopTimer();
  timer = setInterval(() => void refresh(), REFRESH_MS);
  void refresh();
}

/** At 退出: the timer stops, the wall layout ends and nothing of the last user stays on screen. */
export function hideDashboard(): void {
  stopTimer();
  setWall(false);
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  clearTrend();
  clearAlerts();
  clearCase();
  closeCase();
  trendDrawnIn = '';
  byId('team-cards').replaceChildren();
  for (const id of ['dashboard-week', 'dashboard-updated', 'dashboard-status', 'trend-status']) byId(id).textContent = '';
  byId('dashboard').hidden = true;
}

function stopTimer(): void {
  if (timer !== undefined) clearInterval(timer);
  timer = undefined;
}

/** Loads everything shown again; says 更新于 HH:mm when the cards and the list came. */
async function refresh(): Promise<void> {
  const asked = connection();
  if (!stillSignedIn(asked)) return stopTimer();
  try {
    const [cards, alerts] = await Promise.all([fetchTeamCards(asked), fetchAlertPage(asked, currentPage(), pageSize())]);
    if (!stillSignedIn(asked)) return;
    byId('dashboard-week').textContent = `${cards.week}（${cards.from} 至 ${cards.to}），截至 ${cards.asOf}`;
    renderTeamCards(byId('team-cards'), cards.teams);
    renderAlerts(alerts, (caseNo) => void openCase(caseNo));
    if (shownCase) await openCase(shownCase);
    const now = new Date();
    byId('dashboard-updated').textContent = `更新于 ${twoDigits(now.getHours())}:${twoDigits(now.getMinutes())}`;
    say('dashboard-status', '');
    if (trendDrawnIn !== cards.week) await showTrend(cards.week);
  } catch (error) {
    if (stillSignedIn(asked)) say('dashboard-status', messageOf(error), 'error');
  }
}

async function showTrend(week: string): Promise<void> {
  const asked = connection();
  say('trend-status', '正在统计近12周的趋势…');
  try {
    const weeks = await fetchTrend(asked, 12);
    if (!stillSignedIn(asked)) return;
    drawTrend(byId('trend-chart'), weeks);
    trendDrawnIn = week;
    say('trend-status', '');
  } catch (error) {
    if (stillSignedIn(asked)) say('trend-status', messageOf(error), 'error');
  }
}

async function showAlerts(page: number): Promise<void> {
  const asked = connection();
  try {
    const alerts = await fetchAlertPage(asked, page, pageSize());
    if (stillSignedIn(asked)) renderAlerts(alerts, (caseNo) => void openCase(caseNo));
  } catch (error) {
    if (stillSignedIn(asked)) say('alert-summary', messageOf(error), 'error');
  }
}

async function openCase(caseNo: string): Promise<void> {
  const asked = connection();
  say('case-status', `正在读取 ${caseNo} 的各台账记录…`);
  try {
    const view = await fetchCase(asked, caseNo);
    if (!stillSignedIn(asked)) return;
    renderCase(view);
    shownCase = view.caseNo;
    say('case-status', '');
    say('dashboard-status', '');
    byId('dashboard-board').hidden = true;
    byId('case-view').hidden = false;
  } catch (error) {
    if (stillSignedIn(asked)) say(shownCase ? 'case-status' : 'dashboard-status', messageOf(error), 'error');
  }
}

function closeCase(): void {
  shownCase = '';
  byId('case-view').hidden = true;
  byId('dashboard-board').hidden = false;
}

function toggleWall(): void {
  const section = byId('dashboard');
  const entering = !section.classList.contains('wall');
  setWall(entering);
  if (entering && section.requestFullscreen) void section.requestFullscreen().catch(() => undefined);
  if (!entering && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  // The page size follows the layout.
  void showAlerts(1);
}

/** The wall layout stands on its own: a browser without the Fullscreen API still fills its window with it. */
function setWall(on: boolean): void {
  byId('dashboard').classList.toggle('wall', on);
  const toggle = byId('dashboard-wall');
  toggle.textContent = on ? '退出全屏' : '全屏（大屏）';
  toggle.setAttribute('aria-pressed', String(on));
}

function pageSize(): number {
  const wall = byId('dashboard').classList.contains('wall');
  return wall && window.innerHeight < 900 ? PAGE_SIZE.shortWall : PAGE_SIZE.page;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}
