// The configurable part of the payments ledger (SPEC §5.2): the notification and disbursement
// periods, the aging thresholds of an undisbursed payment, and the lawful holds on a disbursement,
// with their sources.

import { z } from 'zod';
import type { NodeConfig } from '../../ledger.ts';
import type { Period } from '../../periods.ts';
import { nodeConfigSchema, periodSchema, sourceSchema } from '../../rules-schema.ts';

/** One situation in which a disbursement may lawfully be held, as the clerk picks it in 暂缓原因. */
export interface HoldReason {
  name: string;
  /** Its item in the article, cited after `holds.source`, e.g. 第（一）项. */
  clause: string;
  /** Other words a clerk types for it. */
  aliases: string[];
}

export interface PaymentsRules {
  nodes: Record<'notify' | 'disburse', NodeConfig>;
  /** Days since receipt from which an undisbursed payment is flagged (calendar days, the receipt day being day 0). */
  aging: { remindFromDay: number; reportFromDay: number; source: string };
  holds: {
    /** The reasons 暂缓原因 accepts; a hold with another reason does not stop the clock. */
    reasons: HoldReason[];
    source: string;
    /** Once the reason for a hold has gone, the money is disbursed within this period at the latest. */
    afterResume: Period;
    afterResumeSource: string;
  };
}

/** The stages of an undisbursed payment's aging, from the thresholds in `aging`, and a lawful hold. */
export const PAYMENT_PHASES = { fresh: '新到账', remind: '提醒', report: '通报', held: '暂缓发放', disbursed: '已发放' } as const;

const MONEY_RULES = '《最高人民法院关于执行款物管理工作的规定》(法发〔2017〕6号)';
export const BUREAU_RULES = '《执行指挥中心各部门工作职责（试行）》（卷宗管理中心）';
export const DISBURSEMENT_SOURCE = `${MONEY_RULES} 第十五条第一款；本院案款发放规定（地方规定 5 至 30 日不等）`;

export const DEFAULT_PAYMENTS_RULES: PaymentsRules = {
  nodes: {
    notify: { period: { kind: 'sameDay' }, roll: false },
    disburse: { period: { kind: 'days', n: 30 }, roll: true },
  },
  aging: { remindFromDay: 3, reportFromDay: 7, source: BUREAU_RULES },
  holds: {
    reasons: [
      { name: '需要进行案款分配', clause: '第（一）项', aliases: ['案款分配', '参与分配', '需要分配'] },
      { name: '执行款被另案保全或冻结', clause: '第（二）项', aliases: ['另案保全', '另案冻结', '被保全', '被冻结', '执行款被保全或冻结'] },
      { name: '申请执行人经通知未领取', clause: '第（三）项', aliases: ['经通知未领取', '通知未领取', '未领取'] },
      { name: '案件依法中止或暂缓执行', clause: '第（四）项', aliases: ['中止执行', '暂缓执行', '案件中止执行', '案件暂缓执行'] },
      { name: '其他正当理由', clause: '第（五）项', aliases: ['其他'] },
    ],
    source: `${MONEY_RULES} 第十五条第二款`,
    afterResume: { kind: 'days', n: 10 },
    afterResumeSource: `${MONEY_RULES} 第十五条第三款`,
  },
};

const day = z.number().int().min(1).max(365);
const word = z.string().min(1).max(50);

/** Each word a clerk may type names one reason only. */
function wordsApart(reasons: HoldReason[]): boolean {
  const words = reasons.flatMap((reason) => [reason.name, ...reason.aliases]);
  return new Set(words).size === words.length;
}

const holdReasonSchema = z.object({ name: word, clause: z.string().max(50), aliases: z.array(word).max(20) }).strict();

export const paymentsRulesSchema: z.ZodType<PaymentsRules> = z
  .object({
    nodes: z.object({ notify: nodeConfigSchema, disburse: nodeConfigSchema }).strict(),
    aging: z
      .object({
        remindFromDay: day.meta({ title: '到账后第几日起提醒' }),
        reportFromDay: day.meta({ title: '到账后第几日起通报' }),
        source: sourceSchema,
      })
      .strict()
      .refine((aging) => aging.remindFromDay < aging.reportFromDay, '提醒天数应小于通报天数')
      .meta({ title: '未发放案款的催办' }),
    holds: z
      .object({
        reasons: z.array(holdReasonSchema).min(1).max(30).refine(wordsApart, '暂缓原因及其别称不能重复'),
        source: sourceSchema,
        afterResume: periodSchema.meta({ title: '恢复发放后的发放期限' }),
        afterResumeSource: sourceSchema,
      })
      .strict()
      .meta({ title: '暂缓发放' }),
  })
  .strict() as z.ZodType<PaymentsRules>;
