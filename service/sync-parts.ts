// A sync sent in parts (see SyncPart): the service takes the parts of one sync in order, one after
// the other, and carries from each to the next what makes them one request: the rows already
// matched or created, and the first row of each key. A part that comes early waits for the ones
// before it; a part after one that failed is refused, since the rows before it are not all saved.

import { RequestRefused } from './row-permissions.ts';
import type { SyncPart } from './sync-request.ts';

/** What the earlier requests of one sync leave for the next: see LedgerService.applyRows. */
export interface SyncSoFar {
  /** Stored rows already matched or created: a later row never takes one by its key. */
  claimed: Set<string>;
  /** The first row of each natural key, by its place in the whole sync (0-based). */
  firstRowOfKey: Map<string, number>;
  /** Rows sent in the earlier parts: this part's rows are numbered after them. */
  rowsBefore: number;
}

export function freshSync(): SyncSoFar {
  return { claimed: new Set(), firstRowOfKey: new Map(), rowsBefore: 0 };
}

interface Session {
  soFar: SyncSoFar;
  /** The index of the part to take next. */
  next: number;
  /** Why the sync cannot go on (a part failed or was refused), once it cannot. */
  failed: string | null;
  wake: Array<() => void>;
  usedAt: number;
}

/** How long a part waits for the parts before it: 8 parts of 2,500 rows queue for far less. */
export const PART_WAIT_MS = 120_000;
/**
 * A sync none of whose parts came for this long is forgotten: the pane sends its parts one after
 * the other, and the rows answered `resend` right after the last.
 */
const SESSION_IDLE_MS = 2 * 60_000;
/** Syncs in parts remembered at once (each holds its rows' IDs and keys); the oldest is forgotten first. */
const SESSIONS = 50;

export class SyncParts {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly waitMs = PART_WAIT_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `work` for one part once every part before it has been taken, with what they left. A
   * sync belongs to the user and ledger of its first part: another user's part with the same
   * number starts a sync of its own.
   */
  async run<T>(owner: string, ledgerId: string, part: SyncPart, rows: number, work: (soFar: SyncSoFar) => Promise<T>): Promise<T> {
    const session = this.session(owner, ledgerId, part.sync);
    if (part.index >= session.next) await this.turn(session, part.index);
    else if (session.failed === null)
      throw refused('part_repeated', `本次同步的第 ${part.index + 1} 批已经提交过，本批未保存，请重新同步本表`);
    if (session.failed !== null) {
      this.taken(session, part.index);
      throw refused('part_after_failure', `本次同步的第 ${part.index + 1} 批未保存：${session.failed}，请重新同步本表`);
    }
    try {
      const result = await work(session.soFar);
      session.soFar.rowsBefore += rows;
      return result;
    } catch (error) {
      session.failed = `前面的第 ${part.index + 1} 批未能保存`;
      throw error;
    } finally {
      this.taken(session, part.index);
    }
  }

  /** A part refused before it was run (its body was invalid): the parts after it are refused too. */
  refuse(owner: string, ledgerId: string, part: SyncPart): void {
    const session = this.session(owner, ledgerId, part.sync);
    session.failed ??= `前面的第 ${part.index + 1} 批被拒绝`;
    if (part.index >= session.next) this.taken(session, part.index);
  }

  private session(owner: string, ledgerId: string, sync: string): Session {
    const key = `${owner}\u0000${ledgerId}\u0000${sync}`;
    const now = this.now();
    for (const [known, session] of this.sessions) {
      if (now - session.usedAt > SESSION_IDLE_MS && session.wake.length === 0) this.sessions.delete(known);
    }
    let session = this.sessions.get(key);
    if (!session) {
      session = { soFar: freshSync(), next: 0, failed: null, wake: [], usedAt: now };
      this.sessions.set(key, session);
      if (this.sessions.size > SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
    }
    session.usedAt = now;
    return session;
  }

  /**
   * Waits until `index` is the part to take next. When an earlier part does not come in time, the
   * sync has failed: this part and every part waiting behind it go on to be refused.
   */
  private async turn(session: Session, index: number): Promise<void> {
    const deadline = this.now() + this.waitMs;
    while (session.next < index && session.failed === null) {
      const left = deadline - this.now();
      if (left <= 0) {
        session.failed = `前面的第 ${session.next + 1} 批未按时到达`;
        return;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        session.wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Part `index` is done with (saved, failed or refused): the next one may go. */
  private taken(session: Session, index: number): void {
    session.next = Math.max(session.next, index + 1);
    session.usedAt = this.now();
    const waiting = session.wake.splice(0);
    for (const wake of waiting) wake();
  }
}

function refused(code: string, message: string): RequestRefused {
  return new RequestRefused(409, code, message);
}
