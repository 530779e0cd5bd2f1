// Sync and read of ledger rows (SPEC §7): matching rows by rowId or natural key, revisions and
// conflicts, soft deletes, evaluation as of a date, audit. Owns no file and no HTTP.

import { randomUUID } from 'node:crypto';
import type { Calendar } from './domain/calendar.ts';
import type { CivilDate } from './domain/civil-date.ts';
import { localDateTimeAt } from './domain/date-time.ts';
import { evaluateRow } from './domain/evaluate-row.ts';
import type { AnyLedger, EvalContext, NodeResult } from './domain/ledger.ts';
import type { Problem, RawValue } from './domain/problem.ts';
import type { ReportRow } from './domain/report/as-of.ts';
import type { RulesConfig } from './domain/rules.ts';
import { isEmpty, normalizeRow } from './domain/row.ts';
import { PendingRows } from './pending-rows.ts';
import type { AuditEntry, Store, StoredRow } from './store/store.ts';
import { StoredRows } from './stored-rows.ts';
import type { SyncRequest } from './sync-request.ts';
import type { User } from './users.ts';

export interface Settings {
  rules: RulesConfig;
  calendar: Calendar;
}

export interface RowResponse {
  rowId: string;
  rev: number;
  state: 'ok' | 'invalid' | 'conflict';
  errors: Problem[];
  status: Record<string, string | number | null>;
  nodes: NodeResult[];
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
  /** The row was answered but not stored (it held no column of the ledger). */
  notApplied?: true;
}

/** Unknown columns named per request: 150 of them on each of 20,000 rows would make the answer hundreds of megabytes. */
const UNKNOWN_COLUMNS_NAMED = 5;

export class LedgerService {
  private readonly stored: StoredRows;

  constructor(
    private readonly store: Store,
    private readonly settings: () => Settings,
    private readonly timeZone: string,
    /** The clock, read once per request: the time of a change, and "now" for the ledgers that count hours. */
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.stored = new StoredRows(store, timeZone);
  }

  sync(ledger: AnyLedger, request: SyncRequest, user: User, asOf: CivilDate): Promise<RowsResponse> {
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

      const outcomes = this.applyRows(ledger, request, pending, user, now, record);
      if (request.mode === 'snapshot') {
        const sent = new Set(outcomes.map((outcome) => outcome.row.rowId));
        for (const row of [...pending.all()]) {
          if (sent.has(row.rowId) || row.deleted) continue;
          const deleted = { ...row, rev: row.rev + 1, deleted: { at: now, by: user.name }, updatedAt: now, updatedBy: user.name };
          pending.set(deleted);
          record('delete', row, null);
        }
      }

      const context = this.context(ledger, asOf, pending);
      const rows = outcomes.map((outcome) => {
        const stored = pending.get(outcome.row.rowId) ?? outcome.row;
        const result = this.respond(ledger, stored, context, outcome.problems);
        if (!outcome.conflict && !outcome.notApplied && JSON.stringify(result.fixed) !== JSON.stringify(stored.fixed)) {
          const fixed = { ...stored, fixed: result.fixed };
          pending.set(fixed);
          this.stored.remember(fixed, this.stored.normalize(ledger, stored));
        }
        return outcome.conflict ? { ...result.response, state: 'conflict' as const, values: stored.values } : result.response;
      });

      const changed = pending.changed();
      if (changed.length === 0) return { asOf, revision: this.store.revision(ledger.id), rows };
      const revision = await this.store.commitLedger(ledger.id, changed, audit);
      this.stored.committed(ledger.id, changed);
      return { asOf, revision, rows };
    });
  }

  /**
   * Every stored row, or a team's 分案清单 (the rows assigned to it, optionally since a date) of a
   * ledger that assigns rows to teams, evaluated as of a date, with its stored values: the add-in
   * writes them into the team's sheet.
   */
  rows(ledger: AnyLedger, asOf: CivilDate, filter: TeamListFilter = {}): RowsResponse {
    const { assignment } = ledger;
    const listed = (filter.team !== undefined || filter.since !== undefined) && assignment !== undefined;
    const context = this.context(ledger, asOf, null);
    const rows: RowResponse[] = [];
    for (const row of this.store.rows(ledger.id).values()) {
      if (row.deleted) continue;
      // A team's list holds the rows assigned to it; a mere proposal (no assignment date) is not assigned.
      if (listed) {
        const assignedOn = this.stored.normalize(ledger, row).values[assignment.assignedOn];
        if (typeof assignedOn !== 'string' || (filter.since !== undefined && assignedOn < filter.since)) continue;
      }
      const { response } = this.respond(ledger, row, context, []);
      if (listed && filter.team !== undefined && response.status[assignment.teamStatus] !== filter.team) continue;
      rows.push({ ...response, values: row.values });
    }
    return { asOf, revision: this.store.revision(ledger.id), rows };
  }

  /** Every live row of a ledger, normalised, with the facts fixed by earlier syncs: what the weekly report reads. */
  liveRows(ledger: AnyLedger): ReportRow[] {
    const rows: ReportRow[] = [];
    for (const row of this.store.rows(ledger.id).values()) {
      if (!row.deleted) rows.push({ rowId: row.rowId, values: this.stored.normalize(ledger, row).values, fixed: row.fixed });
    }
    return rows;
  }

  private applyRows(
    ledger: AnyLedger,
    request: SyncRequest,
    pending: PendingRows,
    user: User,
    now: string,
    record: (action: string, before: StoredRow | null, after: StoredRow | null) => void,
  ): Outcome[] {
    // Rows that carry a stored rowId claim it first, so a row matched by its natural key earlier in
    // the request never takes another row's identity. A copied row (same rowId twice) is new.
    const claimed = new Set<string>();
    const byRowId = request.rows.map((incoming) => {
      if (!incoming.rowId || claimed.has(incoming.rowId)) return undefined;
      const stored = pending.get(incoming.rowId);
      if (stored) claimed.add(stored.rowId);
      return stored;
    });
    const firstRowOfKey = new Map<string, number>();
    const inputIds = new Set(ledger.columns.map((column) => column.id));
    const unknownNamed = new Set<string>();
    let moreUnknownSaid = false;

    return request.rows.map((incoming, index) => {
      const problems: Problem[] = [];
      const values: Record<string, RawValue> = {};
      for (const [column, value] of Object.entries(incoming.values)) {
        if (inputIds.has(column)) values[column] = value;
        else if (unknownNamed.size < UNKNOWN_COLUMNS_NAMED && !unknownNamed.has(column)) {
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
      let normalized = normalizeRow(ledger.columns, stored ? { ...stored.values, ...values } : values, this.timeZone);
      const key = this.stored.naturalKey(ledger, normalized.values);
      if (!stored && key !== null) {
        stored = this.stored.withNaturalKey(ledger, key).find((candidate) => !claimed.has(candidate.rowId));
        if (stored) {
          claimed.add(stored.rowId);
          normalized = normalizeRow(ledger.columns, { ...stored.values, ...values }, this.timeZone);
        }
      }
      if (key !== null) {
        const first = firstRowOfKey.get(key);
        if (first === undefined) firstRowOfKey.set(key, index);
        else problems.push(duplicateProblem(ledger, values, request.rowNames?.[first] ?? `本次提交的第 ${first + 1} 行`));
      }

      if (!stored) {
        const rowId = incoming.rowId && !pending.has(incoming.rowId) ? incoming.rowId : randomUUID();
        const created: StoredRow = { rowId, rev: 1, values, createdAt: now, updatedAt: now, updatedBy: user.name };
        pending.set(created);
        this.stored.remember(created, normalized);
        claimed.add(rowId);
        record('create', null, created);
        return { row: created, problems, conflict: false };
      }
      const changed = Object.entries(values).some(([column, value]) => !sameCell(stored.values[column], value));
      if (changed && incoming.rev !== undefined && incoming.rev < stored.rev) return { row: stored, problems, conflict: true };
      if (!changed && !stored.deleted) return { row: stored, problems, conflict: false };
      const { deleted: _wasDeleted, ...kept } = stored;
      const updated: StoredRow = {
        ...kept,
        values: { ...stored.values, ...values },
        rev: stored.rev + 1,
        updatedAt: now,
        updatedBy: user.name,
      };
      pending.set(updated);
      this.stored.remember(updated, normalized);
      record(stored.deleted ? 'restore' : 'update', stored, updated);
      return { row: updated, problems, conflict: false };
    });
  }

  private respond(ledger: AnyLedger, row: StoredRow, context: EvalContext<unknown>, extra: Problem[]) {
    const normalized = this.stored.normalize(ledger, row);
    const result = evaluateRow(
      ledger,
      { rowId: row.rowId, values: normalized.values, problems: [...normalized.problems, ...extra], fixed: row.fixed },
      context,
    );
    const response: RowResponse = {
      rowId: row.rowId,
      rev: row.rev,
      state: result.state,
      errors: result.errors,
      status: result.status,
      nodes: result.nodes,
    };
    return { response, fixed: result.fixed };
  }

  private context(ledger: AnyLedger, asOf: CivilDate, pending: PendingRows | null): EvalContext<unknown> {
    const { rules, calendar } = this.settings();
    const now = localDateTimeAt(this.clock(), this.timeZone);
    return { asOf, now, calendar, rules: rules.ledgers[ledger.id], warnDefaults: rules.warnDefaults, view: this.stored.view(pending) };
  }
}

function sameCell(a: RawValue, b: RawValue): boolean {
  return isEmpty(a) && isEmpty(b) ? true : a === b;
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
