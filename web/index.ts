// 执行台账助手 · 网页版, for staff whose Excel or WPS cannot run the add-in: sign in with a token,
// see the 指挥中心看板, upload a workbook and download it annotated, download templates, weekly
// reports, a team's 分案清单, and, for those who keep a ledger, its deleted rows.
// Built to ES2017 without a framework, so that the old Chromium-based browsers on court PCs run it.

import { calendarGapNotice, fetchHealth } from '../client/api.ts';
import { annotate } from './annotate.ts';
import { loadDeletedRows } from './deleted-rows.ts';
import { byId } from './dom.ts';
import { showInstall } from './install.ts';
import { connection, savedToken } from './session.ts';
import { onSignInSubmit, signIn, signOut } from './sign-in.ts';
import dashboardStylesheet from './dashboard/dashboard.css';
import { wireDashboard } from './dashboard/index.ts';
import stylesheet from './style.css';
import { loadTeamList, onTeamChange, showTeams } from './team-list.ts';
import { downloadWeekly, lastWeek } from './weekly-reports.ts';

// Stylesheet files, not an inline <style>: the page's Content-Security-Policy allows only its own files.
for (const href of [stylesheet, dashboardStylesheet]) {
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = href;
  document.head.appendChild(style);
}

byId('sign-in-form').addEventListener('submit', onSignInSubmit);
byId('sign-out-button').addEventListener('click', signOut);
byId('annotate-form').addEventListener('submit', (event) => void annotate(event));
byId('team-ledger').addEventListener('change', () => showTeams());
byId('team').addEventListener('change', onTeamChange);
byId('team-form').addEventListener('submit', (event) => void loadTeamList(event));
byId('deleted-form').addEventListener('submit', (event) => void loadDeletedRows(event));
wireDashboard();
byId('weekly-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void downloadWeekly(byId<HTMLInputElement>('week').value, 'weekly-status');
});
byId('weekly-docx-button').addEventListener(
  'click',
  () => void downloadWeekly(byId<HTMLInputElement>('week').value, 'weekly-status', 'docx'),
);
byId<HTMLInputElement>('week').value = lastWeek(new Date());
void showCalendarGap();
if (savedToken()) void signIn();
void showInstall();

/** The calendar gap (a year without holiday data), told once on top for everyone, signed in or not. */
async function showCalendarGap(): Promise<void> {
  try {
    const notice = calendarGapNotice(await fetchHealth(connection()));
    const banner = byId('calendar-banner');
    banner.textContent = notice ? `提示：${notice}` : '';
    banner.hidden = !notice;
  } catch {
    // A service that cannot answer its health says so at sign-in.
  }
}
