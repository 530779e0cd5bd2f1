// The automatic weekly report: every Monday at 08:30 at the court (SPEC §6) the report of the week
// before is made and kept. A check runs every minute and at start (scheduled-job.ts), so a Monday
// the service was down is made up at the next start, with every week missed since the newest stored
// report. The clock is a parameter: tests drive Monday 08:30 without waiting.

import { civilDateTimeAt } from '../domain/civil-date.ts';
import { lastDueWeek, parseWeek, weekAfter, type IsoWeek } from '../domain/report/week.ts';
import { ScheduledJob } from '../scheduled-job.ts';

/** Monday 08:30, in minutes of the day at the court. */
export const REPORT_AT_MINUTES = 8 * 60 + 30;

export interface SchedulerParts {
  clock: () => Date;
  timeZone: string;
  /** The weeks whose report is already stored ('2026-W48'). */
  stored: () => Promise<string[]>;
  /** Makes and keeps the report of a week. */
  make: (week: IsoWeek) => Promise<unknown>;
  log: (line: string) => void;
}

export class ReportScheduler {
  private readonly job: ScheduledJob;

  constructor(private readonly parts: SchedulerParts) {
    this.job = new ScheduledJob({
      clock: parts.clock,
      work: (made, stopped) => this.makeMissing(made, stopped),
      failure: '生成周通报失败，一小时后重试',
    });
  }

  /** The weeks due by now and not stored, oldest first: the last due week, and those missed since the newest stored one. */
  async missing(): Promise<IsoWeek[]> {
    const { date, minutes } = civilDateTimeAt(this.parts.clock(), this.parts.timeZone);
    const due = lastDueWeek(date, minutes, REPORT_AT_MINUTES);
    const stored = new Set(await this.parts.stored());
    const newest = [...stored].sort().at(-1);
    const parsed = newest && newest < due.id ? parseWeek(newest) : null;
    const missing: IsoWeek[] = [];
    for (let week = parsed?.ok ? weekAfter(parsed.week) : due; week.id <= due.id; week = weekAfter(week)) {
      if (!stored.has(week.id)) missing.push(week);
    }
    return missing;
  }

  /** Makes every missing report; one run at a time. Returns the weeks made. */
  run(): Promise<string[]> {
    return this.job.run();
  }

  /** Runs now (the make-up) and then every minute until stopped. */
  start(): Promise<string[]> {
    return this.job.start();
  }

  /** No further run starts; a report being made is finished first. */
  stop(): Promise<void> {
    return this.job.stop();
  }

  private async makeMissing(made: string[], stopped: () => boolean): Promise<void> {
    for (const week of await this.missing()) {
      if (stopped()) break;
      await this.parts.make(week);
      made.push(week.id);
      this.parts.log(`已生成周通报 ${week.id}（${week.from} 至 ${week.to}）`);
    }
  }
}
