// The configurable terms and release deadlines of the measures ledger (SPEC §5.4), with sources.

import { z } from 'zod';
import type { Period } from '../../periods.ts';
import { periodSchema, sourceSchema } from '../../rules-schema.ts';
import { closureModesSchema } from '../cases/lookup.ts';

export const MEASURES = ['冻结银行存款', '冻结其他财产权', '查封动产', '扣押动产', '查封不动产', '划拨', '限制消费', '纳入失信'] as const;
export type Measure = (typeof MEASURES)[number];

/** How long a measure lasts from taking effect (its first day counted), and whether it may be renewed. */
export interface MeasureTerm {
  period: Period;
  renewable: boolean;
  source: string;
}

export interface ReleaseDeadline {
  period: Period;
  source: string;
}

export interface MeasuresRules {
  /** Both nodes' dates are derived per row: the expiry, and the release after the case is closed. */
  nodes: Record<string, never>;
  /** Terms by measure; a measure without one (划拨, 限制消费) has no expiry. */
  terms: Partial<Record<Measure, MeasureTerm>>;
  /** Days before expiry from which a renewable measure shows 续行临期 (SPEC §3: 30). */
  renewalWarnDays: number;
  release: {
    /** Closures of the case after which a live measure must be lifted (待解除). */
    closureModes: string[];
    /**
     * Whether payment in full also makes a live measure 待解除: the payments received for the case
     * (案款台账) add up to its 执行标的额, before the case is closed.
     */
    onFullPayment: boolean;
    /** How soon a measure must then be lifted; one without a deadline is 待解除 with no due date. */
    deadlines: Partial<Record<Measure, ReleaseDeadline>>;
  };
}

const SEIZURE_SOURCE = '民诉法解释 (2022) 第四百八十五条';
const DISHONEST_SOURCE = '《最高人民法院关于公布失信被执行人名单信息的若干规定》';
const years = (n: number): Period => ({ kind: 'years', n });

export const DEFAULT_MEASURES_RULES: MeasuresRules = {
  nodes: {},
  terms: {
    冻结银行存款: { period: years(1), renewable: true, source: SEIZURE_SOURCE },
    查封动产: { period: years(2), renewable: true, source: SEIZURE_SOURCE },
    扣押动产: { period: years(2), renewable: true, source: SEIZURE_SOURCE },
    查封不动产: { period: years(3), renewable: true, source: SEIZURE_SOURCE },
    冻结其他财产权: { period: years(3), renewable: true, source: SEIZURE_SOURCE },
    纳入失信: { period: years(2), renewable: false, source: `${DISHONEST_SOURCE}第二条` },
  },
  renewalWarnDays: 30,
  release: {
    closureModes: ['执行完毕'],
    onFullPayment: true,
    deadlines: {
      纳入失信: { period: { kind: 'workdays', n: 3 }, source: `${DISHONEST_SOURCE}第十条` },
      限制消费: { period: { kind: 'workdays', n: 3 }, source: '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第九条' },
    },
  },
};

const measureSchema = z.enum(MEASURES);

export const measuresRulesSchema: z.ZodType<MeasuresRules> = z
  .object({
    nodes: z.object({}).strict(),
    terms: z
      .partialRecord(
        measureSchema,
        z
          .object({
            period: periodSchema.meta({ title: '期限' }),
            renewable: z.boolean().meta({ title: '可以续行' }),
            source: sourceSchema,
          })
          .strict(),
      )
      .meta({ title: '措施期限' }),
    renewalWarnDays: z.number().int().min(0).max(365).meta({ title: '到期前几日提示续行' }),
    release: z
      .object({
        closureModes: closureModesSchema.meta({ title: '案件以这些方式结案后应解除' }),
        onFullPayment: z.boolean().meta({ title: '案款付清后也应解除' }),
        deadlines: z
          .partialRecord(measureSchema, z.object({ period: periodSchema.meta({ title: '期限' }), source: sourceSchema }).strict())
          .meta({ title: '解除期限' }),
      })
      .strict()
      .meta({ title: '解除' }),
  })
  .strict() as z.ZodType<MeasuresRules>;
