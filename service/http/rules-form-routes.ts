// /api/rules/form: the admin's rules form — every item with its fields, values and source; one item
// saved or reset to its default (audited). PUT /api/rules (the whole configuration) stays in settings-routes.ts.

import { Router, type Request } from 'express';
import { editRules, formOf, resetRule, RuleEditError, type EditedRules, type RuleChange } from '../rules-edit.ts';
import type { SettingsHolder } from '../settings.ts';
import type { Store } from '../store/store.ts';
import type { User } from '../users.ts';
import { currentUser } from './auth.ts';
import { HttpError } from './errors.ts';

export function rulesFormRouter(settings: SettingsHolder, store: Store): Router {
  const router = Router();
  router.use((req, _res, next) => {
    adminOnly(req);
    next();
  });

  router.get('/', (_req, res) => {
    res.json({ items: formOf(settings.get().rules) });
  });

  router.put('/:id', async (req, res) => {
    const change = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as RuleChange;
    const item = await save(settings, store, adminOnly(req), 'update-rule', (rules) => editRules(rules, String(req.params.id), change));
    res.json({ item });
  });

  router.post('/:id/reset', async (req, res) => {
    const item = await save(settings, store, adminOnly(req), 'reset-rule', (rules) => resetRule(rules, String(req.params.id)));
    res.json({ item });
  });

  return router;
}

/** Applies the edit to the rules in force inside the store's queue, so two admins' edits never undo each other. */
async function save(
  settings: SettingsHolder,
  store: Store,
  user: User,
  action: string,
  edit: (rules: ReturnType<SettingsHolder['get']>['rules']) => EditedRules,
) {
  try {
    return await store.exclusive(async () => {
      const edited = edit(settings.get().rules);
      await settings.setRules(edited.rules, user, { action, rowId: edited.item.id, before: edited.before, after: edited.after });
      return edited.item;
    });
  } catch (error) {
    if (error instanceof RuleEditError) {
      throw new HttpError(
        error.kind === 'unknown' ? 404 : 400,
        error.kind === 'unknown' ? 'rule_not_found' : 'invalid_rules',
        error.message,
      );
    }
    throw error;
  }
}

function adminOnly(req: Request): User {
  const user = currentUser(req);
  if (!user.roles.includes('admin')) throw new HttpError(403, 'forbidden', `只有管理员可以修改规则配置，用户「${user.name}」不是管理员`);
  return user;
}
