// The configurable validity of lawyers' investigation orders (SPEC §5.4): local rules, not statute.

import { z } from 'zod';
import { ROLL, sourceSchema } from '../../rules-schema.ts';

export interface InvestigationOrdersRules {
  /** The return node's period is the order's own validity, read per row. */
  nodes: Record<string, never>;
  validity: {
    /** Days of validity when the clerk leaves 有效期 empty. */
    defaultDays: number;
    /** Longest validity allowed. */
    maxDays: number;
    /** Whether a return date that falls on a rest day moves to the next working day. */
    roll: boolean;
    source: string;
  };
}

export const DEFAULT_INVESTIGATION_ORDERS_RULES: InvestigationOrdersRules = {
  nodes: {},
  validity: { defaultDays: 15, maxDays: 30, roll: true, source: '本院律师调查令实施规定（地方规定）' },
};

export const investigationOrdersRulesSchema: z.ZodType<InvestigationOrdersRules> = z
  .object({
    nodes: z.object({}).strict(),
    validity: z
      .object({
        defaultDays: z.number().int().min(1).max(365).meta({ title: '未填有效期时按几日' }),
        maxDays: z.number().int().min(1).max(365).meta({ title: '最长有效期（日）' }),
        roll: ROLL,
        source: sourceSchema,
      })
      .strict()
      .refine((validity) => validity.defaultDays <= validity.maxDays, '默认有效期不能超过最长有效期')
      .meta({ title: '调查令有效期' }),
  })
  .strict() as z.ZodType<InvestigationOrdersRules>;
