// Row evaluations kept between requests (issue 15 item 2): a stored row is evaluated once per
// (row version, asOf, rules, calendar), and the sync answers, GET rows and the 分案清单 in the status
// detail all read that one evaluation. What is kept is the status part (state, problems, status
// columns, fixed facts): the nodes' basis and steps texts would triple it, and only the answers with
// nodes (a clicked row, the default detail) need them, which evaluate anew. An evaluation also
// depends on the other rows its rules looked up (终本 closures of the same respondent, the case a
// payment belongs to…): each lookup it made is recorded, and a commit that changes the rows under a
// looked-up key makes it stale. A ledger that counts hours reads the clock; an evaluation that read
// it holds only for that minute.

import type { Calendar } from './domain/calendar.ts';
import type { CivilDate } from './domain/civil-date.ts';
import type { LocalDateTime } from './domain/date-time.ts';
import type { EvalContext, LedgerView } from './domain/ledger.ts';
import type { RowResult } from './domain/evaluate-row.ts';
import type { RulesConfig } from './domain/rules.ts';
import type { StoredRow } from './store/store.ts';

/** What an evaluation read beside its own row: the index keys it looked up, and whether it read the clock. */
interface Reads {
  lookups: string[];
  now: LocalDateTime | null;
}

/** A row's evaluation without its nodes. */
export type RowStatus = Omit<RowResult, 'nodes'>;

interface Kept {
  result: RowStatus;
  reads: Reads;
  /** The commit count when it was made: a lookup key touched by a later commit makes it stale. */
  made: number;
}

/** Evaluations of one (asOf, rules, calendar): by row version, so an edited row misses by itself. */
interface Generation {
  asOf: CivilDate;
  rules: RulesConfig;
  calendar: Calendar;
  rows: WeakMap<StoredRow, Kept>;
}

/**
 * Two generations: today's and one other day (a clerk looking at an earlier date, the report's
 * Sunday) stay warm together; a third day, or new rules or a new calendar, starts over.
 */
const GENERATIONS = 2;

export function dependencyKey(ledgerId: string, index: string, key: string): string {
  return `${ledgerId}\u0000${index}\u0000${key}`;
}

export class Evaluations {
  private generations: Generation[] = [];
  private commits = 0;
  /** The commit that last changed the rows under each dependency key. */
  private readonly touched = new Map<string, number>();

  /**
   * The kept evaluation of this row version in this context, if nothing it read has changed since;
   * `pending`: the keys a request's uncommitted changes touch, which its view already shows.
   */
  get(row: StoredRow, context: EvalContext<unknown>, rules: RulesConfig, pending?: Set<string>): RowStatus | undefined {
    const kept = this.generation(context.asOf, rules, context.calendar, false)?.rows.get(row);
    if (!kept) return undefined;
    if (kept.reads.now !== null && kept.reads.now !== context.now) return undefined;
    for (const key of kept.reads.lookups) {
      if ((this.touched.get(key) ?? 0) > kept.made || pending?.has(key)) return undefined;
    }
    return kept.result;
  }

  /** A context whose reads are recorded, for one row's evaluation; `keep` stores the result with them. */
  recording(context: EvalContext<unknown>): { context: EvalContext<unknown>; reads: Reads } {
    const recorded = new RecordingContext(context);
    return { context: recorded, reads: recorded.reads };
  }

  keep(row: StoredRow, context: EvalContext<unknown>, rules: RulesConfig, result: RowResult, reads: Reads): void {
    const { nodes: _nodes, ...status } = result;
    this.generation(context.asOf, rules, context.calendar, true)?.rows.set(row, { result: status, reads, made: this.commits });
  }

  /** After a commit: the dependency keys whose rows it changed (see StoredRows.committed). */
  committed(keys: Iterable<string>): void {
    this.commits += 1;
    for (const key of keys) this.touched.set(key, this.commits);
  }

  private generation(asOf: CivilDate, rules: RulesConfig, calendar: Calendar, create: boolean): Generation | undefined {
    const [latest] = this.generations;
    if (latest?.asOf === asOf && latest.rules === rules && latest.calendar === calendar) return latest;
    this.generations = this.generations.filter((generation) => generation.rules === rules && generation.calendar === calendar);
    const found = this.generations.find((generation) => generation.asOf === asOf);
    if (found || !create) return found;
    const made: Generation = { asOf, rules, calendar, rows: new WeakMap() };
    this.generations = [made, ...this.generations].slice(0, GENERATIONS);
    return made;
  }
}

/**
 * An evaluation context that notes what the rules read beside the row: each lookup's key, and the
 * clock. A class rather than a copy with a getter defined on it: one is made for every row evaluated.
 */
class RecordingContext implements EvalContext<unknown> {
  readonly reads: Reads = { lookups: [], now: null };
  readonly asOf: CivilDate;
  readonly calendar: Calendar;
  readonly rules: unknown;
  readonly warnDefaults: EvalContext<unknown>['warnDefaults'];
  readonly view: LedgerView;

  constructor(private readonly context: EvalContext<unknown>) {
    this.asOf = context.asOf;
    this.calendar = context.calendar;
    this.rules = context.rules;
    this.warnDefaults = context.warnDefaults;
    const { reads } = this;
    this.view = {
      lookup: (ledgerId, index, key) => {
        reads.lookups.push(dependencyKey(ledgerId, index.name, key));
        return context.view.lookup(ledgerId, index, key);
      },
    };
  }

  get now(): LocalDateTime | undefined {
    this.reads.now = this.context.now ?? null;
    return this.context.now;
  }
}
