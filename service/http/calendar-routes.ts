// /api/calendar/years: the admin's view of the holiday data — which years have it, one year as
// twelve months, a year entered from the State Council's notice previewed and then saved (audited).
// PUT /api/calendar (the whole override as JSON) stays in settings-routes.ts.

import { Router, type Request } from 'express';
import { EntryError, festivalsOf, monthGrid, readYearEntry, type YearDays } from '../calendar-entry.ts';
import type { SettingsHolder } from '../settings.ts';
import type { Store } from '../store/store.ts';
import { currentUser } from './auth.ts';
import { HttpError } from './errors.ts';

export function calendarYearsRouter(settings: SettingsHolder, store: Store): Router {
  const router = Router();
  router.use((req, _res, next) => {
    adminOnly(req);
    next();
  });

  router.get('/', (_req, res) => {
    res.json({ years: settings.calendarYears() });
  });

  router.get('/:year', (req, res) => {
    const year = yearParam(req);
    const days = settings.yearDays(year);
    const source = settings.calendarYears().find((entry) => entry.year === year)?.source ?? null;
    res.json({ ...yearView(year, days), source, festivals: festivalsOf(days) });
  });

  router.post('/:year/preview', (req, res) => {
    const year = yearParam(req);
    res.json(yearView(year, entered(year, req)));
  });

  router.put('/:year', async (req, res) => {
    const year = yearParam(req);
    const days = entered(year, req);
    await store.exclusive(() => settings.setCalendarYear(year, days, currentUser(req)));
    res.json({ ...yearView(year, days), source: 'override', festivals: festivalsOf(days) });
  });

  return router;
}

function adminOnly(req: Request): void {
  const user = currentUser(req);
  if (!user.roles.includes('admin')) throw new HttpError(403, 'forbidden', `只有管理员可以录入节假日安排，用户「${user.name}」不是管理员`);
}

function yearParam(req: Request): number {
  const text = String(req.params.year);
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100)
    throw new HttpError(400, 'invalid_year', `年份「${text.slice(0, 20)}」无效，应为 2000–2100 之间的年份`);
  return year;
}

function entered(year: number, req: Request): YearDays {
  try {
    return readYearEntry(year, (req.body as { festivals?: unknown } | null)?.festivals);
  } catch (error) {
    if (error instanceof EntryError) throw new HttpError(400, 'invalid_calendar', error.message);
    throw error;
  }
}

/** The year's days and its twelve months, with the counts a notice states (放假天数, 调休上班天数). */
function yearView(year: number, days: YearDays) {
  const months = monthGrid(year, days);
  const restDays = months.reduce(
    (sum, month) => sum + month.days.filter((day) => day.kind === 'holiday' || day.kind === 'weekend').length,
    0,
  );
  return { year, holidays: days.holidays, workdays: days.workdays, months, restDays };
}
