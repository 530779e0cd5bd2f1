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
  const { problems: _problems, ...evaluated } = evaluation;
  return withErrors(evaluated, [...row.problems, ...evaluation.problems]);
}

/**
 * The same result with a request's own problems (a duplicate key, unknown columns) put after the
 * first `at` problems (the normalisation's), as if they had been passed in: state and 校验意见 follow.
 */
export function withProblems<R extends Omit<RowResult, 'nodes'>>(result: R, at: number, extra: Problem[]): R {
  if (extra.length === 0) return result;
  return withErrors(result, [...result.errors.slice(0, at), ...extra, ...result.errors.slice(at)]);
}

function withErrors<R extends Pick<RowResult, 'status' | 'fixed'>>(result: R, errors: Problem[]): R & Pick<RowResult, 'state' | 'errors'> {
  return {
    ...result,
    state: errors.some((problem) => problem.level === 'error') ? 'invalid' : 'ok',
    errors,
    status: { ...result.status, remarks: remarksOf(errors) },
  };
}
