// 1. 登录: a personal token checked against the ledger list; signed in, the other sections open.

import { fetchLedgers, fetchMe } from '../client/api.ts';
import { ServiceError } from '../client/service.ts';
import { hideAdmin, showAdmin } from './admin/index.ts';
import { showDeletedLedgers } from './deleted-rows.ts';
import { byId, messageOf, say, showSections } from './dom.ts';
import { connection, forgetToken, saveToken } from './session.ts';
import { showTeamLedgers } from './team-list.ts';
import { showTemplates } from './templates.ts';
import { loadReports } from './weekly-reports.ts';

const SIGNED_IN_SECTIONS = ['templates', 'annotate', 'reports'];

export function onSignInSubmit(event: Event): void {
  event.preventDefault();
  const token = byId<HTMLInputElement>('token').value.trim();
  if (!token) return say('sign-in-status', '请输入个人令牌。', 'error');
  saveToken(token);
  void signIn();
}

export async function signIn(): Promise<void> {
  say('sign-in-status', '正在登录…');
  try {
    const [ledgers, user] = await Promise.all([fetchLedgers(connection()), fetchMe(connection())]);
    say('sign-in-status', '已登录。', 'ok');
    byId('sign-out-button').hidden = false;
    byId<HTMLInputElement>('token').value = '';
    showTemplates(ledgers);
    showSections(SIGNED_IN_SECTIONS, true);
    byId('team-list').hidden = !showTeamLedgers(ledgers);
    byId('deleted-rows').hidden = !showDeletedLedgers(ledgers, user);
    showAdmin(user);
    void loadReports();
  } catch (error) {
    forgetToken();
    const refused = error instanceof ServiceError && error.status === 401;
    say('sign-in-status', refused ? '令牌无效或已停用，请核对后重新输入。' : messageOf(error), 'error');
  }
}

export function signOut(): void {
  forgetToken();
  showSections([...SIGNED_IN_SECTIONS, 'team-list', 'deleted-rows'], false);
  hideAdmin();
  byId('sign-out-button').hidden = true;
  say('sign-in-status', '已退出。');
}
