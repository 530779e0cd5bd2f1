// The configurable periods for the police's decision on a refusal-to-execute case (SPEC §5.4).

import { z } from 'zod';
import type { Period } from '../../periods.ts';
import { periodSchema, ROLL, sourceSchema } from '../../rules-schema.ts';

export interface RefusalsRules {
  /** The decision node's period depends on the recorded extension, so it is read per row. */
  nodes: Record<string, never>;
  policeDecision: {
    /** From the transfer to the police's decision whether to open a case. */
    period: Period;
    /** For a case the police extend as 重大疑难复杂, recorded in the column 公安延长审查. */
    extendedPeriod: Period;
    /** An end on a rest day moves to the next working day. */
    roll: boolean;
    source: string;
    /** Why an end on a rest day moves, cited in the basis when it did. */
    rollSource: string;
  };
}

export const DEFAULT_REFUSALS_RULES: RefusalsRules = {
  nodes: {},
  policeDecision: {
    period: { kind: 'days', n: 7 },
    extendedPeriod: { kind: 'days', n: 30 },
    roll: true,
    source: '《关于办理拒不执行判决、裁定刑事案件若干问题的意见》(法发〔2025〕8号) 第五条',
    rollSource: '《中华人民共和国刑事诉讼法》第一百零五条',
  },
};

export const refusalsRulesSchema: z.ZodType<RefusalsRules> = z
  .object({
    nodes: z.object({}).strict(),
    policeDecision: z
      .object({
        period: periodSchema.meta({ title: '期限' }),
        extendedPeriod: periodSchema.meta({ title: '延长后的期限' }),
        roll: ROLL,
        source: sourceSchema,
        rollSource: sourceSchema.meta({ title: '顺延的依据' }),
      })
      .strict()
      .meta({ title: '公安立案决定' }),
  })
  .strict() as z.ZodType<RefusalsRules>;
