// Evaluates rows of any ledger through the domain core, as the service does: normalised by the
// ledger's columns, against 2026's real calendar, with the other stored ledgers in the view.

import { evaluateRow, type RowResult } from '../../service/domain/evaluate-row.ts';
import type { AnyLedger, LedgerView, NodeResult, RowValues } from '../../service/domain/ledger.ts';
import { findLedger } from '../../service/domain/ledgers/index.ts';
import type { RawValue } from '../../service/domain/problem.ts';
import { defaultRules, type RulesConfig } from '../../service/domain/rules.ts';
import { normalizeRow } from '../../service/domain/row.ts';
import { calendar } from './cases.ts';

export type RawRow = Record<string, RawValue>;

/** Stored rows by ledger id; a row without rowId gets one from its position. */
export type Stored = Record<string, Array<RawRow | { rowId: string; raw: RawRow }>>;

function ledgerOf(id: string): AnyLedger {
  const ledger = findLedger(id);
  if (!ledger) throw new Error(`unknown ledger ${id}`);
  return ledger;
}

const normalize = (ledger: AnyLedger, raw: RawRow) => normalizeRow(ledger.columns, raw, 'Asia/Shanghai');

/** A view over the given rows, answering lookups as the service's indexes would. */
export function viewOver(stored: Stored): LedgerView {
  const lists = new Map<string, Array<{ rowId: string; values: RowValues }>>();
  for (const [id, rows] of Object.entries(stored)) {
    const ledger = ledgerOf(id);
    lists.set(
      id,
      rows.map((row, index) =>
        'raw' in row && 'rowId' in row
          ? { rowId: String(row.rowId), values: normalize(ledger, row.raw as RawRow).values }
          : { rowId: `${id}-${index}`, values: normalize(ledger, row as RawRow).values },
      ),
    );
  }
  return {
    lookup: (ledgerId, index, key) =>
      (lists.get(ledgerId) ?? []).flatMap((row) =>
        index
          .entries(row.values)
          .filter(([entryKey]) => entryKey === key)
          .map(([, value]) => ({ rowId: row.rowId, value })),
      ),
  };
}

export interface EvaluateOptions {
  asOf?: string;
  now?: string;
  /** Other stored rows, by ledger; the evaluated row is added to its own ledger as rowId 'this'. */
  stored?: Stored;
  rules?: RulesConfig;
  /** As the weekly report evaluates: status, nodes and fixed facts only. */
  statusOnly?: boolean;
}

export function evaluateIn(ledgerId: string, raw: RawRow, options: EvaluateOptions = {}): RowResult {
  const ledger = ledgerOf(ledgerId);
  const rules = options.rules ?? defaultRules();
  const { values, problems } = normalize(ledger, raw);
  const stored: Stored = { ...options.stored, [ledgerId]: [{ rowId: 'this', raw }, ...(options.stored?.[ledgerId] ?? [])] };
  return evaluateRow(
    ledger,
    { rowId: 'this', values, problems, fixed: undefined },
    {
      asOf: options.asOf ?? '2026-03-02',
      now: options.now,
      calendar,
      rules: rules.ledgers[ledgerId],
      warnDefaults: rules.warnDefaults,
      view: viewOver(stored),
      statusOnly: options.statusOnly,
    },
  );
}

/** An evaluator bound to one ledger, for a test file. */
export const evaluatorFor =
  (ledgerId: string) =>
  (raw: RawRow, options: EvaluateOptions = {}): RowResult =>
    evaluateIn(ledgerId, raw, options);

export function nodeOf(result: RowResult, id: string): NodeResult {
  const found = result.nodes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`node ${id} missing; nodes: ${result.nodes.map((n) => n.id).join(', ')}`);
  return found;
}

/** Problems of one column and level, as messages. */
export function messages(result: RowResult, column: string, level: 'error' | 'warning'): string[] {
  return result.errors.filter((problem) => problem.column === column && problem.level === level).map((problem) => problem.message);
}

/** Columns with errors, sorted, to compare a row's errors as a set. */
export function errorColumns(result: RowResult): string[] {
  return [...new Set(result.errors.filter((problem) => problem.level === 'error').map((problem) => problem.column))].sort();
}
