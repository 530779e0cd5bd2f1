// The configurable period for the police's decision on a refusal-to-execute case (SPEC §5.4).

import { z } from 'zod';
import type { Period } from '../../periods.ts';
import { periodSchema, sourceSchema } from '../../rules-schema.ts';

export interface RefusalsRules {
  /** The decision node's period depends on whether the first one has passed, so it is read per row. */
  nodes: Record<string, never>;
  policeDecision: {
    /** From the transfer to the police's decision whether to open a case. */
    period: Period;
    /** The longest the police may extend it to with approval. */
    extendedPeriod: Period;
    roll: boolean;
    source: string;
  };
}

export const DEFAULT_REFUSALS_RULES: RefusalsRules = {
  nodes: {},
  policeDecision: {
    period: { kind: 'days', n: 7 },
    extendedPeriod: { kind: 'days', n: 30 },
    roll: true,
    source: '《关于办理拒不执行判决、裁定刑事案件若干问题的意见》(法发〔2025〕8号) 第五条',
  },
};

export const refusalsRulesSchema: z.ZodType<RefusalsRules> = z
  .object({
    nodes: z.object({}).strict(),
    policeDecision: z.object({ period: periodSchema, extendedPeriod: periodSchema, roll: z.boolean(), source: sourceSchema }).strict(),
  })
  .strict() as z.ZodType<RefusalsRules>;
