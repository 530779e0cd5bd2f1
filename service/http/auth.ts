// Bearer-token sign-in and the role checks of SPEC §8.

import type { NextFunction, Request, Response } from 'express';
import type { AnyLedger } from '../domain/ledger.ts';
import { canWrite, type User, type UserDirectory } from '../users.ts';
import { HttpError } from './errors.ts';

declare module 'express-serve-static-core' {
  interface Request {
    user?: User;
  }
}

export function requireUser(users: UserDirectory) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new HttpError(401, 'unauthenticated', '未登录：请在请求头中提供 Authorization: Bearer <令牌>');
    const user = await users.authenticate(match[1]);
    if (!user) throw new HttpError(401, 'invalid_token', '令牌无效或已停用，请向管理员确认');
    req.user = user;
    next();
  };
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
