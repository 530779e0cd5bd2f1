// Bearer-token sign-in and the role checks of SPEC §8.

import type { NextFunction, Request, Response } from 'express';
import type { AnyLedger } from '../domain/ledger.ts';
import { logNotice } from '../log.ts';
import { canWrite, type User, type UserDirectory } from '../users.ts';
import { HttpError } from './errors.ts';

/** Wrong tokens one address may present within the window before it is locked out for the window. */
export const FAILED_SIGN_IN_LIMIT = 10;
export const FAILED_SIGN_IN_WINDOW_MS = 60_000;
/** Addresses remembered at most; beyond it the oldest records go first (their lockouts too, rarely). */
const ADDRESSES_KEPT = 10_000;

declare module 'express-serve-static-core' {
  interface Request {
    user?: User;
  }
}

/**
 * Failed sign-ins per address. An address that presents FAILED_SIGN_IN_LIMIT wrong tokens within
 * FAILED_SIGN_IN_WINDOW_MS is refused for one window, its right tokens too (a 200 among the 429s
 * would tell a guesser it found one); other addresses are not affected.
 */
export class FailedSignIns {
  private readonly byAddress = new Map<string, { failures: number[]; lockedUntil: number }>();

  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly now: () => number) {}

  /** Runs one sign-in of the address after the one before, so parallel guesses cannot outrun the count. */
  async oneAtATime<T>(address: string, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(address) ?? Promise.resolve()).catch(() => {}).then(work);
    const tail = run.catch(() => {});
    this.queues.set(address, tail);
    try {
      return await run;
    } finally {
      if (this.queues.get(address) === tail) this.queues.delete(address);
    }
  }

  /** Milliseconds until the address may try again, or 0. */
  lockedFor(address: string): number {
    const record = this.byAddress.get(address);
    if (!record || record.lockedUntil === 0) return 0;
    const left = record.lockedUntil - this.now();
    if (left > 0) return left;
    this.byAddress.delete(address);
    return 0;
  }

  /** Counts a failure; true when it locks the address out. */
  fail(address: string): boolean {
    const now = this.now();
    const record = this.byAddress.get(address) ?? { failures: [], lockedUntil: 0 };
    this.byAddress.delete(address);
    this.byAddress.set(address, record);
    if (this.byAddress.size > ADDRESSES_KEPT) this.byAddress.delete(this.byAddress.keys().next().value!);
    record.failures = record.failures.filter((time) => time > now - FAILED_SIGN_IN_WINDOW_MS);
    record.failures.push(now);
    if (record.failures.length < FAILED_SIGN_IN_LIMIT) return false;
    record.lockedUntil = now + FAILED_SIGN_IN_WINDOW_MS;
    return true;
  }
}

export function requireUser(users: UserDirectory, now: () => Date = () => new Date()) {
  const failed = new FailedSignIns(() => now().getTime());
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    // A request without credentials guesses nothing and is not counted.
    if (header === '') throw new HttpError(401, 'unauthenticated', '未登录：请在请求头中提供 Authorization: Bearer <令牌>');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    req.user = await failed.oneAtATime(address, async () => {
      const lockedFor = failed.lockedFor(address);
      if (lockedFor > 0) {
        const seconds = Math.ceil(lockedFor / 1000);
        res.set('Retry-After', String(seconds));
        throw new HttpError(429, 'too_many_attempts', `登录失败次数过多，请 ${seconds} 秒后再试`);
      }
      const user = match ? await users.authenticate(match[1]) : null;
      if (user) return user;
      signInFailed(failed, address);
      if (!match) throw new HttpError(401, 'unauthenticated', '未登录：请在请求头中提供 Authorization: Bearer <令牌>');
      throw new HttpError(401, 'invalid_token', '令牌无效或已停用，请向管理员确认');
    });
    next();
  };
}

/** Counts the failure, and logs the lockout it causes: the address and the count, never a token. */
function signInFailed(failed: FailedSignIns, address: string): void {
  if (!failed.fail(address)) return;
  logNotice(
    `来自 ${address} 的请求在 ${FAILED_SIGN_IN_WINDOW_MS / 1000} 秒内 ${FAILED_SIGN_IN_LIMIT} 次令牌错误，` +
      `已暂停该地址登录 ${FAILED_SIGN_IN_WINDOW_MS / 1000} 秒`,
  );
}

export function currentUser(req: Request): User {
  if (!req.user) throw new HttpError(401, 'unauthenticated', '未登录');
  return req.user;
}

export function assertCanWrite(user: User, ledger: AnyLedger): void {
  if (!canWrite(user, ledger)) {
    throw new HttpError(403, 'forbidden', `用户「${user.name}」（角色：${user.roles.join('、')}）无权写入${ledger.name}`);
  }
}

export function assertAdmin(user: User, what: string): void {
  if (!user.roles.includes('admin')) throw new HttpError(403, 'forbidden', `只有管理员可以修改${what}，用户「${user.name}」不是管理员`);
}
