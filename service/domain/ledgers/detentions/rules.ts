// The configurable limits of the detentions ledger (SPEC §5.4), with their source.

import { z } from 'zod';
import { sourceSchema } from '../../rules-schema.ts';

export interface DetentionsRules {
  /** The release node's due date is the end of the custody term, derived per row. */
  nodes: Record<string, never>;
  /** How many days a detention may run. */
  days: { min: number; max: number; source: string };
  /** Days before the last custody day from which a detention shows 临期释放 (0: on that day). */
  releaseWarnDays: number;
  /**
   * The family is told within `hours` of committal, counted in hours (no rest-day roll); a recorded
   * reason why it could not be told in time closes the node. 临期 from `warnHours` before the limit.
   */
  familyNotice: { hours: number; warnHours: number; source: string };
  /** The same obstruction may not be punished by detention twice in a row. */
  repeatSource: string;
}

export const DEFAULT_DETENTIONS_RULES: DetentionsRules = {
  nodes: {},
  days: { min: 1, max: 15, source: '民事诉讼法 (2023) 第一百一十八条' },
  releaseWarnDays: 0,
  familyNotice: { hours: 24, warnHours: 4, source: '民诉法解释 (2022) 第一百八十条' },
  repeatSource: '民诉法解释 (2022) 第一百八十四条',
};

export const detentionsRulesSchema: z.ZodType<DetentionsRules> = z
  .object({
    nodes: z.object({}).strict(),
    days: z
      .object({
        min: z.number().int().min(1).max(365).meta({ title: '最少（日）' }),
        max: z.number().int().min(1).max(365).meta({ title: '最多（日）' }),
        source: sourceSchema,
      })
      .strict()
      .refine((days) => days.min <= days.max, '拘留天数下限不能大于上限')
      .meta({ title: '拘留天数' }),
    releaseWarnDays: z.number().int().min(0).max(30).meta({ title: '提前几日提示临期释放' }),
    familyNotice: z
      .object({
        hours: z.number().int().min(1).max(72).meta({ title: '通知家属时限（小时）' }),
        warnHours: z.number().int().min(0).max(72).meta({ title: '提前几小时提示临期' }),
        source: sourceSchema,
      })
      .strict()
      .refine((notice) => notice.warnHours <= notice.hours, '通知家属的临期提示小时数不能大于时限')
      .meta({ title: '通知家属' }),
    repeatSource: sourceSchema.meta({ title: '不得连续拘留的依据' }),
  })
  .strict() as z.ZodType<DetentionsRules>;
