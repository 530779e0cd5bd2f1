// The configurable part of the cases ledger: node periods, the statutory period, the triage table.

import { z } from 'zod';
import { conditionSchema, type Condition } from '../../conditions.ts';
import type { NodeConfig } from '../../ledger.ts';
import type { Period } from '../../periods.ts';
import { nodeConfigSchema, periodSchema, ROLL, sourceSchema } from '../../rules-schema.ts';

/** How long a team has to close: a period from triage, or just the statutory period. */
export type CloseLimit = { from: 'triage'; period: Period; roll: boolean } | { from: 'statutory' };

export interface TriageRule {
  id: string;
  label: string;
  when: Condition;
  team: string;
  close: CloseLimit;
}

/** A case with this tag has a statutory term of its own (非诉执行: 3 months). */
export interface TermByTag {
  tag: string;
  period: Period;
  source: string;
}

/** A kind of period not counted toward the 执行期限, as a clerk names it in 扣除期间. */
export interface DeductionKind {
  name: string;
  /** Shorter words a clerk types for it (中止 for 中止执行). */
  aliases: string[];
  /** The case's 案件状态 while such a period is running. */
  phase: string;
}

export interface CasesRules {
  nodes: Record<'reception' | 'notice' | 'resumeNotice' | 'transfer' | 'triage' | 'auctionRuling' | 'archive', NodeConfig>;
  statutory: {
    period: Period;
    roll: boolean;
    source: string;
    /** Terms that replace `period` for a case with the tag; the first listed tag the case has wins. */
    byTag: TermByTag[];
    /** Why an approved extension (延长审批日期, 延长至) moves the end, cited in the basis. */
    extensionSource: string;
  };
  /** Periods entered in 扣除期间 that do not count toward the term. */
  deductions: {
    kinds: DeductionKind[];
    /** Whether a team's own deadline (分流规则) is extended by the same days. */
    teamDeadline: boolean;
    source: string;
  };
  triage: {
    rules: TriageRule[];
    /** The team for a case no rule matched, by case type (执 / 执恢). */
    fallback: Record<string, string>;
    /** The close limit of a team chosen by 分流调整 rather than by a rule. */
    teamDefaults: Record<string, CloseLimit>;
    /** Where the triage table comes from, shown in every basis. */
    source: string;
  };
  /** 终本 screening: look back this many months before filing. */
  screeningMonths: number;
  /** The bureau's limit that 线下调查 is done before the case is transferred; absent, no check. */
  offlineInquiryBeforeTransfer: { source: string } | null;
}

/** The cases ledger's sources have no length limit (saved configurations may hold long ones). */
const caseSource = z.string().min(1).meta({ title: '依据' });

const teamSchema = z.enum(['速执团队', '特执团队', '首执团队', '执恢团队']);

const closeLimitSchema: z.ZodType<CloseLimit> = z.union([
  z.object({ from: z.literal('triage'), period: periodSchema, roll: ROLL }).strict(),
  z.object({ from: z.literal('statutory') }).strict(),
]);

export const casesRulesSchema: z.ZodType<CasesRules> = z
  .object({
    nodes: z
      .object({
        reception: nodeConfigSchema,
        notice: nodeConfigSchema,
        resumeNotice: nodeConfigSchema,
        transfer: nodeConfigSchema,
        triage: nodeConfigSchema,
        auctionRuling: nodeConfigSchema,
        archive: nodeConfigSchema,
      })
      .strict(),
    statutory: z
      .object({
        period: periodSchema.meta({ title: '期限' }),
        roll: ROLL,
        source: caseSource,
        byTag: z
          .array(
            z
              .object({
                tag: z.string().min(1).max(20).meta({ title: '案件标签' }),
                period: periodSchema.meta({ title: '期限' }),
                source: sourceSchema,
              })
              .strict(),
          )
          .meta({ title: '按案件标签的执行期限' }),
        extensionSource: sourceSchema,
      })
      .strict()
      .meta({ title: '法定执行期限' }),
    deductions: z
      .object({
        kinds: z
          .array(
            z
              .object({
                name: z.string().min(1).max(20),
                aliases: z.array(z.string().min(1).max(20)),
                phase: z.string().min(1).max(20),
              })
              .strict(),
          )
          .min(1)
          .refine((kinds) => {
            const words = kinds.flatMap((kind) => [kind.name, ...kind.aliases]);
            return new Set(words).size === words.length;
          }, '扣除期间的类型及其简称不能重复'),
        teamDeadline: z.boolean().meta({ title: '团队结案期限同样扣除' }),
        source: sourceSchema,
      })
      .strict()
      .meta({ title: '不计入执行期限的期间' }),
    triage: z
      .object({
        rules: z
          .array(
            z
              .object({
                id: z.string().min(1).max(20),
                label: z.string().min(1).max(200),
                when: conditionSchema,
                team: teamSchema,
                close: closeLimitSchema.meta({ title: '结案期限' }),
              })
              .strict(),
          )
          .min(1)
          .refine((rules) => new Set(rules.map((rule) => rule.id)).size === rules.length, '分流规则编号不能重复')
          .meta({ title: '分流规则' }),
        fallback: z.object({ 执: teamSchema, 执恢: teamSchema }).strict().meta({ title: '未命中任何规则时分给' }),
        teamDefaults: z.record(teamSchema, closeLimitSchema).meta({ title: '分流调整后的结案期限' }),
        source: caseSource,
      })
      .strict()
      .meta({ title: '繁简分流规则' }),
    screeningMonths: z.number().int().min(1).max(24).meta({ title: '终本筛查回溯月数' }),
    offlineInquiryBeforeTransfer: z.object({ source: caseSource }).strict().nullable().meta({ title: '线下调查须在流转前完成' }),
  })
  .strict();
