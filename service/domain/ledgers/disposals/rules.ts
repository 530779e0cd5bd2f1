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
  /** The most days an approved extension may add (延长出具期限（日）); none when the method has no extension. */
  extension?: { maxDays: number; source: string };
}

export interface Settlement {
  /** Whether the parties may object within the objection period after service. */
  objection: boolean;
  source: string;
}

export interface DisposalsRules {
  nodes: Record<'pricingStart' | 'ruling' | 'reportService' | 'objection' | 'saleStart', NodeConfig>;
  /**
   * How long a price report may take from the request, by method; a method without one has no
   * report node (定向询价: the court sets the time in its letter).
   */
  reportPeriods: Partial<Record<PriceMethod, ReportPeriod>>;
  /** Methods whose result is a report the court serves on the parties within 3 days (第二十一条); not 当事人议价. */
  reportMethods: PriceMethod[];
  /**
   * How each method's result becomes the reference price: a report open to objection for 5 days
   * after service (网络询价, 委托评估: 第二十二条), or a result that is the price the day it is given
   * (当事人议价, 定向询价: 第四条、第六条; objections to them are not accepted, 第二十四条第二款).
   */
  settlement: Record<PriceMethod, Settlement>;
  /** Least days between the announcement of an online auction and the auction, by property type. */
  announcement: { minDays: Record<PropertyType, number>; source: string };
  /**
   * How long a price holds: the longest validity of a result (assumed when 参考价有效期至 is empty), and
   * how long after it an auction may still be held on it (第二十七条).
   */
  validity: { longest: Period; auctionGrace: Period; source: string };
  /** After a 流拍: the re-auction due within `within`, announced at least `minDays` before it, by property type. */
  reAuction: { within: NodeConfig; minDays: Record<PropertyType, number>; source: string };
}

const PRICE_RULES = '《最高人民法院关于人民法院确定财产处置参考价若干问题的规定》';
const NET_AUCTION_RULES = '《最高人民法院关于人民法院网络司法拍卖若干问题的规定》';
export const SOURCES = {
  pricingStart: `${PRICE_RULES}第一条`,
  ruling: '《执行指挥中心各部门工作职责（试行）》（财产处置专班）',
  reportService: `${PRICE_RULES}第二十一条`,
  objection: `${PRICE_RULES}第二十二条`,
  notAccepted: `${PRICE_RULES}第二十四条`,
  objectionDecided: `${PRICE_RULES}第十三条第二款、第二十六条`,
  saleStart: `${PRICE_RULES}第三十条`,
  priceReport: PRICE_RULES,
  reAuction: `${NET_AUCTION_RULES}第二十六条`,
};

const days = (n: number): NodeConfig => ({ period: { kind: 'days', n }, roll: true });

export const DEFAULT_DISPOSALS_RULES: DisposalsRules = {
  nodes: { pricingStart: days(30), ruling: days(30), reportService: days(3), objection: days(5), saleStart: days(10) },
  reportPeriods: {
    网络询价: {
      period: { kind: 'days', n: 3 },
      roll: true,
      source: `${PRICE_RULES}第十一条`,
      // All platforms late: the court extends by 3 days.
      extension: { maxDays: 3, source: `${PRICE_RULES}第十一条第二款` },
    },
    委托评估: {
      period: { kind: 'days', n: 30 },
      roll: true,
      source: `${PRICE_RULES}第十九条`,
      // At most two extensions of at most 15 days each.
      extension: { maxDays: 30, source: `${PRICE_RULES}第十九条第二款` },
    },
  },
  reportMethods: ['定向询价', '网络询价', '委托评估'],
  settlement: {
    当事人议价: { objection: false, source: `${PRICE_RULES}第四条第二款、第二十四条第二款` },
    定向询价: { objection: false, source: `${PRICE_RULES}第六条第二款、第二十四条第二款` },
    网络询价: { objection: true, source: `${PRICE_RULES}第十三条、第二十二条` },
    委托评估: { objection: true, source: `${PRICE_RULES}第二十二条、第二十六条` },
  },
  announcement: {
    minDays: { 动产: 15, 车辆: 15, 不动产: 30, 股权: 30, 其他财产权: 30 },
    source: `${NET_AUCTION_RULES}第十二条`,
  },
  validity: {
    longest: { kind: 'years', n: 1 },
    auctionGrace: { kind: 'months', n: 6 },
    source: `${PRICE_RULES}第十一条第四款、第十九条第四款、第二十七条`,
  },
  reAuction: {
    within: days(30),
    minDays: { 动产: 7, 车辆: 7, 不动产: 15, 股权: 15, 其他财产权: 15 },
    source: `${NET_AUCTION_RULES}第二十六条`,
  },
};

const methodSchema = z.enum(PRICE_METHODS);
const settlementSchema = z.object({ objection: z.boolean().meta({ title: '有异议期' }), source: sourceSchema }).strict();
const leastDays = z.number().int().min(1).max(365);
const minDaysSchema = z.object({ 不动产: leastDays, 动产: leastDays, 车辆: leastDays, 股权: leastDays, 其他财产权: leastDays }).strict();

export const disposalsRulesSchema: z.ZodType<DisposalsRules> = z
  .object({
    nodes: z
      .object({
        pricingStart: nodeConfigSchema,
        ruling: nodeConfigSchema,
        reportService: nodeConfigSchema,
        objection: nodeConfigSchema,
        saleStart: nodeConfigSchema,
      })
      .strict(),
    reportPeriods: z
      .partialRecord(
        methodSchema,
        z
          .object({
            period: periodSchema.meta({ title: '期限' }),
            roll: ROLL,
            source: sourceSchema,
            extension: z
              .object({ maxDays: z.number().int().min(1).max(365).meta({ title: '最多延长天数' }), source: sourceSchema })
              .strict()
              .optional()
              .meta({ title: '延长出具期限' }),
          })
          .strict(),
      )
      .meta({ title: '询价/评估报告期限' }),
    reportMethods: z.array(methodSchema).meta({ title: '出具报告后须送达的定价方式' }),
    settlement: z
      .object(Object.fromEntries(PRICE_METHODS.map((method) => [method, settlementSchema])) as Record<PriceMethod, typeof settlementSchema>)
      .strict()
      .meta({ title: '参考价的确定与异议期' }),
    announcement: z.object({ minDays: minDaysSchema.meta({ title: '最短公告天数' }), source: sourceSchema }).strict(),
    validity: z
      .object({
        longest: periodSchema.meta({ title: '参考价最长有效期' }),
        auctionGrace: periodSchema.meta({ title: '有效期届满后仍可拍卖的期间' }),
        source: sourceSchema,
      })
      .strict()
      .meta({ title: '参考价有效期' }),
    reAuction: z
      .object({
        within: nodeConfigSchema.meta({ title: '流拍后再次拍卖的期限' }),
        minDays: minDaysSchema.meta({ title: '再次拍卖最短公告天数' }),
        source: sourceSchema,
      })
      .strict()
      .meta({ title: '流拍后再次拍卖' }),
  })
  .strict() as z.ZodType<DisposalsRules>;
