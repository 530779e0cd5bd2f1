// Assertions shared by the normalisation tests: every message names the header and the value seen.

import assert from 'node:assert/strict';
import type { Normalized } from '../../../service/domain/problem.ts';

export function assertAccepted<T>(result: Normalized<T>, value: T): void {
  assert.deepEqual(result, { value, problems: [] });
}

export function assertBlank<T>(result: Normalized<T>): void {
  assert.deepEqual(result, { value: null, problems: [] });
}

/** An error whose message begins 「header「seen」」 and contains `reason`. */
export function assertRejected<T>(result: Normalized<T>, header: string, seen: string, reason: string): void {
  assert.equal(result.value, null);
  assert.equal(result.problems.length, 1, JSON.stringify(result.problems));
  const [problem] = result.problems;
  assert.equal(problem.level, 'error');
  assert.ok(problem.message.startsWith(`${header}「${seen}」`), problem.message);
  assert.ok(problem.message.includes(reason), problem.message);
}

/** A value kept with one warning whose message begins 「header「seen」」 and contains `reason`. */
export function assertWarned<T>(result: Normalized<T>, value: T, header: string, seen: string, reason: string): void {
  assert.deepEqual(result.value, value);
  assert.equal(result.problems.length, 1, JSON.stringify(result.problems));
  const [problem] = result.problems;
  assert.equal(problem.level, 'warning');
  assert.ok(problem.message.startsWith(`${header}「${seen}」`), problem.message);
  assert.ok(problem.message.includes(reason), problem.message);
}
