// Users, roles and tokens (SPEC §8). Only token hashes are stored; a token is shown once.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AnyLedger } from './domain/ledger.ts';
import type { DocumentStore, UserRecord } from './store/store.ts';

export const TEAM_ROLE_PREFIX = 'team:';
const PLAIN_ROLES = ['admin', 'affairs', 'files', 'general', 'disposal', 'viewer'];

export interface User {
  name: string;
  roles: string[];
}

export function isKnownRole(role: string): boolean {
  return PLAIN_ROLES.includes(role) || (role.startsWith(TEAM_ROLE_PREFIX) && role.length > TEAM_ROLE_PREFIX.length);
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

/** Keeps the users in memory and rereads them when a command has changed them (users.json on disk). */
export class UserDirectory {
  private users: UserRecord[] = [];
  private loadedVersion = -1;

  constructor(private readonly documents: DocumentStore) {}

  async all(): Promise<UserRecord[]> {
    const version = await this.documents.version('users');
    if (version !== this.loadedVersion) {
      this.users = (await this.documents.read<{ users: UserRecord[] }>('users'))?.users ?? [];
      this.loadedVersion = version;
    }
    return this.users;
  }

  /** Compares the token's hash with every user's in constant time, so timing tells nothing. */
  async authenticate(token: string): Promise<User | null> {
    const presented = Buffer.from(hashToken(token), 'hex');
    let found: UserRecord | null = null;
    for (const user of await this.all()) {
      const stored = Buffer.from(user.tokenHash, 'hex');
      if (stored.length === presented.length && timingSafeEqual(stored, presented) && !found) found = user;
    }
    return found ? { name: found.name, roles: found.roles } : null;
  }

  /** Adds a user and returns the token, which is not kept anywhere.  */
  async add(name: string, roles: string[], token = newToken()): Promise<string> {
    const users = await this.all();
    if (users.some((user) => user.name === name)) throw new Error(`用户「${name}」已存在`);
    const unknown = roles.find((role) => !isKnownRole(role));
    if (unknown) throw new Error(`未知角色「${unknown}」；可用角色：${PLAIN_ROLES.join('、')}、team:<团队名>`);
    const record: UserRecord = { name, roles, tokenHash: hashToken(token), createdAt: new Date().toISOString() };
    await this.documents.write(
      'users',
      { users: [...users, record] },
      {
        time: record.createdAt,
        user: 'system',
        ledger: 'users',
        rowId: null,
        action: 'add-user',
        before: null,
        after: { name, roles },
      },
    );
    return token;
  }
}
