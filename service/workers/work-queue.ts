// A bounded queue for heavy work: a few jobs at once, a few more waiting, one per user, and a
// refusal (429, in Chinese) beyond that rather than an ever longer wait.

import { HttpError } from '../http/errors.ts';

export interface QueueLimits {
  /** Jobs worked on at once. */
  running: number;
  /** Jobs that may wait for a turn. */
  waiting: number;
}

export interface QueueWords {
  /** The answer when this user already has a job in the queue. */
  userBusy: string;
  /** The answer when the queue is full. */
  full: string;
}

export interface Ticket {
  /** Waits for a turn, runs the job and gives the turn back. */
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Leaves the queue without running (the request failed before its turn). */
  release(): void;
}

export class WorkQueue {
  private readonly users = new Set<string>();
  private running = 0;
  private admitted = 0;
  private readonly turns: Array<() => void> = [];

  constructor(
    private readonly limits: QueueLimits,
    private readonly words: QueueWords,
  ) {}

  /** A place in the queue for this user, or a 429 when the user already has one or the queue is full. */
  admit(user: string): Ticket {
    if (this.users.has(user)) throw new HttpError(429, 'busy', this.words.userBusy);
    if (this.admitted >= this.limits.running + this.limits.waiting) throw new HttpError(429, 'busy', this.words.full);
    this.users.add(user);
    this.admitted++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.users.delete(user);
      this.admitted--;
    };
    return {
      release,
      run: async (job) => {
        try {
          await this.turn();
          try {
            return await job();
          } finally {
            this.running--;
            this.turns.shift()?.();
          }
        } finally {
          release();
        }
      },
    };
  }

  private turn(): Promise<void> {
    if (this.running < this.limits.running) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.turns.push(() => {
        this.running++;
        resolve();
      }),
    );
  }
}
