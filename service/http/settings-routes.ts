// /api/rules and /api/calendar: everyone reads, an admin changes, with validation and audit.

import { Router } from 'express';
import { validateCalendarOverride } from '../calendar-source.ts';
import { validateRules } from '../domain/rules.ts';
import type { SettingsHolder } from '../settings.ts';
import type { Store } from '../store/store.ts';
import { assertAdmin, currentUser } from './auth.ts';
import { HttpError } from './errors.ts';

export function settingsRouter(settings: SettingsHolder, store: Store): Router {
  const router = Router();

  router.get('/rules', (_req, res) => {
    res.json(settings.get().rules);
  });

  router.put('/rules', async (req, res) => {
    const user = currentUser(req);
    assertAdmin(user, '规则配置');
    const result = validateRules(req.body);
    if (!result.ok) throw new HttpError(400, 'invalid_rules', result.message);
    await store.exclusive(() => settings.setRules(result.value, user));
    res.json(settings.get().rules);
  });

  router.get('/calendar', (_req, res) => {
    res.json(settings.calendarInfo());
  });

  router.put('/calendar', async (req, res) => {
    const user = currentUser(req);
    assertAdmin(user, '节假日安排');
    const result = validateCalendarOverride(req.body);
    if (!result.ok) throw new HttpError(400, 'invalid_calendar', `节假日安排有误：${result.message}`);
    await store.exclusive(() => settings.setCalendar(result.value, user));
    res.json(settings.calendarInfo());
  });

  return router;
}
