// A small condition language so that rules such as the triage table are configuration, not code.

import { z } from 'zod';
import type { RowValues } from './ledger.ts';

export type Condition =
  | { any: Condition[] }
  | { all: Condition[] }
  | { not: Condition }
  /** A column is exactly one of the words: an enumeration, or a text column holding just that word (案由 罚金). */
  | { column: string; is: string[] }
  /** A multi-value (tags) column holds one of the words. */
  | { column: string; has: string[] }
  /** A text column contains one of the words. */
  | { column: string; contains: string[] }
  /** A number column is at most the value. */
  | { column: string; atMost: number };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    z.object({ column: z.string().min(1), is: z.array(z.string().min(1)).min(1) }).strict(),
    z.object({ column: z.string().min(1), has: z.array(z.string().min(1)).min(1) }).strict(),
    z.object({ column: z.string().min(1), contains: z.array(z.string().min(1)).min(1) }).strict(),
    z.object({ column: z.string().min(1), atMost: z.number().nonnegative() }).strict(),
  ]),
);

export function matches(condition: Condition, values: RowValues): boolean {
  return compiled(condition)(values);
}

export type Test = (values: RowValues) => boolean;

/** The condition as a function of a row's values, for a caller that asks it about many rows. */
export const testOf = (condition: Condition): Test => compiled(condition);

/**
 * Each condition as a function, made once: a condition belongs to the rules configuration, which is
 * replaced whole when saved, and the triage asks every rule of it about each of 100,000 cases
 * (hence loops rather than a closure per call).
 */
const tests = new WeakMap<Condition, Test>();

function compiled(condition: Condition): Test {
  let test = tests.get(condition);
  if (!test) tests.set(condition, (test = compile(condition)));
  return test;
}

function compile(condition: Condition): Test {
  if ('any' in condition) {
    const parts = condition.any.map(compiled);
    return (values) => {
      for (const part of parts) if (part(values)) return true;
      return false;
    };
  }
  if ('all' in condition) {
    const parts = condition.all.map(compiled);
    return (values) => {
      for (const part of parts) if (!part(values)) return false;
      return true;
    };
  }
  if ('not' in condition) {
    const part = compiled(condition.not);
    return (values) => !part(values);
  }
  const { column } = condition;
  if ('is' in condition) {
    const words = new Set(condition.is);
    return (values) => {
      const value = values[column];
      return typeof value === 'string' && words.has(value);
    };
  }
  if ('has' in condition) {
    const words = condition.has;
    return (values) => {
      const value = values[column];
      if (!Array.isArray(value)) return false;
      for (const word of words) if (value.includes(word)) return true;
      return false;
    };
  }
  if ('contains' in condition) {
    const words = condition.contains;
    return (values) => {
      const value = values[column];
      if (typeof value !== 'string') return false;
      for (const word of words) if (value.includes(word)) return true;
      return false;
    };
  }
  const limit = condition.atMost;
  return (values) => {
    const value = values[column];
    return typeof value === 'number' && value <= limit;
  };
}

/** Column ids a condition reads, to check a configuration against the ledger's columns. */
export function columnsOf(condition: Condition): string[] {
  if ('any' in condition) return condition.any.flatMap(columnsOf);
  if ('all' in condition) return condition.all.flatMap(columnsOf);
  if ('not' in condition) return columnsOf(condition.not);
  return [condition.column];
}
