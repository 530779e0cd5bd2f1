// Sync and read of ledger rows (SPEC §7): matching rows by rowId or natural key, revisions and
// conflicts, soft deletes, evaluation as of a date, audit. Owns no file and no HTTP.

import { randomUUID } from 'node:crypto';
import type { Calendar } from './domain/calendar.ts';
import type { CivilDate } from './domain/civil-date.ts';
import { evaluateRow } from './domain/evaluate-row.ts';
import type { AnyLedger, EvalContext, LedgerView, NodeResult, RowValues } from './domain/ledger.ts';
import { findLedger } from './domain/ledgers/index.ts';
import type { Problem, RawValue } from './domain/problem.ts';
import type { RulesConfig } from './domain/rules.ts';
import { isEmpty, normalizeRow } from './domain/row.ts';
import type { AuditEntry, Store, StoredRow } from './store/store.ts';
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
  /** The stored values, sent back with a conflict so the clerk can compare. */
  values?: Record<string, RawValue>;
}

export interface RowsResponse {
  asOf: CivilDate;
  revision: number;
  rows: RowResponse[];
}

interface Normalized {
  values: RowValues;
  problems: Problem[];
}

/** One incoming row after matching: the stored row it becomes and what the request adds to its messages. */
interface Outcome {
  row: StoredRow;
  problems: Problem[];
  conflict: boolean;
}

export class LedgerService {
  private readonly normalized = new WeakMap<StoredRow, Normalized>();

  constructor(
    private readonly store: Store,
    private readonly settings: () => Settings,
    private readonly timeZone: string,
  ) {}

  sync(ledger: AnyLedger, request: SyncRequest, user: User, asOf: CivilDate): Promise<RowsResponse> {
    return this.store.exclusive(async () => {
      const now = new Date().toISOString();
      const next = new Map(this.store.rows(ledger.id));
      const audit: AuditEntry[] = [];
      const record = (action: string, before: StoredRow | null, after: StoredRow | null) =>
        audit.push({ time: now, user: user.name, ledger: ledger.id, rowId: (after ?? before)!.rowId, action, before: before?.values ?? null, after: after?.values ?? null });

      const outcomes = this.applyRows(ledger, request, next, user, now, record);
      if (request.mode === 'snapshot') {
        const sent = new Set(outcomes.map((outcome) => outcome.row.rowId));
        for (const row of next.values()) {
          if (sent.has(row.rowId) || row.deleted) continue;
          const deleted = { ...row, rev: row.rev + 1, deleted: { at: now, by: user.name }, updatedAt: now, updatedBy: user.name };
          next.set(row.rowId, deleted);
          record('delete', row, null);
        }
      }

      const context = this.context(ledger, asOf, new Map([[ledger.id, next]]));
      let fixedChanged = false;
      const rows = outcomes.map((outcome) => {
        const stored = next.get(outcome.row.rowId) ?? outcome.row;
        const result = this.respond(ledger, stored, context, outcome.problems);
        if (!outcome.conflict && JSON.stringify(result.fixed) !== JSON.stringify(stored.fixed)) {
          next.set(stored.rowId, { ...stored, fixed: result.fixed });
          fixedChanged = true;
        }
        return outcome.conflict ? { ...result.response, state: 'conflict' as const, values: stored.values } : result.response;
      });

      const revision = audit.length > 0 || fixedChanged ? await this.store.commitLedger(ledger.id, next, audit) : this.store.revision(ledger.id);
      return { asOf, revision, rows };
    });
  }

  /** Every stored row, or a team's 分案清单 (its triaged rows, optionally since a date), evaluated as of a date. */
  rows(ledger: AnyLedger, asOf: CivilDate, filter: { team?: string; since?: CivilDate }): RowsResponse {
    const context = this.context(ledger, asOf, new Map());
    const rows: RowResponse[] = [];
    for (const row of this.store.rows(ledger.id).values()) {
      if (row.deleted) continue;
      // A team's list holds the cases assigned to it, i.e. triaged; a mere proposal is not assigned.
      if (filter.team || filter.since) {
        const triagedOn = this.normalize(ledger, row).values.triagedOn;
        if (typeof triagedOn !== 'string' || (filter.since && triagedOn < filter.since)) continue;
      }
      const { response } = this.respond(ledger, row, context, []);
      if (filter.team && response.status.team !== filter.team) continue;
      rows.push(response);
    }
    return { asOf, revision: this.store.revision(ledger.id), rows };
  }

  private applyRows(
    ledger: AnyLedger,
    request: SyncRequest,
    next: Map<string, StoredRow>,
    user: User,
    now: string,
    record: (action: string, before: StoredRow | null, after: StoredRow | null) => void,
  ): Outcome[] {
    const byKey = this.keyIndex(ledger, next);
    // Rows that carry a stored rowId claim it first, so a row matched by its natural key earlier in
    // the request never takes another row's identity. A copied row (same rowId twice) is new.
    const claimed = new Set<string>();
    const byRowId = request.rows.map((incoming) => {
      if (!incoming.rowId || claimed.has(incoming.rowId)) return undefined;
      const stored = next.get(incoming.rowId);
      if (stored) claimed.add(stored.rowId);
      return stored;
    });
    const firstRowOfKey = new Map<string, number>();
    const inputIds = new Set(ledger.columns.map((column) => column.id));

    return request.rows.map((incoming, index) => {
      const problems: Problem[] = [];
      const values: Record<string, RawValue> = {};
      for (const [column, value] of Object.entries(incoming.values)) {
        if (inputIds.has(column)) values[column] = value;
        else problems.push({ column, level: 'warning', message: `未知列「${column.slice(0, 40)}」，已忽略` });
      }
      let stored = byRowId[index];
      let normalized = normalizeRow(ledger.columns, stored ? { ...stored.values, ...values } : values, this.timeZone);
      const key = this.naturalKey(ledger, normalized.values);
      if (!stored && key !== null) {
        stored = (byKey.get(key) ?? []).find((candidate) => !claimed.has(candidate.rowId));
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
        const rowId = incoming.rowId && !next.has(incoming.rowId) ? incoming.rowId : randomUUID();
        const created: StoredRow = { rowId, rev: 1, values, createdAt: now, updatedAt: now, updatedBy: user.name };
        next.set(rowId, created);
        this.normalized.set(created, normalized);
        claimed.add(rowId);
        record('create', null, created);
        return { row: created, problems, conflict: false };
      }
      const changed = Object.entries(values).some(([column, value]) => !sameCell(stored.values[column], value));
      if (changed && incoming.rev !== undefined && incoming.rev < stored.rev) return { row: stored, problems, conflict: true };
      if (!changed && !stored.deleted) return { row: stored, problems, conflict: false };
      const { deleted: _wasDeleted, ...kept } = stored;
      const updated: StoredRow = { ...kept, values: { ...stored.values, ...values }, rev: stored.rev + 1, updatedAt: now, updatedBy: user.name };
      next.set(updated.rowId, updated);
      this.normalized.set(updated, normalized);
      record(stored.deleted ? 'restore' : 'update', stored, updated);
      return { row: updated, problems, conflict: false };
    });
  }

  private respond(ledger: AnyLedger, row: StoredRow, context: EvalContext<unknown>, extra: Problem[]) {
    const normalized = this.normalize(ledger, row);
    const result = evaluateRow(ledger, { rowId: row.rowId, values: normalized.values, problems: [...normalized.problems, ...extra], fixed: row.fixed }, context);
    const response: RowResponse = { rowId: row.rowId, rev: row.rev, state: result.state, errors: result.errors, status: result.status, nodes: result.nodes };
    return { response, fixed: result.fixed };
  }

  private context(ledger: AnyLedger, asOf: CivilDate, pending: Map<string, Map<string, StoredRow>>): EvalContext<unknown> {
    const { rules, calendar } = this.settings();
    return { asOf, calendar, rules: rules.ledgers[ledger.id], warnDefaults: rules.warnDefaults, view: this.view(pending) };
  }

  /** The stored ledgers as one request sees them: its own pending changes over what is on disk. */
  private view(pending: Map<string, Map<string, StoredRow>>): LedgerView {
    const rowLists = new Map<string, Array<{ rowId: string; values: RowValues }>>();
    const indexes = new Map<string, unknown>();
    return {
      rows: (ledgerId) => {
        let list = rowLists.get(ledgerId);
        if (!list) {
          const ledger = findLedger(ledgerId);
          const rows = ledger ? (pending.get(ledgerId) ?? this.store.rows(ledgerId)) : new Map<string, StoredRow>();
          list = ledger ? [...rows.values()].filter((row) => !row.deleted).map((row) => ({ rowId: row.rowId, values: this.normalize(ledger, row).values })) : [];
          rowLists.set(ledgerId, list);
        }
        return list;
      },
      index: <T>(name: string, build: () => T): T => {
        if (!indexes.has(name)) indexes.set(name, build());
        return indexes.get(name) as T;
      },
    };
  }

  private normalize(ledger: AnyLedger, row: StoredRow): Normalized {
    let normalized = this.normalized.get(row);
    if (!normalized) {
      normalized = normalizeRow(ledger.columns, row.values, this.timeZone);
      this.normalized.set(row, normalized);
    }
    return normalized;
  }

  private naturalKey(ledger: AnyLedger, values: RowValues): string | null {
    const parts = ledger.key.map((column) => values[column]);
    return parts.every((part) => part !== null && part !== undefined && part !== '') ? JSON.stringify(parts) : null;
  }

  /** Stored rows by natural key, live rows before deleted ones, older before newer. */
  private keyIndex(ledger: AnyLedger, rows: Map<string, StoredRow>): Map<string, StoredRow[]> {
    const index = new Map<string, StoredRow[]>();
    for (const row of rows.values()) {
      const key = this.naturalKey(ledger, this.normalize(ledger, row).values);
      if (key === null) continue;
      const list = index.get(key) ?? [];
      list.push(row);
      index.set(key, list);
    }
    for (const list of index.values()) list.sort((a, b) => Number(!!a.deleted) - Number(!!b.deleted) || a.createdAt.localeCompare(b.createdAt));
    return index;
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
