// The configurable limits of the summons ledger (SPEC §5.4), with their source.

import { z } from 'zod';
import { sourceSchema } from '../../rules-schema.ts';

export interface SummonsRules {
  /** No node of this ledger counts days: the questioning limit is in hours. */
  nodes: Record<string, never>;
  /** Longest questioning after arrival. */
  questioningHours: number;
  /** Longest questioning where the case is complex and detention may follow. */
  detainableHours: number;
  /** Hours before the limit from which a questioning still open shows 临期. */
  warnHours: number;
  /** Source of the limits and of the precondition that a summons was refused first. */
  source: string;
}

export const DEFAULT_SUMMONS_RULES: SummonsRules = {
  nodes: {},
  questioningHours: 8,
  detainableHours: 24,
  warnHours: 1,
  source: '民诉法解释 (2022) 第四百八十二条',
};

const hours = z.number().int().min(1).max(72);

export const summonsRulesSchema: z.ZodType<SummonsRules> = z
  .object({
    nodes: z.object({}).strict(),
    questioningHours: hours.meta({ title: '一般询问时限（小时）' }),
    detainableHours: hours.meta({ title: '可能拘留时的询问时限（小时）' }),
    warnHours: z.number().int().min(0).max(24).meta({ title: '提前几小时提示临期' }),
    source: sourceSchema,
  })
  .strict()
  .refine(
    (rules) => rules.detainableHours >= rules.questioningHours,
    '可能采取拘留措施时的询问时限不能短于一般询问时限',
  ) as z.ZodType<SummonsRules>;
