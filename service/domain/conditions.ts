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
  if ('any' in condition) return condition.any.some((part) => matches(part, values));
  if ('all' in condition) return condition.all.every((part) => matches(part, values));
  if ('not' in condition) return !matches(condition.not, values);
  const value = values[condition.column];
  if ('is' in condition) return typeof value === 'string' && condition.is.includes(value);
  if ('has' in condition) return Array.isArray(value) && condition.has.some((word) => value.includes(word));
  if ('contains' in condition) return typeof value === 'string' && condition.contains.some((word) => value.includes(word));
  return typeof value === 'number' && value <= condition.atMost;
}

/** Column ids a condition reads, to check a configuration against the ledger's columns. */
export function columnsOf(condition: Condition): string[] {
  if ('any' in condition) return condition.any.flatMap(columnsOf);
  if ('all' in condition) return condition.all.flatMap(columnsOf);
  if ('not' in condition) return columnsOf(condition.not);
  return [condition.column];
}
