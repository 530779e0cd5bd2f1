// 1. 登录: a personal token checked against the ledger list; signed in, the page says who is signed
// in and the other sections open. 退出 clears everything the previous user saw.

import { fetchLedgers, fetchMe } from '../client/api.ts';
import type { SignedInUser } from '../client/contract.ts';
import { ServiceError } from '../client/service.ts';
import { hideAdmin, showAdmin } from './admin/index.ts';
import { hideDashboard, showDashboard } from './dashboard/index.ts';
import { showDeletedLedgers } from './deleted-rows.ts';
import { byId, messageOf, say, showSections } from './dom.ts';
import { connection, forgetToken, savedToken, saveToken, stillSignedIn } from './session.ts';
import { forgetTeamList, showTeamLedgers } from './team-list.ts';
import { showTemplates } from './templates.ts';
import { loadReports } from './weekly-reports.ts';

const SIGNED_IN_SECTIONS = ['templates', 'annotate', 'reports'];
/** Where results, lists and links are shown: emptied at 退出. */
const RESULT_BOXES = ['annotate-result', 'template-list', 'report-list', 'team-result', 'kept-lists', 'deleted-result'];
/** Lists filled from the signed-in user's ledgers. */
const USER_SELECTS = ['team-ledger', 'team', 'deleted-ledger'];
const USER_FORMS = ['annotate-form', 'team-form', 'deleted-form'];

export function onSignInSubmit(event: Event): void {
  event.preventDefault();
  const token = byId<HTMLInputElement>('token').value.trim();
  if (!token) return say('sign-in-status', '请输入个人令牌。', 'error');
  if (savedToken() !== token) clearScreen();
  saveToken(token);
  void signIn();
}

export async function signIn(): Promise<void> {
  const asked = connection();
  say('sign-in-status', '正在登录…');
  try {
    const [ledgers, user] = await Promise.all([fetchLedgers(asked), fetchMe(asked)]);
    if (!stillSignedIn(asked)) return;
    say('sign-in-status', '已登录。', 'ok');
    showUser(user);
    byId('sign-out-button').hidden = false;
    byId<HTMLInputElement>('token').value = '';
    showTemplates(ledgers);
    showSections(SIGNED_IN_SECTIONS, true);
    byId('team-list').hidden = !showTeamLedgers(ledgers, user);
    byId('deleted-rows').hidden = !showDeletedLedgers(ledgers, user);
    showAdmin(user);
    showDashboard();
    void loadReports();
  } catch (error) {
    if (!stillSignedIn(asked)) return;
    forgetToken();
    const refused = error instanceof ServiceError && error.status === 401;
    say('sign-in-status', refused ? '令牌无效或已停用，请核对后重新输入。' : messageOf(error), 'error');
  }
}

/** 当前用户：name（roles in the bureau's words）. */
function showUser(user: SignedInUser): void {
  const roles = user.roleNames && user.roleNames.length > 0 ? user.roleNames : user.roles;
  const line = byId('signed-in-as');
  line.textContent = `当前用户：${user.name}${roles.length > 0 ? `（${roles.join('、')}）` : ''}`;
  line.hidden = false;
}

export function signOut(): void {
  forgetToken();
  clearScreen();
  hideAdmin();
  byId('sign-out-button').hidden = true;
  say('sign-in-status', '已退出。');
}

/** Hides the signed-in sections and empties every result, list, link, status line and choice in them. */
function clearScreen(): void {
  hideDashboard();
  showSections([...SIGNED_IN_SECTIONS, 'team-list', 'deleted-rows'], false);
  forgetTeamList();
  const who = byId('signed-in-as');
  who.textContent = '';
  who.hidden = true;
  document.querySelectorAll<HTMLAnchorElement>('main a[href^="blob:"]').forEach((link) => URL.revokeObjectURL(link.href));
  for (const id of RESULT_BOXES) byId(id).textContent = '';
  for (const id of USER_SELECTS) byId(id).textContent = '';
  for (const id of USER_FORMS) byId<HTMLFormElement>(id).reset();
  document.querySelectorAll('main [role="status"]').forEach((status) => {
    if (status.id !== 'sign-in-status') {
      status.textContent = '';
      status.className = '';
    }
  });
  byId('progress-box').hidden = true;
  byId<HTMLDetailsElement>('templates').open = false;
}
