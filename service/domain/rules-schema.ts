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

/** Whether an end on a rest day moves to the next working day (SPEC §3). */
export const ROLL = z.boolean().meta({ title: '届满日遇休息日顺延' });

/** The legal or local source of a configured limit, shown in every basis that uses it. */
export const sourceSchema = z.string().min(1).max(300).meta({ title: '依据' });

export const nodeConfigSchema: z.ZodType<NodeConfig> = z
  .object({
    period: periodSchema.meta({ title: '期限' }),
    roll: ROLL,
    warnDays: z.number().int().min(0).max(365).optional().meta({ title: '提前几日提示临期（不填按默认）' }),
  })
  .strict();

export const warnDefaultsSchema = z
  .object({
    sameDay: z.number().int().min(0).max(30).meta({ title: '当日办结的节点：提前几日' }),
    short: z.number().int().min(0).max(90).meta({ title: '短期限节点：提前几日' }),
    shortPeriodDays: z.number().int().min(1).max(365).meta({ title: '短期限指不超过几日' }),
    long: z.number().int().min(0).max(365).meta({ title: '较长期限节点：提前几日' }),
  })
  .strict();
