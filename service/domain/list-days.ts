// Which days' 分案清单 are due: a working day's list is made at the set time of that day (after the
// 卷宗管理中心's triage); rest days have none. Pure: the moment and the calendar come in.

import type { Calendar } from './calendar.ts';
import { addDays, type CivilDate } from './civil-date.ts';

/** How far back a day is looked for: past it, a list nobody received that day is no longer sent. */
const LOOKED_BACK = 31;

/** The last working day whose list time has come by `date` at `minutes`; null when none within a month. */
export function lastListDay(date: CivilDate, minutes: number, listAtMinutes: number, calendar: Calendar): CivilDate | null {
  let day = minutes >= listAtMinutes ? date : addDays(date, -1);
  for (let step = 0; step < LOOKED_BACK; step++, day = addDays(day, -1)) if (!calendar.isRestDay(day)) return day;
  return null;
}

/** The working days after `after` up to `through`, oldest first. */
export function workingDaysBetween(after: CivilDate, through: CivilDate, calendar: Calendar): CivilDate[] {
  const days: CivilDate[] = [];
  for (let day = addDays(after, 1); day <= through; day = addDays(day, 1)) if (!calendar.isRestDay(day)) days.push(day);
  return days;
}
