// 财产处置台账 (SPEC §5.3): each property found for a case, from the auction ruling through the
// reference price to the online auction.

import type { LedgerDefinition } from '../../ledger.ts';
import { ROUNDS } from './auction.ts';
import { evaluateDisposal } from './evaluate.ts';
import { DEFAULT_DISPOSALS_RULES, disposalsRulesSchema, PRICE_METHODS, PROPERTY_TYPES, SOURCES, type DisposalsRules } from './rules.ts';

export const OUTCOMES = ['成交', '流拍', '撤回', '中止', '和解'];

export const disposalsLedger: LedgerDefinition<DisposalsRules> = {
  id: 'disposals',
  name: '财产处置台账',
  key: ['caseNo', 'property'],
  columns: [
    { id: 'caseNo', header: '案号', aliases: ['执行案号'], type: 'caseNo', required: true, anyCaseType: true },
    { id: 'property', header: '财产名称', aliases: ['处置财产', '财产'], type: 'text', required: true },
    {
      id: 'propertyType',
      header: '财产类型',
      type: 'enum',
      options: [...PROPERTY_TYPES],
      optionAliases: { 房产: '不动产', 房屋: '不动产', 土地: '不动产', 机动车: '车辆', 汽车: '车辆' },
    },
    { id: 'foundOn', header: '发现财产日期', aliases: ['发现可供执行财产日期', '查控日期'], type: 'date' },
    {
      id: 'seizedOn',
      header: '查封日期',
      aliases: ['查封扣押冻结日期', '查封、扣押、冻结日期', '查扣冻日期', '扣押日期', '冻结日期'],
      type: 'date',
    },
    { id: 'rulingOn', header: '拍卖裁定日期', aliases: ['裁定日期'], type: 'date' },
    {
      id: 'priceMethod',
      header: '定价方式',
      aliases: ['确定参考价方式', '定价'],
      type: 'enum',
      options: [...PRICE_METHODS],
      optionAliases: { 议价: '当事人议价', 询价: '定向询价', 评估: '委托评估' },
    },
    { id: 'priceRequestedOn', header: '委托日期', aliases: ['委托询价日期', '委托评估日期'], type: 'date' },
    {
      id: 'reportExtensionDays',
      header: '延长出具期限（日）',
      aliases: ['延长出具期限', '延长期限', '延期天数', '批准延长天数'],
      type: 'integer',
      min: 1,
    },
    { id: 'priceReportOn', header: '报告出具日期', aliases: ['报告日期', '询价报告日期', '评估报告日期'], type: 'date' },
    // Written on the report, so a report as of an earlier day keeps it.
    {
      id: 'priceValidUntil',
      header: '参考价有效期至',
      aliases: ['报告有效期至', '有效期至', '询价有效期至', '评估有效期至'],
      type: 'date',
      knownAhead: true,
    },
    { id: 'reportServedOn', header: '报告送达日期', aliases: ['送达日期'], type: 'date' },
    { id: 'objectionFiledOn', header: '异议提出日期', aliases: ['提出异议日期', '异议日期'], type: 'date' },
    { id: 'objectionDecidedOn', header: '异议处理日期', aliases: ['异议处理完毕日期', '异议审查日期', '异议裁定日期'], type: 'date' },
    {
      id: 'round',
      header: '拍卖轮次',
      aliases: ['轮次', '拍卖次数'],
      type: 'enum',
      options: [...ROUNDS],
      optionAliases: { 首拍: '一拍', 第一次拍卖: '一拍', 第二次拍卖: '二拍', 再次拍卖: '二拍', 网络变卖: '变卖' },
    },
    { id: 'announcedOn', header: '拍卖公告日期', aliases: ['公告日期'], type: 'date' },
    // Set when the auction is announced, so a report as of an earlier day keeps it.
    { id: 'auctionOn', header: '拍卖日期', aliases: ['开拍日期'], type: 'date', knownAhead: true },
    { id: 'outcome', header: '结果', aliases: ['拍卖结果', '处置结果'], type: 'enum', options: OUTCOMES },
    // The day of the latest 流拍: on a 二拍 row, the first auction's until the 二拍 fails too.
    { id: 'failedOn', header: '流拍日期', aliases: ['一拍流拍日期'], type: 'date' },
    { id: 'dealPrice', header: '成交价（元）', aliases: ['成交价', '成交金额'], type: 'amount' },
  ],
  systemColumns: [],
  phaseHeader: '处置进度',
  nodes: [
    {
      id: 'pricingStart',
      name: '启动定价',
      anchor: 'pricingStartDue',
      // 当事人议价 has no request: the day the parties agreed shows the pricing was under way.
      doneBy: 'priceRequestedOn',
      doneByFallback: ['priceReportOn'],
      source: SOURCES.pricingStart,
    },
    { id: 'ruling', name: '拍卖裁定', anchor: 'foundOn', doneBy: 'rulingOn', source: SOURCES.ruling },
    { id: 'priceReport', name: '询价/评估报告', anchor: 'priceReportDue', doneBy: 'priceReportOn', source: SOURCES.priceReport },
    { id: 'reportService', name: '报告送达', anchor: 'priceReportOn', doneBy: 'reportServedOn', source: SOURCES.reportService },
    { id: 'objection', name: '异议期', anchor: 'objectionDue', doneBy: 'objectionEndedOn', source: SOURCES.objection, informational: true },
    { id: 'saleStart', name: '启动拍卖', anchor: 'saleStartDue', doneBy: 'announcedOn', source: SOURCES.saleStart },
    { id: 'reAuction', name: '再次拍卖', anchor: 'reAuctionDue', doneBy: 'reAuctionAnnouncedOn', source: SOURCES.reAuction },
  ],
  writers: ['disposal'],
  owner: 'disposal',
  caseColumns: { caseNo: 'caseNo' },
  defaultRules: DEFAULT_DISPOSALS_RULES,
  rulesSchema: disposalsRulesSchema,
  evaluate: (row, context) => evaluateDisposal(disposalsLedger, row, context),
};
