// 管理 · 用户: every user with roles, state, creation and last use; a new user, whose token is shown
// once on the page; 停用 / 启用 and 更换令牌. The service refuses what is not allowed (an admin
// disabling themself, a team that does not exist) and its message is shown as it is.

import { changeUser, createUser, fetchUsers, rotateToken } from '../../client/api.ts';
import type { UserSummary } from '../../client/contract.ts';
import { byId, messageOf, say, table } from '../dom.ts';
import { connection } from '../session.ts';
import { button, dateTime, element, status } from './elements.ts';

let labels = new Map<string, string>();

export function renderUsers(panel: HTMLElement): void {
  const form = element('form', { id: 'user-form', autocomplete: 'off' }, [
    element('p', {}, [
      element('label', { for: 'user-name' }, '名称'),
      element('input', { id: 'user-name', name: 'name', maxlength: '30' }),
    ]),
    element('fieldset', { id: 'user-roles' }, [element('legend', {}, '角色（可多选）')]),
    element('button', { id: 'user-create', type: 'submit' }, '新建用户'),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void create();
  });
  panel.append(
    element('h3', {}, '用户'),
    element('div', { id: 'user-list' }),
    status('users-status'),
    element('div', { id: 'user-token', class: 'token-box', hidden: '' }),
    element('h4', {}, '新建用户'),
    form,
  );
}

export async function loadUsers(): Promise<void> {
  try {
    const { users, roles } = await fetchUsers(connection());
    labels = new Map(roles.map((entry) => [entry.role, entry.label]));
    const box = byId('user-roles');
    if (box.querySelectorAll('input').length === 0) {
      for (const { role, label } of roles) {
        box.append(element('label', { class: 'choice' }, [element('input', { type: 'checkbox', value: role, name: 'role' }), label]));
      }
    }
    showList(users);
  } catch (error) {
    say('users-status', messageOf(error), 'error');
  }
}

function showList(users: UserSummary[]): void {
  const list = table(
    ['名称', '角色', '状态', '创建时间', '最近使用', ''],
    users.map((user) => [
      user.name,
      user.roles.map((role) => labels.get(role) ?? role).join('、'),
      user.disabled ? { text: '已停用', className: 'error' } : '正常',
      dateTime(user.createdAt),
      dateTime(user.lastSeenAt),
      '',
    ]),
  );
  list.querySelectorAll('tbody tr').forEach((line, index) => {
    const user = users[index];
    line.setAttribute('data-user', user.name);
    line.lastElementChild?.append(
      button(user.disabled ? '启用' : '停用', () => void setDisabled(user, !user.disabled), { 'data-action': 'toggle' }),
      button('更换令牌', () => void rotate(user), { 'data-action': 'rotate' }),
    );
  });
  byId('user-list').replaceChildren(list);
}

async function create(): Promise<void> {
  const name = byId<HTMLInputElement>('user-name').value.trim();
  const roles = Array.from(byId('user-roles').querySelectorAll<HTMLInputElement>('input:checked')).map((input) => input.value);
  say('users-status', `正在新建用户「${name}」…`);
  try {
    const issued = await createUser(connection(), name, roles);
    showToken(`已新建用户「${name}」。`, issued.token);
    byId<HTMLFormElement>('user-form').reset();
    say('users-status', '');
    await loadUsers();
  } catch (error) {
    say('users-status', messageOf(error), 'error');
  }
}

async function setDisabled(user: UserSummary, disabled: boolean): Promise<void> {
  try {
    await changeUser(connection(), user.name, { disabled });
    await loadUsers();
    say('users-status', `已${disabled ? '停用' : '启用'}用户「${user.name}」。`, 'ok');
  } catch (error) {
    say('users-status', messageOf(error), 'error');
  }
}

async function rotate(user: UserSummary): Promise<void> {
  try {
    const issued = await rotateToken(connection(), user.name);
    showToken(`已为「${user.name}」更换令牌，原令牌已失效。`, issued.token);
    say('users-status', '');
    await loadUsers();
  } catch (error) {
    say('users-status', messageOf(error), 'error');
  }
}

/** The token, this once: the service keeps only its hash, so it cannot be shown again. */
function showToken(what: string, token: string): void {
  const box = byId('user-token');
  box.replaceChildren(
    element('p', {}, `${what}令牌只显示这一次，请复制后交给本人：`),
    element('code', { id: 'user-token-value' }, token),
    button('已记下，隐藏令牌', () => hideToken(), { id: 'user-token-hide' }),
  );
  box.hidden = false;
}

export function hideToken(): void {
  const box = byId('user-token');
  if (!box) return;
  box.replaceChildren();
  box.hidden = true;
}
