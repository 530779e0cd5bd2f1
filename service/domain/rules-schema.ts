// Schemas shared by every ledger's rules configuration.

import { z } from 'zod';
import type { NodeConfig } from './ledger.ts';
import type { Period } from './periods.ts';

const count = z.number().int().positive().max(3650);

export const periodSchema: z.ZodType<Period> = z.union([
  z.object({ kind: z.literal('sameDay') }).strict(),
  z.object({ kind: z.literal('days'), n: count }).strict(),
  z.object({ kind: z.literal('workdays'), n: count }).strict(),
  z.object({ kind: z.literal('months'), n: count }).strict(),
  z.object({ kind: z.literal('years'), n: count }).strict(),
]);

/** The legal or local source of a configured limit, shown in every basis that uses it. */
export const sourceSchema = z.string().min(1).max(300);

export const nodeConfigSchema: z.ZodType<NodeConfig> = z
  .object({ period: periodSchema, roll: z.boolean(), warnDays: z.number().int().min(0).max(365).optional() })
  .strict();

export const warnDefaultsSchema = z
  .object({
    sameDay: z.number().int().min(0).max(30),
    short: z.number().int().min(0).max(90),
    shortPeriodDays: z.number().int().min(1).max(365),
    long: z.number().int().min(0).max(365),
  })
  .strict();
