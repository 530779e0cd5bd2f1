// The configurable limits of the fines ledger (SPEC §5.4), with their source.

import { z } from 'zod';
import { sourceSchema } from '../../rules-schema.ts';

/** The options of 被罚款人类型, each with its own bounds in `limits`. */
export const SUBJECT_TYPES = ['个人', '单位'] as const;

/** Bounds of a fine in yuan, both inclusive; no lower bound when `min` is absent. */
export interface FineBounds {
  min?: number;
  max: number;
}

export interface FinesRules {
  /** A fine has no deadline node. */
  nodes: Record<string, never>;
  /** Bounds by 被罚款人类型. */
  limits: { 个人: FineBounds; 单位: FineBounds };
  source: string;
  /** The same obstruction may not be fined twice in a row. */
  repeatSource: string;
}

export const DEFAULT_FINES_RULES: FinesRules = {
  nodes: {},
  limits: { 个人: { max: 100_000 }, 单位: { min: 50_000, max: 1_000_000 } },
  source: '民事诉讼法 (2023) 第一百一十八条',
  repeatSource: '民诉法解释 (2022) 第一百八十四条',
};

const yuan = z.number().positive().max(1e12);
const boundsSchema = z
  .object({ min: yuan.optional().meta({ title: '下限（元，可不填）' }), max: yuan.meta({ title: '上限（元）' }) })
  .strict()
  .refine((bounds) => bounds.min === undefined || bounds.min <= bounds.max, '罚款下限不能大于上限');

export const finesRulesSchema: z.ZodType<FinesRules> = z
  .object({
    nodes: z.object({}).strict(),
    limits: z.object({ 个人: boundsSchema, 单位: boundsSchema }).strict().meta({ title: '罚款金额' }),
    source: sourceSchema,
    repeatSource: sourceSchema.meta({ title: '不得连续罚款的依据' }),
  })
  .strict() as z.ZodType<FinesRules>;
