// 财产处置台账 scenarios: the auction ruling, the price report by method (3 days online, 30 days by
// appraisal, none for 定向询价 and 当事人议价), its service, the informational objection period (网络询价
// and 委托评估 only), the start of the sale once the price is settled, the announcement period by property type
// and round, the re-auction after a 流拍.

import { OPEN_CASE, UNKNOWN_CASE, type RawRow, type Scenario } from './fixtures.ts';

let n = 0;
/** Found Monday 2026-03-02, ruled 2026-03-20; each row names its own property. */
const row = (changes: RawRow = {}): RawRow => ({
  caseNo: OPEN_CASE,
  property: `处置财产${++n}`,
  propertyType: '不动产',
  foundOn: '2026-03-02',
  rulingOn: '2026-03-20',
  ...changes,
});
const appraised = (changes: RawRow = {}): RawRow =>
  row({ priceMethod: '委托评估', priceRequestedOn: '2026-03-23', priceReportOn: '2026-04-20', reportServedOn: '2026-04-22', ...changes });

export const DISPOSALS_SCENARIOS: Scenario[] = [
  {
    name: 'found, no ruling yet: 待裁定, due 30 days after',
    asOf: '2026-03-20',
    values: row({ rulingOn: null }),
    expect: {
      errors: [],
      status: { phase: '待裁定', nextNode: '拍卖裁定', nextDue: '2026-04-01', daysLeft: 12, alert: '正常' },
      noWarnings: ['caseNo'],
    },
  },
  {
    name: 'no ruling 30 days after: 超期',
    asOf: '2026-04-02',
    values: row({ rulingOn: null }),
    expect: { status: { alert: '超期' }, nodes: { ruling: { state: '超期', dueOn: '2026-04-01' } } },
  },
  {
    name: 'seized, pricing not started 30 days after: 待定价, 启动定价 超期',
    asOf: '2026-04-02',
    // Seized Monday 2026-03-02 + 30 = Wednesday 04-01.
    values: row({ rulingOn: null, foundOn: null, seizedOn: '2026-03-02' }),
    expect: {
      errors: [],
      status: { phase: '待定价', nextNode: '启动定价', nextDue: '2026-04-01', daysLeft: -1, alert: '超期' },
      nodes: { pricingStart: { state: '超期', dueOn: '2026-04-01' } },
    },
  },
  {
    name: 'pricing started by the request within 30 days of the seizure',
    asOf: '2026-04-02',
    values: row({ seizedOn: '2026-03-02', priceMethod: '委托评估', priceRequestedOn: '2026-03-23' }),
    expect: { nodes: { pricingStart: { state: '已完成', dueOn: '2026-04-01' } } },
  },
  {
    name: 'ruled, no price method yet: 待定价',
    asOf: '2026-03-21',
    values: row(),
    expect: { errors: [], status: { phase: '待定价', alert: '已完成' }, nodes: { ruling: { state: '已完成' } } },
  },
  {
    name: '网络询价: the report within 3 days, rolled past the weekend',
    asOf: '2026-03-06',
    values: row({ priceMethod: '网络询价', priceRequestedOn: '2026-03-05' }),
    expect: {
      status: { phase: '定价中', nextNode: '询价/评估报告', nextDue: '2026-03-09', alert: '临期' },
      nodes: { priceReport: { state: '临期', dueOn: '2026-03-09', daysLeft: 3 } },
    },
  },
  {
    name: '委托评估: the report within 30 days',
    asOf: '2026-04-21',
    values: row({ priceMethod: '委托评估', priceRequestedOn: '2026-03-23' }),
    expect: { status: { alert: '临期', nextDue: '2026-04-22' }, nodes: { priceReport: { state: '临期', dueOn: '2026-04-22' } } },
  },
  {
    name: '委托评估 extended by 15 days: the report is due 45 days after the request',
    asOf: '2026-05-01',
    // 2026-03-23 + 45 = Thursday 05-07.
    values: row({ priceMethod: '委托评估', priceRequestedOn: '2026-03-23', reportExtensionDays: '15' }),
    expect: { errors: [], nodes: { priceReport: { state: '正常', dueOn: '2026-05-07' } } },
  },
  {
    name: '委托评估 extended by more than two times 15 days: error',
    asOf: '2026-05-01',
    values: row({ priceMethod: '委托评估', priceRequestedOn: '2026-03-23', reportExtensionDays: '45' }),
    expect: { errors: ['reportExtensionDays'], nodes: { priceReport: { state: '正常', dueOn: '2026-05-22' } } },
  },
  {
    name: '定向询价: no statutory report period',
    asOf: '2026-06-01',
    values: row({ priceMethod: '定向询价', priceRequestedOn: '2026-03-23' }),
    expect: { errors: [], status: { phase: '定价中', nextNode: '' } },
  },
  {
    name: '定向询价: the result is the price, no objection period; the sale starts 10 days from it',
    asOf: '2026-03-28',
    // Result Friday 2026-03-27 + 10 = Monday 04-06, in 清明 (04-04..04-06): rolled to Tuesday 04-07.
    values: row({ priceMethod: '定向询价', priceRequestedOn: '2026-03-23', priceReportOn: '2026-03-27', reportServedOn: '2026-03-27' }),
    expect: {
      errors: [],
      status: { phase: '待启动拍卖', nextNode: '启动拍卖', nextDue: '2026-04-07' },
      nodes: { reportService: { state: '已完成' }, saleStart: { state: '正常', dueOn: '2026-04-07' } },
    },
  },
  {
    name: 'the report is served within 3 days of it',
    asOf: '2026-04-24',
    values: appraised({ reportServedOn: null }),
    expect: {
      status: { nextNode: '报告送达', alert: '超期' },
      nodes: { priceReport: { state: '已完成' }, reportService: { state: '超期', dueOn: '2026-04-23' } },
    },
  },
  {
    name: 'the objection period runs 5 days after service and is never the alert',
    asOf: '2026-04-25',
    values: appraised(),
    expect: {
      errors: [],
      status: { phase: '定价中', nextNode: '', alert: '已完成' },
      nodes: { objection: { state: '临期', dueOn: '2026-04-27', daysLeft: 2 } },
    },
  },
  {
    name: 'once the objection period has passed the price is settled: the sale starts within 10 days',
    asOf: '2026-04-28',
    values: appraised(),
    expect: {
      errors: [],
      status: { phase: '待启动拍卖', nextNode: '启动拍卖', nextDue: '2026-05-07', alert: '正常' },
      nodes: { objection: { state: '已完成', dueOn: '2026-04-27' }, saleStart: { state: '正常', dueOn: '2026-05-07' } },
    },
  },
  {
    name: 'an objection filed in the period and not decided: 异议处理中, 启动拍卖 waits, not 超期',
    asOf: '2026-05-20',
    values: appraised({ objectionFiledOn: '2026-04-24' }),
    expect: { errors: [], status: { phase: '异议处理中', nextNode: '', alert: '已完成' }, noWarnings: ['objectionFiledOn'] },
  },
  {
    name: 'the objection decided: the sale starts within 10 days of the decision',
    asOf: '2026-06-01',
    // Decided Friday 2026-05-29 + 10 = Monday 06-08.
    values: appraised({ objectionFiledOn: '2026-04-24', objectionDecidedOn: '2026-05-29' }),
    expect: { status: { phase: '待启动拍卖', nextNode: '启动拍卖', nextDue: '2026-06-08' }, nodes: { saleStart: { state: '正常' } } },
  },
  {
    name: 'an objection filed after the period: warning, the sale does not wait',
    asOf: '2026-05-08',
    values: appraised({ objectionFiledOn: '2026-04-28' }),
    expect: { status: { alert: '超期', nextDue: '2026-05-07' }, warnings: { objectionFiledOn: '不予受理' } },
  },
  {
    name: 'no sale started 10 days after: 超期',
    asOf: '2026-05-08',
    values: appraised(),
    expect: { status: { alert: '超期' }, nodes: { saleStart: { state: '超期' } } },
  },
  {
    name: '当事人议价: the price is settled on the day agreed, no service or objection',
    asOf: '2026-03-26',
    values: row({ priceMethod: '当事人议价', priceReportOn: '2026-03-25' }),
    expect: { status: { phase: '待启动拍卖', nextDue: '2026-04-07' }, nodes: { saleStart: { state: '正常', dueOn: '2026-04-07' } } },
  },
  {
    name: '不动产 announced 30 days before the auction: no error',
    asOf: '2026-06-10',
    values: appraised({ announcedOn: '2026-05-06', auctionOn: '2026-06-05' }),
    expect: { errors: [], status: { phase: '拍卖公告中' }, nodes: { saleStart: { state: '已完成' } } },
  },
  {
    name: '不动产 announced 29 days before the auction: error naming both dates',
    asOf: '2026-06-10',
    values: appraised({ announcedOn: '2026-05-07', auctionOn: '2026-06-05' }),
    expect: { errors: ['announcedOn'], nodes: { saleStart: { state: '已完成' } } },
  },
  {
    name: '车辆 announced 15 days before: no error',
    asOf: '2026-06-10',
    values: appraised({ propertyType: '车辆', announcedOn: '2026-05-06', auctionOn: '2026-05-21' }),
    expect: { errors: [] },
  },
  {
    name: '动产 announced 14 days before: error',
    asOf: '2026-06-10',
    values: appraised({ propertyType: '动产', announcedOn: '2026-05-07', auctionOn: '2026-05-21' }),
    expect: { errors: ['announcedOn'] },
  },
  {
    name: 'no property type: the announcement cannot be checked, warning',
    asOf: '2026-06-10',
    values: appraised({ propertyType: null, announcedOn: '2026-05-07', auctionOn: '2026-05-21' }),
    expect: { errors: [], warnings: { propertyType: '无法核对拍卖公告期' } },
  },
  {
    name: '一拍 流拍: 待再次拍卖, due 30 days after the 流拍',
    asOf: '2026-06-10',
    // Failed Saturday 2026-06-06 + 30 = Monday 07-06.
    values: appraised({ announcedOn: '2026-05-06', auctionOn: '2026-06-05', outcome: '流拍', failedOn: '2026-06-06' }),
    expect: { errors: [], status: { phase: '待再次拍卖', nextNode: '再次拍卖', nextDue: '2026-07-06', alert: '正常' } },
  },
  {
    name: '二拍 of a 动产 announced 7 days before: lawful, 再次拍卖 done',
    asOf: '2026-06-27',
    values: appraised({ propertyType: '动产', round: '二拍', failedOn: '2026-06-06', announcedOn: '2026-06-26', auctionOn: '2026-07-03' }),
    expect: {
      errors: [],
      status: { phase: '二拍公告中', alert: '已完成' },
      nodes: { reAuction: { state: '已完成', dueOn: '2026-07-06' } },
    },
  },
  {
    name: '二拍 of a 不动产 announced 14 days before: error',
    asOf: '2026-06-27',
    values: appraised({ round: '二拍', failedOn: '2026-06-06', announcedOn: '2026-06-20', auctionOn: '2026-07-04' }),
    expect: { errors: ['announcedOn'] },
  },
  {
    name: 'a 一拍 announced after the report expired: warning naming both dates',
    asOf: '2026-11-01',
    values: appraised({ priceValidUntil: '2026-10-19', announcedOn: '2026-10-20', auctionOn: '2026-11-20' }),
    expect: { errors: [], warnings: { announcedOn: '晚于参考价有效期（至 2026-10-19）' } },
  },
  {
    name: 'sold: the outcome is the phase',
    asOf: '2026-06-10',
    values: appraised({ announcedOn: '2026-05-06', auctionOn: '2026-06-05', outcome: '成交', dealPrice: '120万' }),
    expect: { errors: [], status: { phase: '成交' }, noWarnings: ['dealPrice'] },
  },
  {
    name: 'sold without a price: warning',
    asOf: '2026-06-10',
    values: appraised({ announcedOn: '2026-05-06', auctionOn: '2026-06-05', outcome: '成交' }),
    expect: { warnings: { dealPrice: '成交价（元）为空' } },
  },
  {
    name: 'a price without a sale: warning',
    asOf: '2026-06-10',
    values: appraised({ announcedOn: '2026-05-06', auctionOn: '2026-06-05', outcome: '流拍', dealPrice: 1 }),
    expect: { status: { phase: '流拍' }, warnings: { dealPrice: '不是「成交」' } },
  },
  {
    name: 'a price report without a method: warning',
    asOf: '2026-03-24',
    values: row({ priceRequestedOn: '2026-03-23' }),
    expect: { warnings: { priceMethod: '无法确定报告期限' } },
  },
  {
    name: 'ruled before the property was found: error',
    asOf: '2026-03-24',
    values: row({ rulingOn: '2026-03-01' }),
    expect: { errors: ['rulingOn'] },
  },
  {
    name: 'a case number not in the case register: warning',
    asOf: '2026-03-02',
    values: row({ caseNo: UNKNOWN_CASE }),
    expect: { warnings: { caseNo: '不存在' } },
  },
  {
    name: 'bad values in every column type',
    asOf: '2026-03-02',
    values: {
      caseNo: '（2026）执1号',
      property: '房产X',
      propertyType: '房车',
      foundOn: '2026-02-30',
      priceMethod: '拍脑袋',
      priceRequestedOn: 'yesterday',
      round: '三拍',
      auctionOn: '2026-13-01',
      outcome: '成功',
      dealPrice: '一百万',
    },
    expect: {
      errors: ['caseNo', 'propertyType', 'foundOn', 'priceMethod', 'priceRequestedOn', 'round', 'auctionOn', 'outcome', 'dealPrice'],
      errorsNameTheValue: true,
    },
  },
];
