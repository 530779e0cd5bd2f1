// Users, roles and tokens (SPEC §8). Only token hashes are stored; a token is shown once. Every
// change goes through one queue (the store's write queue in the service) and rereads users.json
// first, so two admins adding users at once, or a command adding one, never lose either.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { teamsOf } from './domain/assignment-list.ts';
import type { AnyLedger } from './domain/ledger.ts';
import { LEDGERS } from './domain/ledgers/index.ts';
import { logError } from './log.ts';
import { WriteQueue, type AuditEntry, type DocumentStore, type UserRecord } from './store/store.ts';

export const TEAM_ROLE_PREFIX = 'team:';
const PLAIN_ROLES = ['admin', 'affairs', 'files', 'general', 'disposal', 'viewer'];
/** Last-seen times are written at most this often per user: a request must not rewrite a file. */
const SEEN_PRECISION_MS = 10 * 60_000;
const NAME_MAX = 30;

export interface User {
  name: string;
  roles: string[];
}

/** What an admin sees of a user: never the token or its hash. */
export interface UserSummary {
  name: string;
  roles: string[];
  disabled: boolean;
  createdAt: string;
  /** The last request signed in with the user's token (to ten minutes), or null when never. */
  lastSeenAt: string | null;
}

export interface UserChange {
  roles?: string[];
  disabled?: boolean;
}

/** A refused change: `invalid` input, an `unknown` user, or a `conflict` with the users as they are. */
export class UserError extends Error {
  constructor(
    readonly kind: 'invalid' | 'unknown' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

/** Each role in the bureau's words, for the admin page and for messages. */
export const ROLE_LABELS: Record<string, string> = {
  admin: '管理员',
  affairs: '执行事务中心',
  files: '卷宗管理中心',
  general: '综合事务中心',
  disposal: '财产处置专班',
  viewer: '只读',
};

/** Every role a user may be given, with its name: the plain ones and one per configured team. */
export function availableRoles(): Array<{ role: string; label: string }> {
  return [
    ...PLAIN_ROLES.map((role) => ({ role, label: ROLE_LABELS[role] })),
    ...configuredTeams().map((team) => ({ role: TEAM_ROLE_PREFIX + team, label: team })),
  ];
}

/** The teams a `team:` role may name: those a ledger assigns rows to (the cases ledger's 分流调整 options). */
export function configuredTeams(): string[] {
  return [...new Set(LEDGERS.flatMap(teamsOf))];
}

/** Why a role is refused, in Chinese; null for a known role. */
export function roleProblem(role: string): string | null {
  if (PLAIN_ROLES.includes(role)) return null;
  const teams = configuredTeams();
  if (role.startsWith(TEAM_ROLE_PREFIX)) {
    const team = role.slice(TEAM_ROLE_PREFIX.length);
    if (teams.includes(team)) return null;
    return `没有名为「${team}」的团队；可用的团队：${teams.join('、')}`;
  }
  return `未知角色「${role}」；可用角色：${PLAIN_ROLES.join('、')}，或 ${teams.map((team) => TEAM_ROLE_PREFIX + team).join('、')}`;
}

export function isKnownRole(role: string): boolean {
  return roleProblem(role) === null;
}

/** The roles as given, without repeats; refused when empty or when one is unknown. */
export function checkedRoles(roles: unknown): string[] {
  if (!Array.isArray(roles) || roles.some((role) => typeof role !== 'string')) throw new UserError('invalid', '角色应为一组角色名称');
  const unique = [...new Set(roles.map((role: string) => role.trim()).filter(Boolean))];
  if (unique.length === 0) throw new UserError('invalid', '至少需要一个角色');
  for (const role of unique) {
    const problem = roleProblem(role);
    if (problem) throw new UserError('invalid', problem);
  }
  return unique;
}

export function checkedName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw new UserError('invalid', '请填写用户名称');
  const trimmed = name.trim();
  if ([...trimmed].length > NAME_MAX) throw new UserError('invalid', `用户名称不能超过 ${NAME_MAX} 个字`);
  if (/[\s/\\\p{Cc}]/u.test(trimmed)) throw new UserError('invalid', '用户名称不能含有空格、斜杠或控制字符');
  return trimmed;
}

export function newToken(): string {
  return `ela_${randomBytes(24).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function canWrite(user: User, ledger: AnyLedger): boolean {
  return user.roles.some(
    (role) =>
      role === 'admin' ||
      ledger.writers.includes(role) ||
      (role.startsWith(TEAM_ROLE_PREFIX) && ledger.writers.includes(`${TEAM_ROLE_PREFIX}*`)),
  );
}

type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

/** Keeps the users in memory and rereads them when a command has changed them (users.json on disk). */
export class UserDirectory {
  private users: UserRecord[] = [];
  private loadedVersion = -1;
  private seen: Record<string, string> | null = null;
  private seenWritten = Promise.resolve();

  constructor(
    private readonly documents: DocumentStore,
    /** Runs a change after every earlier write (the store's queue in the service). */
    private readonly exclusive: Exclusive = queueOfOwn(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  async all(): Promise<UserRecord[]> {
    const version = await this.documents.version('users');
    if (version !== this.loadedVersion) {
      this.users = (await this.documents.read<{ users: UserRecord[] }>('users'))?.users ?? [];
      this.loadedVersion = version;
    }
    return this.users;
  }

  /** Every user as an admin sees them, by name. */
  async list(): Promise<UserSummary[]> {
    const seen = await this.lastSeen();
    return (await this.all()).map((user) => summary(user, seen[user.name] ?? null)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  /**
   * Compares the token's hash with every user's in constant time, so timing tells nothing. A
   * disabled user's token signs nobody in.
   */
  async authenticate(token: string): Promise<User | null> {
    const presented = Buffer.from(hashToken(token), 'hex');
    let found: UserRecord | null = null;
    for (const user of await this.all()) {
      const stored = Buffer.from(user.tokenHash, 'hex');
      if (stored.length === presented.length && timingSafeEqual(stored, presented) && !found) found = user;
    }
    if (!found || found.disabled) return null;
    await this.markSeen(found.name);
    return { name: found.name, roles: found.roles };
  }

  /** Adds a user and returns the token, which is not kept anywhere. */
  async add(name: string, roles: string[], token = newToken(), by = 'system'): Promise<string> {
    const checked = { name: checkedName(name), roles: checkedRoles(roles) };
    return this.exclusive(async () => {
      const users = await this.all();
      if (users.some((user) => user.name === checked.name)) throw new UserError('conflict', `用户「${checked.name}」已存在`);
      const record: UserRecord = { ...checked, tokenHash: hashToken(token), createdAt: this.now().toISOString() };
      await this.save([...users, record], this.audit(by, 'add-user', null, summary(record, null)));
      return token;
    });
  }

  /** Changes a user's roles or disables / enables them; an admin cannot lock out themself or the last admin. */
  async update(name: string, change: UserChange, by: User): Promise<UserSummary> {
    const roles = change.roles === undefined ? undefined : checkedRoles(change.roles);
    if (change.disabled !== undefined && typeof change.disabled !== 'boolean') throw new UserError('invalid', '停用状态应为是或否');
    if (roles === undefined && change.disabled === undefined) throw new UserError('invalid', '请说明要修改的角色或停用状态');
    return this.exclusive(async () => {
      const users = await this.all();
      const before = this.find(users, name);
      const after: UserRecord = { ...before, roles: roles ?? before.roles };
      if (change.disabled === true) after.disabled = true;
      if (change.disabled === false) delete after.disabled;
      refuseLockout(before, after, users, by);
      const seen = (await this.lastSeen())[name] ?? null;
      await this.save(
        users.map((user) => (user.name === name ? after : user)),
        this.audit(by.name, 'update-user', summary(before, seen), summary(after, seen)),
      );
      return summary(after, seen);
    });
  }

  /** Gives a user a new token (the old one stops working) and returns it, once. */
  rotateToken(name: string, by: User, token = newToken()): Promise<string> {
    return this.exclusive(async () => {
      const users = await this.all();
      const user = this.find(users, name);
      await this.save(
        users.map((each) => (each.name === name ? { ...each, tokenHash: hashToken(token) } : each)),
        this.audit(by.name, 'rotate-token', null, { name: user.name }),
      );
      return token;
    });
  }

  private find(users: UserRecord[], name: string): UserRecord {
    const user = users.find((each) => each.name === name);
    if (!user) throw new UserError('unknown', `没有名为「${name}」的用户`);
    return user;
  }

  private async save(users: UserRecord[], audit: AuditEntry): Promise<void> {
    await this.documents.write('users', { users }, audit);
  }

  private audit(by: string, action: string, before: UserSummary | null, after: unknown): AuditEntry {
    return { time: this.now().toISOString(), user: by, ledger: 'users', rowId: null, action, before, after };
  }

  /** A damaged seen.json is only bookkeeping: it is logged and started afresh, never a reason to refuse a sign-in. */
  private async lastSeen(): Promise<Record<string, string>> {
    if (this.seen) return this.seen;
    try {
      this.seen = (await this.documents.read<Record<string, string>>('seen')) ?? {};
    } catch (error) {
      logError('用户最近使用时间文件无法读取，将重新记录', error);
      this.seen = {};
    }
    return this.seen;
  }

  /** Remembers the sign-in; written to seen.json (not audited) when ten minutes newer than the last one kept. */
  private async markSeen(name: string): Promise<void> {
    const seen = await this.lastSeen();
    const now = this.now();
    const last = seen[name] ? Date.parse(seen[name]) : 0;
    if (now.getTime() - last < SEEN_PRECISION_MS) return;
    seen[name] = now.toISOString();
    const copy = { ...seen };
    // Not awaited by the request: a sign-in never waits for, or fails on, this bookkeeping.
    this.seenWritten = this.seenWritten
      .then(() => this.exclusive(() => this.documents.write('seen', copy, null)))
      .catch((error) => logError('记录用户最近使用时间失败', error));
  }

  /** Resolves when the last-seen times noted so far are written (tests, and before closing). */
  seenSaved(): Promise<void> {
    return this.seenWritten;
  }
}

function summary(user: UserRecord, lastSeenAt: string | null): UserSummary {
  return { name: user.name, roles: user.roles, disabled: user.disabled === true, createdAt: user.createdAt, lastSeenAt };
}

function isActiveAdmin(user: UserRecord): boolean {
  return user.roles.includes('admin') && !user.disabled;
}

/** An admin may not disable themself or drop their own admin role, and one active admin always remains. */
function refuseLockout(before: UserRecord, after: UserRecord, users: UserRecord[], by: User): void {
  if (before.name === by.name && after.disabled && !before.disabled) throw new UserError('conflict', '不能停用自己的账号');
  if (before.name === by.name && isActiveAdmin(before) && !isActiveAdmin(after)) {
    throw new UserError('conflict', '不能取消自己的管理员角色，请由另一位管理员操作');
  }
  const remaining = users.filter((user) => (user.name === after.name ? isActiveAdmin(after) : isActiveAdmin(user)));
  if (isActiveAdmin(before) && remaining.length === 0) throw new UserError('conflict', '至少要保留一名可用的管理员');
}

function queueOfOwn(): Exclusive {
  const queue = new WriteQueue();
  return (work) => queue.run(work);
}
