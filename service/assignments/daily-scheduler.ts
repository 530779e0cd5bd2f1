// The day's 分案清单, made by the service itself: on every working day at the set time (the report
// settings' listAt, 17:30 by default, after the 卷宗管理中心's triage) each team with cases assigned
// that day gets its list, kept as xlsx and docx. Rest days (by the calendar, 调休 workdays included)
// have none. Days missed while the service was down are made up at the next start, back to the
// newest kept list and at most a week.

import type { Calendar } from '../domain/calendar.ts';
import { addDays, civilDateTimeAt, type CivilDate } from '../domain/civil-date.ts';
import { lastListDay, workingDaysBetween } from '../domain/list-days.ts';
import { ScheduledJob } from '../scheduled-job.ts';

/** The make-up reaches back this many days at most. */
const MADE_UP_DAYS = 7;

export interface DailyListParts {
  clock: () => Date;
  timeZone: string;
  calendar: () => Calendar;
  /** The time of day the lists are made, in minutes at the court. */
  listAt: () => Promise<number>;
  /** The days of the kept lists. */
  keptDays: () => Promise<string[]>;
  /** Makes and keeps the day's lists; the files saved. */
  keep: (day: CivilDate) => Promise<string[]>;
  log: (line: string) => void;
  /** How often (ms) the time is looked at; every minute by default. */
  checkEvery?: number;
}

export class DailyListScheduler {
  private readonly job: ScheduledJob;
  /** The last day whose lists this process made (or found made): later minutes of it look no further. */
  private doneThrough: CivilDate | null = null;

  constructor(private readonly parts: DailyListParts) {
    this.job = new ScheduledJob({
      clock: parts.clock,
      work: (made, stopped) => this.makeDue(made, stopped),
      failure: '生成分案清单失败，一小时后重试',
      checkEvery: parts.checkEvery,
    });
  }

  /** The working days whose list time has come and whose lists were not made yet, oldest first. */
  async dueDays(): Promise<CivilDate[]> {
    const { date, minutes } = civilDateTimeAt(this.parts.clock(), this.parts.timeZone);
    const at = await this.parts.listAt();
    const calendar = this.parts.calendar();
    const due = lastListDay(date, minutes, at, calendar);
    if (due === null || (this.doneThrough !== null && due <= this.doneThrough)) return [];
    const newestKept = (await this.parts.keptDays()).sort().at(-1);
    const since = this.doneThrough ?? (newestKept !== undefined && newestKept < due ? newestKept : addDays(due, -1));
    const earliest = addDays(due, -MADE_UP_DAYS);
    return workingDaysBetween(since > earliest ? since : earliest, due, calendar);
  }

  /** Makes the lists due; one run at a time. Returns the files saved. */
  run(): Promise<string[]> {
    return this.job.run();
  }

  /** Runs now (the make-up) and then every minute until stopped. */
  start(): Promise<string[]> {
    return this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  private async makeDue(made: string[], stopped: () => boolean): Promise<void> {
    for (const day of await this.dueDays()) {
      if (stopped()) return;
      const saved = await this.parts.keep(day);
      made.push(...saved);
      this.doneThrough = day;
      if (saved.length > 0) this.parts.log(`已生成 ${day} 的分案清单：${saved.join('、')}`);
    }
  }
}
