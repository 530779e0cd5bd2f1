// A job the service does by itself at a time of day (the weekly report, the daily 分案清单): looked
// at every minute and once at start, so a time the service was down is made up at the next start.
// One run at a time; stop() lets the run under way finish and starts no other; a failure is logged
// and tried again an hour later rather than every minute. The clock is a parameter: tests drive the
// time without waiting.

import { logError } from './log.ts';

const MINUTE = 60_000;
/** After a failure, the next attempt waits this long rather than failing again every minute. */
const RETRY_AFTER = 60 * MINUTE;

export interface JobParts {
  clock: () => Date;
  /** Does what is due, pushing what it made onto `made` as it goes; `stopped` says when to leave off. */
  work: (made: string[], stopped: () => boolean) => Promise<void>;
  /** What the log says when it fails, e.g. 生成周通报失败，一小时后重试. */
  failure: string;
  /** How often (ms) it looks whether something is due; every minute by default (tests look more often). */
  checkEvery?: number;
}

export class ScheduledJob {
  private running: Promise<string[]> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private retryAt = 0;

  constructor(private readonly parts: JobParts) {}

  /** Does what is due; one run at a time. Returns what was made. */
  run(): Promise<string[]> {
    this.running ??= this.attempt().finally(() => (this.running = null));
    return this.running;
  }

  /** Runs now (the make-up) and then every minute until stopped. */
  start(): Promise<string[]> {
    this.timer = setInterval(() => void this.run(), this.parts.checkEvery ?? MINUTE);
    this.timer.unref();
    return this.run();
  }

  /** No further run starts; the one under way is finished first. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async attempt(): Promise<string[]> {
    const now = this.parts.clock().getTime();
    if (this.stopped || now < this.retryAt) return [];
    const made: string[] = [];
    try {
      await this.parts.work(made, () => this.stopped);
    } catch (error) {
      this.retryAt = now + RETRY_AFTER;
      logError(this.parts.failure, error);
    }
    return made;
  }
}
