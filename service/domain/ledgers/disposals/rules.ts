// The configurable periods of the disposals ledger (SPEC §5.3) with their sources: the auction
// ruling, the price report by method, its service, the objection period, the start of the sale,
// and the announcement period of an online auction by property type.

import { z } from 'zod';
import type { NodeConfig } from '../../ledger.ts';
import type { Period } from '../../periods.ts';
import { nodeConfigSchema, periodSchema, ROLL, sourceSchema } from '../../rules-schema.ts';

export const PRICE_METHODS = ['当事人议价', '定向询价', '网络询价', '委托评估'] as const;
export type PriceMethod = (typeof PRICE_METHODS)[number];
export const PROPERTY_TYPES = ['不动产', '动产', '车辆', '股权', '其他财产权'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export interface ReportPeriod {
  period: Period;
  roll: boolean;
  source: string;
}

export interface DisposalsRules {
  nodes: Record<'ruling' | 'reportService' | 'objection' | 'saleStart', NodeConfig>;
  /**
   * How long a price report may take from the request, by method; a method without one has no
   * report node (定向询价: the court sets the time in its letter).
   */
  reportPeriods: Partial<Record<PriceMethod, ReportPeriod>>;
  /**
   * Methods whose result is a report served on the parties and open to objection; the others
   * (当事人议价) settle the price on the day it is agreed.
   */
  reportMethods: PriceMethod[];
  /** Least days between the announcement of an online auction and the auction, by property type. */
  announcement: { minDays: Record<PropertyType, number>; source: string };
}

const PRICE_RULES = '《最高人民法院关于人民法院确定财产处置参考价若干问题的规定》';
export const SOURCES = {
  ruling: '《执行指挥中心各部门工作职责（试行）》（财产处置专班）',
  reportService: `${PRICE_RULES}第二十一条`,
  objection: `${PRICE_RULES}第二十二条`,
  saleStart: `${PRICE_RULES}第三十条`,
  priceReport: PRICE_RULES,
};

const days = (n: number): NodeConfig => ({ period: { kind: 'days', n }, roll: true });

export const DEFAULT_DISPOSALS_RULES: DisposalsRules = {
  nodes: { ruling: days(30), reportService: days(3), objection: days(5), saleStart: days(10) },
  reportPeriods: {
    网络询价: { period: { kind: 'days', n: 3 }, roll: true, source: `${PRICE_RULES}第十一条` },
    委托评估: { period: { kind: 'days', n: 30 }, roll: true, source: `${PRICE_RULES}第十九条` },
  },
  reportMethods: ['定向询价', '网络询价', '委托评估'],
  announcement: {
    minDays: { 动产: 15, 车辆: 15, 不动产: 30, 股权: 30, 其他财产权: 30 },
    source: '《最高人民法院关于人民法院网络司法拍卖若干问题的规定》第十二条',
  },
};

const methodSchema = z.enum(PRICE_METHODS);
const leastDays = z.number().int().min(1).max(365);

export const disposalsRulesSchema: z.ZodType<DisposalsRules> = z
  .object({
    nodes: z
      .object({ ruling: nodeConfigSchema, reportService: nodeConfigSchema, objection: nodeConfigSchema, saleStart: nodeConfigSchema })
      .strict(),
    reportPeriods: z
      .partialRecord(methodSchema, z.object({ period: periodSchema.meta({ title: '期限' }), roll: ROLL, source: sourceSchema }).strict())
      .meta({ title: '询价/评估报告期限' }),
    reportMethods: z.array(methodSchema).meta({ title: '出具报告、可提异议的定价方式' }),
    announcement: z
      .object({
        minDays: z
          .object({ 不动产: leastDays, 动产: leastDays, 车辆: leastDays, 股权: leastDays, 其他财产权: leastDays })
          .strict()
          .meta({ title: '最短公告天数' }),
        source: sourceSchema,
      })
      .strict(),
  })
  .strict() as z.ZodType<DisposalsRules>;
