// 管理: the admin's section of the web page — users, holiday data, rules, the weekly report's
// settings, backups — one tab each, each over its own API. Shown only to an admin (the service
// refuses everyone else anyway, in Chinese); emptied on sign-out, so that no token or list stays
// on screen for the next person.
// #admin-warnings, above the tabs, holds the service's health warnings (warnings.ts).

import type { SignedInUser } from '../../client/contract.ts';
import { byId } from '../dom.ts';
import stylesheet from './admin.css';
import { loadBackups, renderBackups } from './backups.ts';
import { loadCalendar, renderCalendar } from './calendar.ts';
import { button, element } from './elements.ts';
import { loadReportSettings, renderReportSettings } from './report-settings.ts';
import { loadRules, renderRules } from './rules.ts';
import { hideToken, loadUsers, renderUsers } from './users.ts';
import { loadWarnings } from './warnings.ts';

const PARTS = [
  { id: 'users', title: '用户', render: renderUsers, load: loadUsers },
  { id: 'calendar', title: '节假日', render: renderCalendar, load: loadCalendar },
  { id: 'rules', title: '规则', render: renderRules, load: loadRules },
  { id: 'report-settings', title: '通报设置', render: renderReportSettings, load: loadReportSettings },
  { id: 'backups', title: '备份', render: renderBackups, load: loadBackups },
];

export function isAdmin(user: SignedInUser): boolean {
  return user.roles.includes('admin');
}

/** Builds and fills the section for an admin; hides it for anyone else. */
export function showAdmin(user: SignedInUser): void {
  const section = byId('admin');
  if (!isAdmin(user)) return hideAdmin();
  linkStylesheet();
  const root = byId('admin-root');
  const tabs = element('div', { class: 'admin-tabs', role: 'tablist' });
  const panels = PARTS.map((part) => {
    const panel = element('div', { id: `admin-${part.id}`, class: 'admin-panel', role: 'tabpanel' });
    part.render(panel);
    tabs.append(button(part.title, () => choose(part.id), { id: `admin-tab-${part.id}`, role: 'tab' }));
    return panel;
  });
  root.replaceChildren(tabs, ...panels);
  choose(PARTS[0].id);
  section.hidden = false;
  void loadWarnings();
  for (const part of PARTS) void part.load();
}

export function hideAdmin(): void {
  hideToken();
  byId('admin-warnings').replaceChildren();
  byId('admin-root').replaceChildren();
  byId('admin').hidden = true;
}

function choose(id: string): void {
  for (const part of PARTS) {
    byId(`admin-${part.id}`).hidden = part.id !== id;
    byId(`admin-tab-${part.id}`).setAttribute('aria-selected', String(part.id === id));
  }
}

function linkStylesheet(): void {
  if (document.querySelector(`link[href="${stylesheet}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = stylesheet;
  document.head.appendChild(link);
}
