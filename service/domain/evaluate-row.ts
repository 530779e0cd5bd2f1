// The framework's part of evaluating a row: the ledger's own evaluation plus the normalisation
// problems, the 校验意见 text and the row state.

import type { AnyLedger, EvalContext, NodeResult, RowValues } from './ledger.ts';
import type { Problem } from './problem.ts';
import { remarksOf } from './row.ts';

export interface RowResult {
  state: 'ok' | 'invalid';
  errors: Problem[];
  status: Record<string, string | number | null>;
  nodes: NodeResult[];
  fixed: Record<string, unknown> | undefined;
}

export function evaluateRow(
  ledger: AnyLedger,
  row: { rowId: string; values: RowValues; problems: Problem[]; fixed: Record<string, unknown> | undefined },
  context: EvalContext<unknown>,
): RowResult {
  const evaluation = ledger.evaluate({ rowId: row.rowId, values: row.values, fixed: row.fixed }, context);
  const errors = [...row.problems, ...evaluation.problems];
  return {
    state: errors.some((problem) => problem.level === 'error') ? 'invalid' : 'ok',
    errors,
    status: { ...evaluation.status, remarks: remarksOf(errors) },
    nodes: evaluation.nodes,
    fixed: evaluation.fixed,
  };
}
