// The configurable part of the cases ledger: node periods, the statutory period, the triage table.

import { z } from 'zod';
import { conditionSchema, type Condition } from '../../conditions.ts';
import type { NodeConfig } from '../../ledger.ts';
import type { Period } from '../../periods.ts';
import { nodeConfigSchema, periodSchema, sourceSchema } from '../../rules-schema.ts';

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

const teamSchema = z.enum(['速执团队', '特执团队', '首执团队', '执恢团队']);

const closeLimitSchema: z.ZodType<CloseLimit> = z.union([
  z.object({ from: z.literal('triage'), period: periodSchema, roll: z.boolean() }).strict(),
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
        period: periodSchema,
        roll: z.boolean(),
        source: z.string().min(1),
        byTag: z.array(z.object({ tag: z.string().min(1).max(20), period: periodSchema, source: sourceSchema }).strict()),
        extensionSource: sourceSchema,
      })
      .strict(),
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
        teamDeadline: z.boolean(),
        source: sourceSchema,
      })
      .strict(),
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
                close: closeLimitSchema,
              })
              .strict(),
          )
          .min(1)
          .refine((rules) => new Set(rules.map((rule) => rule.id)).size === rules.length, '分流规则编号不能重复'),
        fallback: z.object({ 执: teamSchema, 执恢: teamSchema }).strict(),
        teamDefaults: z.record(teamSchema, closeLimitSchema),
        source: z.string().min(1),
      })
      .strict(),
    screeningMonths: z.number().int().min(1).max(24),
    offlineInquiryBeforeTransfer: z
      .object({ source: z.string().min(1) })
      .strict()
      .nullable(),
  })
  .strict();
