// /api/settings/report: the weekly report's heading and numbering. Everyone signed in reads; an
// admin changes them (validated, audited). Handlers only parse, call and answer.

import { Router } from 'express';
import { civilDateAt } from '../domain/civil-date.ts';
import { issueNumberOf, validateReportSettings } from '../domain/report/report-settings.ts';
import { weekBefore, weekOf } from '../domain/report/week.ts';
import { ReportSettingsHolder, type ReportSettingsInfo } from '../report-settings.ts';
import type { Store } from '../store/store.ts';
import { assertAdmin, currentUser } from './auth.ts';
import { HttpError } from './errors.ts';

export function reportSettingsRouter(store: Store, timeZone: string, now: () => Date): Router {
  const router = Router();
  const holder = new ReportSettingsHolder(store);
  const thisWeek = () => weekOf(civilDateAt(now(), timeZone));
  /** The settings, and the issue number the last week (the one the next report covers) gets. */
  const answer = (info: ReportSettingsInfo) => {
    const lastWeek = weekBefore(thisWeek()).id;
    return { ...info, lastWeek: { week: lastWeek, issue: issueNumberOf(lastWeek, info.settings) } };
  };

  router.get('/', async (_req, res) => {
    res.json(answer(await holder.read()));
  });

  router.put('/', async (req, res) => {
    const user = currentUser(req);
    assertAdmin(user, '通报设置');
    const result = validateReportSettings(req.body, thisWeek());
    if (!result.ok) throw new HttpError(400, 'invalid_report_settings', result.message);
    await store.exclusive(() => holder.write(result.value, user));
    res.json(answer(await holder.read()));
  });

  return router;
}
