// /api/users: the admin lists users, adds one (its token answered once), changes roles, disables
// or enables one, and gives one a new token. Nobody else sees any of it.

import { Router, type Request } from 'express';
import { availableRoles, UserError, type UserDirectory } from '../users.ts';
import { currentUser } from './auth.ts';
import { HttpError } from './errors.ts';
import type { User } from '../users.ts';

const STATUS = { invalid: 400, unknown: 404, conflict: 409 } as const;

export function usersRouter(users: UserDirectory): Router {
  const router = Router();
  router.use((req, _res, next) => {
    adminOnly(req);
    next();
  });

  router.get('/', async (_req, res) => {
    res.json({ users: await users.list(), roles: availableRoles() });
  });

  router.post('/', async (req, res) => {
    const by = adminOnly(req);
    const { name, roles } = body(req);
    const token = await answer(() => users.add(name as string, roles as string[], undefined, by.name));
    const created = (await users.list()).find((user) => user.name === String(name).trim());
    res.status(201).json({ user: created, token });
  });

  router.patch('/:name', async (req, res) => {
    const by = adminOnly(req);
    const { roles, disabled } = body(req);
    const change = { roles: roles as string[] | undefined, disabled: disabled as boolean | undefined };
    res.json({ user: await answer(() => users.update(String(req.params.name), change, by)) });
  });

  router.post('/:name/token', async (req, res) => {
    const by = adminOnly(req);
    res.json({ token: await answer(() => users.rotateToken(String(req.params.name), by)) });
  });

  return router;
}

function adminOnly(req: Request): User {
  const user = currentUser(req);
  if (!user.roles.includes('admin')) throw new HttpError(403, 'forbidden', `只有管理员可以管理用户，用户「${user.name}」不是管理员`);
  return user;
}

function body(req: Request): Record<string, unknown> {
  const value: unknown = req.body;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'invalid_user', '请求体应为对象');
  return value as Record<string, unknown>;
}

/** A refused change answers 400, 404 or 409 with its Chinese reason. */
async function answer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserError) throw new HttpError(STATUS[error.kind], `user_${error.kind}`, error.message);
    throw error;
  }
}
