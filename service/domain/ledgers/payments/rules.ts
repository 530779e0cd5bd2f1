// The configurable part of the payments ledger (SPEC §5.2): the notification and disbursement
// periods and the aging thresholds of an undisbursed payment, with their sources.

import { z } from 'zod';
import type { NodeConfig } from '../../ledger.ts';
import { nodeConfigSchema, sourceSchema } from '../../rules-schema.ts';

export interface PaymentsRules {
  nodes: Record<'notify' | 'disburse', NodeConfig>;
  /** Days since receipt from which an undisbursed payment is flagged (calendar days, the receipt day being day 0). */
  aging: { remindFromDay: number; reportFromDay: number; source: string };
}

/** The stages of an undisbursed payment's aging, from the thresholds in `aging`. */
export const PAYMENT_PHASES = { fresh: '新到账', remind: '提醒', report: '通报', disbursed: '已发放' } as const;

export const BUREAU_RULES = '《执行指挥中心各部门工作职责（试行）》（卷宗管理中心）';
export const DISBURSEMENT_SOURCE =
  '《最高人民法院关于执行款物管理工作的规定》(法发〔2017〕6号)；本院案款发放规定（地方规定 5 至 30 日不等）';

export const DEFAULT_PAYMENTS_RULES: PaymentsRules = {
  nodes: {
    notify: { period: { kind: 'sameDay' }, roll: false },
    disburse: { period: { kind: 'days', n: 30 }, roll: true },
  },
  aging: { remindFromDay: 3, reportFromDay: 7, source: BUREAU_RULES },
};

const day = z.number().int().min(1).max(365);

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
  })
  .strict() as z.ZodType<PaymentsRules>;
