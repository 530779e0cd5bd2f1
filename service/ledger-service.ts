// Sync and read of ledger rows (SPEC §7): matching rows by rowId or natural key, revisions and
// conflicts, soft deletes, evaluation as of a date, audit. Owns no file and no HTTP.

import { randomUUID } from 'node:crypto';
import type { Calendar } from './domain/calendar.ts';
import type { CivilDate } from './domain/civil-date.ts';
import { localDateTimeAt } from './domain/date-time.ts';
import type { EvaluatedLedgerRow } from './domain/alerts.ts';
import { evaluateRow, withProblems, type RowResult } from './domain/evaluate-row.ts';
import type { AnyLedger, EvalContext, NodeResult, RowValues } from './domain/ledger.ts';
import type { Problem, RawValue } from './domain/problem.ts';
import type { ReportRow } from './domain/report/as-of.ts';
import type { RulesConfig } from './domain/rules.ts';
import { normalizeRow, sameCell } from './domain/row.ts';
import { Evaluations, type RowStatus } from './evaluations.ts';
import { PendingRows } from './pending-rows.ts';
import { RequestRefused, RowPermissions, unconfirmedDeletes, type RowState } from './row-permissions.ts';
import type { AuditEntry, Store, StoredRow } from './store/store.ts';
import { StoredRows } from './stored-rows.ts';
import { freshSync, type SyncSoFar } from './sync-parts.ts';
import { isUnchanged, type SyncRequest } from './sync-request.ts';
import { withEncoding } from './answer-json.ts';
import type { User } from './users.ts';

export interface Settings {
  rules: RulesConfig;
  calendar: Calendar;
}

/**
 * How much of each row an answer carries: `status` — the state, the problems and the status columns
 * (what the add-in and the annotation write into the sheet); `nodes` — those and every node with its
 * basis and steps (SPEC §7's shape, the default).
 */
export type Detail = 'status' | 'nodes';
export const DETAILS: readonly Detail[] = ['status', 'nodes'];

export interface RowResponse {
  rowId: string;
  rev: number;
  /** `resend`: a row named unchanged whose stored version is not the one named; send it with its values. */
  state: 'ok' | 'invalid' | 'conflict' | 'resend';
  errors: Problem[];
  status: Record<string, string | number | null>;
  /** With detail `nodes` only. */
  nodes?: NodeResult[];
  /** The stored values: sent back with a conflict so the clerk can compare, and with every read row. */
  values?: Record<string, RawValue>;
}

/** A 分案清单: one team's rows, assigned on or after a date; read only for ledgers that assign teams. */
export interface TeamListFilter {
  team?: string;
  since?: CivilDate;
}

export interface RowsResponse {
  asOf: CivilDate;
  revision: number;
  rows: RowResponse[];
}

/** One incoming row after matching: the stored row it becomes and what the request adds to its messages. */
interface Outcome {
  row: StoredRow;
  problems: Problem[];
  conflict: boolean;
  /**
   * Answered but not applied: the row held no column of the ledger, or the user may not write it
   * (the reason is among the problems).
   */
  notApplied?: true;
  /** A row named unchanged (see UnchangedRow) at a version that is not the stored one: answered `resend`. */
  resend?: true;
}

/** A soft-deleted row, as the list of deleted rows shows it. */
export interface DeletedRow {
  rowId: string;
  rev: number;
  values: Record<string, RawValue>;
  deleted: { at: string; by: string };
}

/** A context to evaluate rows in, with the rules configuration it came from (the kept evaluations' key). */
interface Evaluating {
  context: EvalContext<unknown>;
  rules: RulesConfig;
  /** The lookup keys a request's uncommitted changes touch: kept evaluations that read one are stale here. */
  pending?: Set<string>;
}

/** Unknown columns named per request: 150 of them on each of 20,000 rows would make the answer hundreds of megabytes. */
const UNKNOWN_COLUMNS_NAMED = 5;

/** Rows evaluated between two pauses by `evaluatedInTurns`: about a quarter of a second's work. */
const ROWS_PER_TURN = 2_000;

export class LedgerService {
  private readonly stored: StoredRows;
  private readonly evaluations = new Evaluations();
  /** The status-detail answer of each kept evaluation, made on its second use (JSON bytes kept with it, see answer-json.ts). */
  private readonly keptAnswers = new WeakMap<RowStatus, RowResponse>();

  constructor(
    private readonly store: Store,
    private readonly settings: () => Settings,
    private readonly timeZone: string,
    /** The clock, read once per request: the time of a change, and "now" for the ledgers that count hours. */
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.stored = new StoredRows(store, timeZone);
  }

  /** `soFar`: what the earlier parts of a sync in parts left (see sync-parts.ts); a whole sync starts fresh. */
  sync(
    ledger: AnyLedger,
    request: SyncRequest,
    user: User,
    asOf: CivilDate,
    detail: Detail = 'nodes',
    soFar: SyncSoFar = freshSync(),
  ): Promise<RowsResponse> {
    return this.store.exclusive(async () => {
      const now = this.clock().toISOString();
      const pending = new PendingRows(ledger.id, this.store.rows(ledger.id));
      const audit: AuditEntry[] = [];
      const record = (action: string, before: StoredRow | null, after: StoredRow | null) =>
        audit.push({
          time: now,
          user: user.name,
          ledger: ledger.id,
          rowId: (after ?? before)!.rowId,
          action,
          before: before?.values ?? null,
          after: after?.values ?? null,
        });

      const permissions = this.permissions(ledger, user, asOf, pending);
      const outcomes = this.applyRows(ledger, request, pending, user, now, record, permissions, soFar);
      if (request.mode === 'snapshot') {
        const sent = new Set(outcomes.map((outcome) => outcome.row.rowId));
        let deletes = 0;
        for (const row of [...pending.all()]) {
          if (sent.has(row.rowId) || row.deleted || !permissions.mayDelete(row)) continue;
          const deleted = { ...row, rev: row.rev + 1, deleted: { at: now, by: user.name }, updatedAt: now, updatedBy: user.name };
          pending.set(deleted);
          record('delete', row, null);
          deletes += 1;
        }
        const refusal = unconfirmedDeletes(ledger, deletes, this.liveCount(ledger), request.confirmDeletes);
        if (refusal) throw refusal;
      }

      const evaluating = this.context(ledger, asOf, pending);
      // Evaluations made over this request's changes are kept only once those changes are committed.
      const made: Array<() => void> = [];
      const rows = outcomes.map((outcome): RowResponse => {
        if (outcome.resend) return { rowId: outcome.row.rowId, rev: outcome.row.rev, state: 'resend', errors: [], status: {} };
        const stored = pending.get(outcome.row.rowId) ?? outcome.row;
        const result = this.respond(ledger, stored, evaluating, outcome.problems, detail, made);
        if (!outcome.conflict && !outcome.notApplied && differ(result.fixed, stored.fixed)) {
          const fixed = { ...stored, fixed: result.fixed };
          pending.set(fixed);
          this.stored.remember(fixed, this.stored.normalize(ledger, stored));
          // The evaluation already counted with the facts it fixes: evaluating again with them gives the same.
          result.keepAs(fixed);
        }
        return outcome.conflict ? { ...result.response, state: 'conflict' as const, values: stored.values } : result.response;
      });

      const changed = pending.changed();
      if (changed.length > 0) {
        const revision = await this.store.commitLedger(ledger.id, changed, audit);
        this.evaluations.committed(this.stored.committed(ledger.id, changed));
        for (const keep of made) keep();
        return { asOf, revision, rows };
      }
      for (const keep of made) keep();
      return { asOf, revision: this.store.revision(ledger.id), rows };
    });
  }

  /**
   * Every stored row, or a team's 分案清单 (the rows assigned to it, optionally since a date) of a
   * ledger that assigns rows to teams, evaluated as of a date, with its stored values: the add-in
   * writes them into the team's sheet.
   */
  rows(ledger: AnyLedger, asOf: CivilDate, filter: TeamListFilter = {}, detail: Detail = 'nodes'): RowsResponse {
    const { assignment } = ledger;
    const listed = (filter.team !== undefined || filter.since !== undefined) && assignment !== undefined;
    const evaluating = this.context(ledger, asOf, null);
    const rows: RowResponse[] = [];
    for (const row of this.store.rows(ledger.id).values()) {
      if (row.deleted) continue;
      // A team's list holds the rows assigned to it; a mere proposal (no assignment date) is not assigned.
      if (listed) {
        const assignedOn = this.stored.normalize(ledger, row).values[assignment.assignedOn];
        if (typeof assignedOn !== 'string' || (filter.since !== undefined && assignedOn < filter.since)) continue;
      }
      const { response } = this.respond(ledger, row, evaluating, [], detail, null);
      if (listed && filter.team !== undefined && response.status[assignment.teamStatus] !== filter.team) continue;
      rows.push({ ...response, values: row.values });
    }
    return { asOf, revision: this.store.revision(ledger.id), rows };
  }

  /** One live row with its nodes (basis, steps) and stored values, as a clerk who clicks it sees it; null when there is none. */
  row(ledger: AnyLedger, rowId: string, asOf: CivilDate): RowsResponse | null {
    const row = this.store.rows(ledger.id).get(rowId);
    if (!row || row.deleted) return null;
    const { response } = this.respond(ledger, row, this.context(ledger, asOf, null), [], 'nodes', null);
    return { asOf, revision: this.store.revision(ledger.id), rows: [{ ...response, values: row.values }] };
  }

  /** The live rows of a ledger that `where` keeps (judged on their normalised values), evaluated as of a date. */
  evaluated(ledger: AnyLedger, asOf: CivilDate, where: (values: RowValues) => boolean = () => true): EvaluatedLedgerRow[] {
    return this.evaluate(ledger, this.context(ledger, asOf, null), [...this.store.rows(ledger.id).values()], where);
  }

  /**
   * Every live row of a ledger evaluated as of a date, a few thousand at a time with a pause between
   * them: over 20,000 cases the evaluation takes seconds, during which syncs are still answered.
   * The rows are the ledger's as it stood when asked.
   */
  async evaluatedInTurns(ledger: AnyLedger, asOf: CivilDate): Promise<EvaluatedLedgerRow[]> {
    const context = this.context(ledger, asOf, null);
    const stored = [...this.store.rows(ledger.id).values()];
    const rows: EvaluatedLedgerRow[] = [];
    for (let start = 0; start < stored.length; start += ROWS_PER_TURN) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      rows.push(...this.evaluate(ledger, context, stored.slice(start, start + ROWS_PER_TURN), () => true));
    }
    return rows;
  }

  private evaluate(
    ledger: AnyLedger,
    evaluating: Evaluating,
    stored: readonly StoredRow[],
    where: (values: RowValues) => boolean,
  ): EvaluatedLedgerRow[] {
    const rows: EvaluatedLedgerRow[] = [];
    for (const row of stored) {
      if (row.deleted) continue;
      const { values } = this.stored.normalize(ledger, row);
      if (!where(values)) continue;
      const { response } = this.respond(ledger, row, evaluating, [], 'nodes', null);
      rows.push({ rowId: row.rowId, values, raw: row.values, status: response.status, nodes: response.nodes ?? [] });
    }
    return rows;
  }

  /**
   * The live rows of a ledger that assigns rows to teams whose assignment date is set (on `on` when
   * given), evaluated as of a date: what a 分案清单 is made from.
   */
  assignedRows(ledger: AnyLedger, asOf: CivilDate, on?: CivilDate): EvaluatedLedgerRow[] {
    const { assignment } = ledger;
    if (!assignment) return [];
    return this.evaluated(ledger, asOf, (values) => {
      const assignedOn = values[assignment.assignedOn];
      return typeof assignedOn === 'string' && (on === undefined || assignedOn === on);
    });
  }

  /** Every live row of a ledger, normalised, with the facts fixed by earlier syncs: what the weekly report reads. */
  liveRows(ledger: AnyLedger): ReportRow[] {
    const rows: ReportRow[] = [];
    for (const row of this.store.rows(ledger.id).values()) {
      if (!row.deleted) rows.push({ rowId: row.rowId, values: this.stored.normalize(ledger, row).values, fixed: row.fixed });
    }
    return rows;
  }

  /** The soft-deleted rows of a ledger, the latest deletion first. */
  private deletedRows(ledger: AnyLedger): DeletedRow[] {
    const rows: DeletedRow[] = [];
    for (const row of this.store.rows(ledger.id).values()) {
      if (row.deleted) rows.push({ rowId: row.rowId, rev: row.rev, values: row.values, deleted: row.deleted });
    }
    return rows.sort((a, b) => b.deleted.at.localeCompare(a.deleted.at));
  }

  /** Lists the deleted rows and audits who looked: the list shows rows no other screen shows. */
  async listDeleted(ledger: AnyLedger, user: User): Promise<DeletedRow[]> {
    const rows = this.deletedRows(ledger);
    const time = this.clock().toISOString();
    await this.store.exclusive(() =>
      this.store.documents.appendAudit([
        { time, user: user.name, ledger: ledger.id, rowId: null, action: 'list-deleted', before: null, after: { count: rows.length } },
      ]),
    );
    return rows;
  }

  /** Brings a soft-deleted row back as it was deleted, audited as 'restore'; answers it as a sync does. */
  restore(ledger: AnyLedger, rowId: string, user: User, asOf: CivilDate): Promise<RowsResponse> {
    return this.store.exclusive(async () => {
      const stored = this.store.rows(ledger.id).get(rowId);
      if (!stored) throw new RequestRefused(404, 'row_not_found', `${ledger.name}中没有这一行（行ID ${rowId}），无法恢复`);
      if (!stored.deleted) throw new RequestRefused(409, 'not_deleted', `${ledger.name}中的这一行没有被删除，无需恢复`);
      const key = this.stored.naturalKey(ledger, this.stored.normalize(ledger, stored).values);
      const twin = key === null ? undefined : this.stored.withNaturalKey(ledger, key).find((row) => !row.deleted);
      if (twin) {
        const problem = duplicateProblem(ledger, stored.values, '台账中现有的一行');
        throw new RequestRefused(409, 'key_in_use', `${problem.message}，不能恢复；请先核对现有的这一行`);
      }
      const now = this.clock().toISOString();
      const { deleted: _deleted, ...kept } = stored;
      const pending = new PendingRows(ledger.id, this.store.rows(ledger.id));
      const restored: StoredRow = { ...kept, rev: stored.rev + 1, updatedAt: now, updatedBy: user.name };
      pending.set(restored);
      const { response, fixed } = this.respond(ledger, restored, this.context(ledger, asOf, pending), [], 'nodes', []);
      const committed = JSON.stringify(fixed) === JSON.stringify(restored.fixed) ? restored : { ...restored, fixed };
      const audit = { time: now, user: user.name, ledger: ledger.id, rowId, action: 'restore', before: null, after: restored.values };
      const revision = await this.store.commitLedger(ledger.id, [committed], [audit]);
      this.evaluations.committed(this.stored.committed(ledger.id, [committed]));
      return { asOf, revision, rows: [{ ...response, values: committed.values }] };
    });
  }

  /** The row-by-row write check of one request; it evaluates rows only for a user confined to teams. */
  private permissions(ledger: AnyLedger, user: User, asOf: CivilDate, pending: PendingRows): RowPermissions {
    let context: EvalContext<unknown> | undefined;
    return new RowPermissions(ledger, user, (row: RowState) => {
      context ??= this.context(ledger, asOf, pending).context;
      const normalized = normalizeRow(ledger.columns, row.values, this.timeZone);
      const result = evaluateRow(
        ledger,
        { rowId: '', values: normalized.values, problems: normalized.problems, fixed: row.fixed },
        context,
      );
      return { values: normalized.values, status: result.status };
    });
  }

  private liveCount(ledger: AnyLedger): number {
    let live = 0;
    for (const row of this.store.rows(ledger.id).values()) if (!row.deleted) live += 1;
    return live;
  }

  private applyRows(
    ledger: AnyLedger,
    request: SyncRequest,
    pending: PendingRows,
    user: User,
    now: string,
    record: (action: string, before: StoredRow | null, after: StoredRow | null) => void,
    permissions: RowPermissions,
    soFar: SyncSoFar,
  ): Outcome[] {
    // Rows that carry a stored rowId claim it first, so a row matched by its natural key earlier in
    // the request never takes another row's identity. A copied row (same rowId twice) is new. A
    // part of a sync in parts goes on from the rows the parts before it claimed and keyed.
    const { claimed, firstRowOfKey, rowsBefore } = soFar;
    const byRowId = request.rows.map((incoming) => {
      if (!incoming.rowId || claimed.has(incoming.rowId)) return undefined;
      const stored = pending.get(incoming.rowId);
      if (stored) claimed.add(stored.rowId);
      return stored;
    });
    const inputIds = new Set(ledger.columns.map((column) => column.id));
    const unknownNamed = new Set<string>();
    let moreUnknownSaid = false;

    /** A later row of a key already sent is an error; answers the key. */
    const noteKey = (key: string | null, index: number, values: Record<string, RawValue>, problems: Problem[]) => {
      if (key === null) return;
      const first = firstRowOfKey.get(key);
      if (first === undefined) firstRowOfKey.set(key, rowsBefore + index);
      else problems.push(duplicateProblem(ledger, values, request.rowNames?.[first - rowsBefore] ?? `本次提交的第 ${first + 1} 行`));
    };

    return request.rows.map((incoming, index): Outcome => {
      const problems: Problem[] = [];
      if (isUnchanged(incoming)) {
        const stored = byRowId[index];
        if (!stored || stored.deleted || stored.rev !== incoming.rev) {
          const named = stored ?? { rowId: incoming.rowId, rev: 0, values: {}, createdAt: now, updatedAt: now, updatedBy: user.name };
          return { row: named, problems, conflict: false, resend: true };
        }
        noteKey(this.stored.keyOf(ledger, stored), index, stored.values, problems);
        return { row: stored, problems, conflict: false };
      }
      const values = knownColumns(incoming.values, inputIds);
      // Only a row that held a column of no ledger was copied: name what it held.
      if (values !== incoming.values)
        for (const column of Object.keys(incoming.values)) {
          if (inputIds.has(column)) continue;
          if (unknownNamed.size < UNKNOWN_COLUMNS_NAMED && !unknownNamed.has(column)) {
            unknownNamed.add(column);
            problems.push({ column, level: 'warning', message: `未知列「${column.slice(0, 40)}」，已忽略` });
          } else if (!unknownNamed.has(column) && !moreUnknownSaid) {
            moreUnknownSaid = true;
            problems.push({ column, level: 'warning', message: `本次提交还有其他未知列（如「${column.slice(0, 40)}」），均已忽略` });
          }
        }
      if (Object.keys(values).length === 0 && !byRowId[index]) {
        problems.push({ column: '', level: 'error', message: '本行没有可识别的列，未保存' });
        const unsaved: StoredRow = {
          rowId: incoming.rowId ?? '',
          rev: 0,
          values: {},
          createdAt: now,
          updatedAt: now,
          updatedBy: user.name,
        };
        return { row: unsaved, problems, conflict: false, notApplied: true };
      }
      let stored = byRowId[index];
      // Only the key columns are normalised to match the row: an unchanged row needs nothing more.
      const key = this.stored.naturalKey(ledger, this.stored.keyValues(ledger, values, stored?.values));
      if (!stored && key !== null) {
        stored = this.stored.withNaturalKey(ledger, key).find((candidate) => !claimed.has(candidate.rowId));
        if (stored) claimed.add(stored.rowId);
      }

      noteKey(key, index, values, problems);

      if (!stored) {
        const rowId = incoming.rowId && !pending.has(incoming.rowId) ? incoming.rowId : randomUUID();
        const created: StoredRow = { rowId, rev: 1, values, createdAt: now, updatedAt: now, updatedBy: user.name };
        const refusal = permissions.refusal(null, values);
        if (refusal) return { row: { ...created, rev: 0 }, problems: [...problems, refusal], conflict: false, notApplied: true };
        pending.set(created);
        this.stored.remember(created, normalizeRow(ledger.columns, values, this.timeZone));
        claimed.add(rowId);
        record('create', null, created);
        return { row: created, problems, conflict: false };
      }
      const changed = changesAny(stored.values, values);
      if (changed && incoming.rev !== undefined && incoming.rev < stored.rev) return { row: stored, problems, conflict: true };
      if (!changed && !stored.deleted) return { row: stored, problems, conflict: false };
      const refusal = permissions.refusal(stored, values);
      if (refusal) return { row: stored, problems: [...problems, refusal], conflict: false, notApplied: true };
      const { deleted: _wasDeleted, ...kept } = stored;
      const updated: StoredRow = {
        ...kept,
        values: { ...stored.values, ...values },
        rev: stored.rev + 1,
        updatedAt: now,
        updatedBy: user.name,
      };
      pending.set(updated);
      this.stored.remember(updated, normalizeRow(ledger.columns, updated.values, this.timeZone));
      record(stored.deleted ? 'restore' : 'update', stored, updated);
      return { row: updated, problems, conflict: false };
    });
  }

  /**
   * A row's answer; in the status detail from its kept evaluation when nothing it read has changed.
   * A new evaluation is kept at once, or, when `made` is given (a request whose changes are not
   * committed yet), by calling what it holds after the commit; `keepAs` keeps it for another version
   * of the row instead.
   */
  private respond(
    ledger: AnyLedger,
    row: StoredRow,
    evaluating: Evaluating,
    extra: Problem[],
    detail: Detail,
    made: Array<() => void> | null,
  ) {
    const normalized = this.stored.normalize(ledger, row);
    let kept: RowStatus | undefined =
      detail === 'status' ? this.evaluations.get(row, evaluating.context, evaluating.rules, evaluating.pending) : undefined;
    let nodes: NodeResult[] | undefined;
    let keptFor = row;
    if (!kept) {
      const { context, reads } = this.evaluations.recording(evaluating.context);
      const evaluated: RowResult = evaluateRow(
        ledger,
        { rowId: row.rowId, values: normalized.values, problems: normalized.problems, fixed: row.fixed },
        context,
      );
      const keep = () => this.evaluations.keep(keptFor, evaluating.context, evaluating.rules, evaluated, reads);
      if (made) made.push(keep);
      else keep();
      kept = evaluated;
      nodes = evaluated.nodes;
    }
    if (!nodes && extra.length === 0) {
      const same = this.keptAnswers.get(kept);
      if (same?.rowId === row.rowId && same.rev === row.rev) return { response: same, fixed: kept.fixed, keepAs: () => {} };
    }
    const answered = withProblems(kept, normalized.problems.length, extra);
    const response: RowResponse = {
      rowId: row.rowId,
      rev: row.rev,
      state: answered.state,
      errors: answered.errors,
      status: answered.status,
      ...(detail === 'nodes' ? { nodes } : {}),
    };
    // An evaluation answered from the kept ones is likely answered again (the next 同步本表).
    if (!nodes && extra.length === 0) this.keptAnswers.set(kept, withEncoding(response));
    return { response, fixed: answered.fixed, keepAs: (version: StoredRow) => (keptFor = version) };
  }

  private context(ledger: AnyLedger, asOf: CivilDate, pending: PendingRows | null): Evaluating {
    const { rules, calendar } = this.settings();
    const now = localDateTimeAt(this.clock(), this.timeZone);
    const context = {
      asOf,
      now,
      calendar,
      rules: rules.ledgers[ledger.id],
      warnDefaults: rules.warnDefaults,
      view: this.stored.view(pending),
    };
    return { context, rules, ...(pending ? { pending: this.stored.touchedBy(ledger.id, pending.changed()) } : {}) };
  }
}

/** A row's cells in the ledger's own columns: the row as sent when it holds no other column, else a copy without them. */
function knownColumns(sent: Record<string, RawValue>, inputIds: ReadonlySet<string>): Record<string, RawValue> {
  const columns = Object.keys(sent);
  if (columns.every((column) => inputIds.has(column))) return sent;
  const known: Record<string, RawValue> = {};
  for (const column of columns) if (inputIds.has(column)) known[column] = sent[column];
  return known;
}

/** Whether a row as sent changes any cell of the stored row. */
function changesAny(stored: Record<string, RawValue>, sent: Record<string, RawValue>): boolean {
  return Object.keys(sent).some((column) => !sameCell(stored[column], sent[column]));
}

/** Whether two sets of fixed facts differ; a kept evaluation answers the very object its row holds. */
function differ(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  if (a === b) return false;
  if (a === undefined || b === undefined) return true;
  return JSON.stringify(a) !== JSON.stringify(b);
}

function duplicateProblem(ledger: AnyLedger, values: Record<string, RawValue>, firstRow: string): Problem {
  const headers = ledger.key.map((column) => ledger.columns.find((def) => def.id === column)?.header ?? column);
  const shown = ledger.key.map((column) => String(values[column] ?? '')).join('、');
  return {
    column: ledger.key[0],
    level: 'error',
    message: `${headers.join('、')}「${shown}」与${firstRow}重复`,
  };
}
