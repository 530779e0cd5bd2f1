// The configurable terms and release deadlines of the measures ledger (SPEC §5.4), with sources.

import { z } from 'zod';
import type { Period } from '../../periods.ts';
import { periodSchema, sourceSchema } from '../../rules-schema.ts';
import { CLOSURE_MODES } from '../cases/definition.ts';
import { closureModesSchema } from '../cases/lookup.ts';

export const MEASURES = ['冻结银行存款', '冻结其他财产权', '查封动产', '扣押动产', '查封不动产', '划拨', '限制消费', '纳入失信'] as const;
export type Measure = (typeof MEASURES)[number];

/**
 * A measure that does not lapse by itself at the end of its term (失信): the court must remove it
 * within `period` after the term ends, and until then it is 待删除.
 */
export interface TermRemoval {
  period: Period;
  source: string;
  /**
   * Whether the closures and payment in full that oblige lifting the measure (release.byMeasure)
   * apply to it while it has a term. 失信: yes by default — 第十条第二款 says 「有纳入期限的，不适用前款规定」,
   * but 第二条 lets the court delete it early once the respondent performs, and the bureau deletes a
   * listing as soon as the case is closed; `false` keeps a termed listing until its term ends.
   */
  closureLifts: boolean;
}

/** How long a measure lasts from taking effect (its first day counted), and whether it may be renewed. */
export interface MeasureTerm {
  period: Period;
  renewable: boolean;
  source: string;
  removal?: TermRemoval;
}

export interface ReleaseDeadline {
  period: Period;
  source: string;
}

/** The closures of the case that oblige the court to lift one kind of measure, each with its article. */
export interface MeasureRelease {
  closures: Array<{ mode: string; source: string }>;
  /** The article that makes payment in full (the respondent performed) oblige it, when `onFullPayment` is on. */
  paidSource: string;
}

export interface MeasuresRules {
  /** The nodes' dates are derived per row: the expiry, the removal after it, and the release after the case is closed. */
  nodes: Record<string, never>;
  /** Terms by measure; a measure without one (划拨, 限制消费) has no expiry. */
  terms: Partial<Record<Measure, MeasureTerm>>;
  /** Days before expiry from which a renewable measure shows 续行临期 (SPEC §3: 30). */
  renewalWarnDays: number;
  release: {
    /** Closures of the case after which a live measure without its own list (byMeasure) must be lifted (待解除). */
    closureModes: string[];
    /** Per kind of measure, the closures after which it must be lifted, each with its article. */
    byMeasure: Partial<Record<Measure, MeasureRelease>>;
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
const CONSUMPTION_SOURCE = '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第九条';
const years = (n: number): Period => ({ kind: 'years', n });

export const DEFAULT_MEASURES_RULES: MeasuresRules = {
  nodes: {},
  terms: {
    冻结银行存款: { period: years(1), renewable: true, source: SEIZURE_SOURCE },
    查封动产: { period: years(2), renewable: true, source: SEIZURE_SOURCE },
    扣押动产: { period: years(2), renewable: true, source: SEIZURE_SOURCE },
    查封不动产: { period: years(3), renewable: true, source: SEIZURE_SOURCE },
    冻结其他财产权: { period: years(3), renewable: true, source: SEIZURE_SOURCE },
    纳入失信: {
      period: years(2),
      renewable: false,
      source: `${DISHONEST_SOURCE}第二条`,
      removal: { period: { kind: 'workdays', n: 3 }, source: `${DISHONEST_SOURCE}第十条第二款`, closureLifts: true },
    },
  },
  renewalWarnDays: 30,
  release: {
    closureModes: ['执行完毕'],
    byMeasure: {
      // 第十条第一款: (一) 已履行或已执行完毕, (六) 裁定不予执行, (七) 裁定终结执行; 终结本次执行程序 only with (四)'s conditions.
      纳入失信: {
        closures: [
          { mode: '执行完毕', source: `${DISHONEST_SOURCE}第十条第一款第一项` },
          { mode: '不予执行', source: `${DISHONEST_SOURCE}第十条第一款第六项` },
          { mode: '终结执行', source: `${DISHONEST_SOURCE}第十条第一款第七项` },
        ],
        paidSource: `${DISHONEST_SOURCE}第十条第一款第一项`,
      },
      // 第九条 obliges lifting only once the respondent has performed in full.
      限制消费: { closures: [{ mode: '执行完毕', source: CONSUMPTION_SOURCE }], paidSource: CONSUMPTION_SOURCE },
    },
    onFullPayment: true,
    deadlines: {
      纳入失信: { period: { kind: 'workdays', n: 3 }, source: `${DISHONEST_SOURCE}第十条第一款` },
      限制消费: { period: { kind: 'workdays', n: 3 }, source: CONSUMPTION_SOURCE },
    },
  },
};

const measureSchema = z.enum(MEASURES);
const removalSchema = z
  .object({
    period: periodSchema.meta({ title: '期限届满后删除的期限' }),
    source: sourceSchema,
    closureLifts: z.boolean().meta({ title: '有期限的也因结案或案款付清而解除' }),
  })
  .strict()
  .meta({ title: '期限届满后删除' });
const releaseSchema = z
  .object({
    closures: z
      .array(z.object({ mode: z.enum(CLOSURE_MODES as [string, ...string[]]), source: sourceSchema }).strict())
      .meta({ title: '案件以这些方式结案后应解除' }),
    paidSource: sourceSchema,
  })
  .strict();

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
            removal: removalSchema.optional(),
          })
          .strict(),
      )
      .meta({ title: '措施期限' }),
    renewalWarnDays: z.number().int().min(0).max(365).meta({ title: '到期前几日提示续行' }),
    release: z
      .object({
        closureModes: closureModesSchema.meta({ title: '其他措施：案件以这些方式结案后应解除' }),
        byMeasure: z.partialRecord(measureSchema, releaseSchema).meta({ title: '按措施的解除事由' }),
        onFullPayment: z.boolean().meta({ title: '案款付清后也应解除' }),
        deadlines: z
          .partialRecord(measureSchema, z.object({ period: periodSchema.meta({ title: '期限' }), source: sourceSchema }).strict())
          .meta({ title: '解除期限' }),
      })
      .strict()
      .meta({ title: '解除' }),
  })
  .strict() as z.ZodType<MeasuresRules>;
