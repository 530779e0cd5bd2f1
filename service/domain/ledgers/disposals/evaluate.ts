// Evaluates one property under disposal: the auction ruling, the reference price by its method
// (report, service, the parties' objection period), the start of the sale once the price is
// settled, and the announcement period of the online auction by property type.

import { asDate, diffDays, type CivilDate } from '../../civil-date.ts';
import type { AnyLedger, EvalContext, NodeResult, RowEvaluation, RowInput, RowValues } from '../../ledger.ts';
import { computeNodes, summarizeNodes } from '../../nodes.ts';
import { countPeriod, describePeriod, type BasedDue, type Period } from '../../periods.ts';
import type { Problem } from '../../problem.ts';
import { checkDateOrder, headersOf } from '../../row.ts';
import { lookUpCase } from '../cases/lookup.ts';
import { PRICE_METHODS, PROPERTY_TYPES, SOURCES, type DisposalsRules, type PriceMethod, type Settlement } from './rules.ts';

export function evaluateDisposal(ledger: AnyLedger, row: RowInput, context: EvalContext<DisposalsRules>): RowEvaluation {
  const { rules, asOf, calendar } = context;
  const headers = headersOf(ledger);
  const problems: Problem[] = [];
  const method = PRICE_METHODS.find((word) => word === row.values.priceMethod) ?? null;
  const reported = method !== null && rules.reportMethods.includes(method);
  const settlement = method ? rules.settlement[method] : null;
  const objectable = reported && settlement?.objection === true;
  const count = (date: CivilDate, label: string, config: { period: Period; roll: boolean }) =>
    countPeriod(calendar, { date, label }, config.period, { roll: config.roll });

  const seizedOn = asDate(row.values.seizedOn);
  const pricingStart = rules.nodes.pricingStart;
  const pricingStartDue: BasedDue | null = seizedOn
    ? {
        ...count(seizedOn, headers.seizedOn, pricingStart),
        basis: `${SOURCES.pricingStart}：查封、扣押、冻结财产后${describePeriod(pricingStart.period)}内启动确定财产处置参考价程序`,
      }
    : null;

  const requestedOn = asDate(row.values.priceRequestedOn);
  const reportPeriod = method ? rules.reportPeriods[method] : undefined;
  const priceReportDue: BasedDue | null =
    reportPeriod && requestedOn
      ? {
          ...count(requestedOn, headers.priceRequestedOn, reportPeriod),
          basis: `${reportPeriod.source}：${method}，${headers.priceRequestedOn}起${describePeriod(reportPeriod.period)}内出具报告`,
        }
      : null;

  const servedOn = asDate(row.values.reportServedOn);
  const objection = rules.nodes.objection;
  const objectionDue: BasedDue | null =
    objectable && servedOn
      ? {
          ...count(servedOn, headers.reportServedOn, objection),
          basis: `${SOURCES.objection}：当事人、利害关系人收到报告后${describePeriod(objection.period)}内可提出书面异议（仅供提示）`,
        }
      : null;
  // The objection period has passed once asOf is after its last day; the reference price is settled then.
  const objectionEndedOn = objectionDue && asOf > objectionDue.dueOn ? objectionDue.dueOn : null;
  const settled = priceSettled(row.values, method, settlement, objectionEndedOn, headers);
  const saleStart = rules.nodes.saleStart;
  const saleStartDue: BasedDue | null = settled
    ? {
        ...count(settled.date, settled.label, saleStart),
        basis: `${SOURCES.saleStart}：参考价确定后${describePeriod(saleStart.period)}内启动变价程序（${settled.how}）`,
      }
    : null;

  // The objection period is informational: it shows, but never becomes the row's next node or alert.
  const values: RowValues = { ...row.values, objectionEndedOn };
  const { nodes, warnings } = computeNodes(ledger.nodes, {
    values,
    headers,
    calendar,
    asOf,
    configs: {
      pricingStart: rules.nodes.pricingStart,
      ruling: rules.nodes.ruling,
      ...(reportPeriod ? { priceReport: reportPeriod } : {}),
      ...(reported ? { reportService: rules.nodes.reportService } : {}),
      ...(objectable ? { objection } : {}),
      saleStart,
    },
    warnDefaults: context.warnDefaults,
    derived: { pricingStartDue, priceReportDue, objectionDue, saleStartDue },
  });
  for (const warning of warnings) problems.push({ column: 'caseNo', level: 'warning', message: warning.message });

  if (!method && requestedOn)
    problems.push({
      column: 'priceMethod',
      level: 'warning',
      message: `已填${headers.priceRequestedOn}，${headers.priceMethod}为空，无法确定报告期限`,
    });
  problems.push(...checkAnnouncement(row.values, headers, rules.announcement));
  problems.push(...checkOutcome(row.values, headers));
  for (const order of [
    ['foundOn', 'rulingOn'],
    ['foundOn', 'priceRequestedOn', 'priceReportOn', 'reportServedOn'],
    ['seizedOn', 'priceRequestedOn', 'priceReportOn'],
    ['announcedOn', 'auctionOn'],
  ]) {
    problems.push(...checkDateOrder(ledger.columns, row.values, order));
  }
  problems.push(...lookUpCase(row.values, context.view, headers.caseNo).problems);

  return {
    status: { phase: phaseOf(row.values, nodes), ...summarizeNodes(nodes.filter((node) => !informational(ledger, node.id))) },
    nodes,
    problems,
    fixed: undefined,
  };
}

function informational(ledger: AnyLedger, nodeId: string): boolean {
  return ledger.nodes.some((rule) => rule.id === nodeId && rule.informational);
}

/**
 * When the reference price was settled: a report's objection period has passed (网络询价, 委托评估), or
 * the result is the price the day it is given (当事人议价, 定向询价), with no objection period.
 */
function priceSettled(
  values: RowValues,
  method: PriceMethod | null,
  settlement: Settlement | null,
  objectionEndedOn: CivilDate | null,
  headers: Record<string, string>,
) {
  if (!method || !settlement) return null;
  if (settlement.objection) {
    return objectionEndedOn ? { date: objectionEndedOn, label: '异议期届满日', how: `${method}报告送达后异议期届满` } : null;
  }
  const resultOn = asDate(values.priceReportOn);
  const how = `${method}结果即为参考价，无异议期（${settlement.source}），以${headers.priceReportOn}为参考价确定之日`;
  return resultOn ? { date: resultOn, label: headers.priceReportOn, how } : null;
}

function checkAnnouncement(values: RowValues, headers: Record<string, string>, rule: DisposalsRules['announcement']): Problem[] {
  const announcedOn = asDate(values.announcedOn);
  const auctionOn = asDate(values.auctionOn);
  if (!announcedOn || !auctionOn || auctionOn < announcedOn) return [];
  const type = PROPERTY_TYPES.find((word) => word === values.propertyType);
  if (!type)
    return [
      {
        column: 'propertyType',
        level: 'warning',
        cell: true,
        message: `${headers.propertyType}为空，无法核对拍卖公告期（${rule.source}）`,
      },
    ];
  const gap = diffDays(auctionOn, announcedOn);
  const least = rule.minDays[type];
  if (gap >= least) return [];
  return [
    {
      column: 'announcedOn',
      level: 'error',
      message:
        `${headers.announcedOn}「${announcedOn}」距${headers.auctionOn}「${auctionOn}」仅 ${gap} 日：` +
        `拍卖${type}应在拍卖 ${least} 日前公告（${rule.source}）`,
    },
  ];
}

function checkOutcome(values: RowValues, headers: Record<string, string>): Problem[] {
  const dealt = values.outcome === '成交';
  if (dealt && typeof values.dealPrice !== 'number')
    return [{ column: 'dealPrice', level: 'warning', message: `${headers.outcome}为「成交」，${headers.dealPrice}为空` }];
  if (!dealt && typeof values.dealPrice === 'number') {
    return [{ column: 'dealPrice', level: 'warning', message: `已填${headers.dealPrice}，但${headers.outcome}不是「成交」，请核对` }];
  }
  if (typeof values.outcome === 'string' && !asDate(values.auctionOn) && values.outcome !== '和解' && values.outcome !== '撤回') {
    return [{ column: 'auctionOn', level: 'warning', message: `已填${headers.outcome}「${values.outcome}」，${headers.auctionOn}为空` }];
  }
  return [];
}

/** Where the disposal stands: its outcome once there is one, else the last step taken. */
function phaseOf(values: RowValues, nodes: NodeResult[]): string {
  if (typeof values.outcome === 'string') return values.outcome;
  if (asDate(values.announcedOn)) return '拍卖公告中';
  if (nodes.some((node) => node.id === 'saleStart')) return '待启动拍卖';
  if (asDate(values.priceRequestedOn) || asDate(values.priceReportOn)) return '定价中';
  if (asDate(values.rulingOn) || asDate(values.seizedOn)) return '待定价';
  return asDate(values.foundOn) ? '待裁定' : '';
}
