// The case register the general-affairs scenarios are evaluated against, and the scenario format
// shared by the domain tests (through the core) and the service tests (through HTTP).

import assert from 'node:assert/strict';
import type { NodeResult } from '../../service/domain/ledger.ts';
import { findLedger } from '../../service/domain/ledgers/index.ts';
import type { Problem, RawValue } from '../../service/domain/problem.ts';

export type RawRow = Record<string, RawValue>;

export const OPEN_CASE = '（2026）豫0102执100号';
/** Closed by 执行完毕 on 2026-04-30 (a Thursday before the May Day holiday). */
export const PAID_CASE = '（2026）豫0102执200号';
/** Closed by 终结本次执行程序 on 2026-04-30. */
export const TERMINATED_CASE = '（2026）豫0102执300号';
export const UNKNOWN_CASE = '（2026）豫0102执999号';
export const CLOSED_ON = '2026-04-30';

export const CASE_REGISTER: RawRow[] = [
  { caseNo: OPEN_CASE, filedOn: '2026-01-05', respondent: '被执行人甲' },
  { caseNo: PAID_CASE, filedOn: '2026-01-05', respondent: '被执行人乙', closedOn: CLOSED_ON, closureMode: '执行完毕' },
  { caseNo: TERMINATED_CASE, filedOn: '2026-01-05', respondent: '被执行人丙', closedOn: CLOSED_ON, closureMode: '终结本次执行程序' },
];

export interface Expectation {
  /** Status values that must match exactly. */
  status?: Record<string, string | number | null>;
  /** The columns with errors, exactly; [] for none. */
  errors?: string[];
  /** Column → a fragment one of its warnings contains. */
  warnings?: Record<string, string>;
  /** Columns that must have no warning. */
  noWarnings?: string[];
  /** Node id → its expected state, due date and (when given) days left. */
  nodes?: Record<string, { state: string; dueOn?: string; daysLeft?: number | null }>;
  /** Every error names its column header and the value seen (the bad-values rows). */
  errorsNameTheValue?: boolean;
}

export interface Scenario {
  name: string;
  asOf: string;
  /** The clock at the court; the service tests cannot set it, so they skip these. */
  now?: string;
  values: RawRow;
  expect: Expectation;
}

/** The outcome of one row, as the core and the HTTP API both give it. */
export interface Outcome {
  errors: Problem[];
  status: Record<string, string | number | null>;
  nodes: NodeResult[];
}

export function checkOutcome(ledgerId: string, scenario: Scenario, outcome: Outcome): void {
  const { expect } = scenario;
  const context = `${ledgerId} · ${scenario.name}\n${JSON.stringify({ status: outcome.status, errors: outcome.errors }, null, 1)}`;
  for (const [column, value] of Object.entries(expect.status ?? {}))
    assert.deepEqual(outcome.status[column], value, `status.${column}: ${context}`);
  if (expect.errors) {
    const columns = [...new Set(outcome.errors.filter((p) => p.level === 'error').map((p) => p.column))].sort();
    assert.deepEqual(columns, [...expect.errors].sort(), `error columns: ${context}`);
  }
  for (const [column, fragment] of Object.entries(expect.warnings ?? {})) {
    assert.ok(
      outcome.errors.some((p) => p.level === 'warning' && p.column === column && p.message.includes(fragment)),
      `warning on ${column} with「${fragment}」: ${context}`,
    );
  }
  for (const column of expect.noWarnings ?? []) {
    assert.ok(!outcome.errors.some((p) => p.level === 'warning' && p.column === column), `no warning on ${column}: ${context}`);
  }
  for (const [id, want] of Object.entries(expect.nodes ?? {})) {
    const node = outcome.nodes.find((candidate) => candidate.id === id);
    assert.ok(node, `node ${id}: ${context}`);
    assert.equal(node.state, want.state, `node ${id} state: ${context}`);
    if (want.dueOn !== undefined) assert.equal(node.dueOn, want.dueOn, `node ${id} dueOn: ${context}`);
    if (want.daysLeft !== undefined) assert.equal(node.daysLeft, want.daysLeft, `node ${id} daysLeft: ${context}`);
  }
  if (expect.errorsNameTheValue) {
    const ledger = findLedger(ledgerId)!;
    for (const problem of outcome.errors.filter((p) => p.level === 'error')) {
      const header = ledger.columns.find((column) => column.id === problem.column)?.header ?? problem.column;
      const raw = scenario.values[problem.column];
      const seen = typeof raw === 'boolean' ? (raw ? 'TRUE' : 'FALSE') : String(raw ?? '').trim();
      const named = seen === '' ? `${header}为必填项` : `${header}「${seen}」`;
      assert.ok(problem.message.startsWith(named), `「${problem.message}」should start with「${named}」`);
    }
  }
}
