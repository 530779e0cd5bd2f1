// Evaluates one property under disposal: the auction ruling, the reference price (price.ts), the
// start of the sale once the price is settled, and the announcement period of the online auction
// by property type.

import { asDate } from '../../civil-date.ts';
import type { AnyLedger, EvalContext, NodeResult, RowEvaluation, RowInput, RowValues } from '../../ledger.ts';
import { computeNodes, summarizeNodes } from '../../nodes.ts';
import type { Problem } from '../../problem.ts';
import { checkDateOrder, headersOf } from '../../row.ts';
import { lookUpCase } from '../cases/lookup.ts';
import { checkAnnouncement, reAuctionOf, roundOf } from './auction.ts';
import { priceStage } from './price.ts';
import type { DisposalsRules } from './rules.ts';
import { checkValidity } from './validity.ts';

export function evaluateDisposal(ledger: AnyLedger, row: RowInput, context: EvalContext<DisposalsRules>): RowEvaluation {
  const { rules, asOf, calendar } = context;
  const headers = headersOf(ledger);
  const problems: Problem[] = [];
  const price = priceStage({ values: row.values, headers, rules, asOf, calendar });
  problems.push(...price.problems);

  const round = roundOf(row.values);
  const reAuction = reAuctionOf({ values: row.values, headers, rules, calendar });
  problems.push(...reAuction.problems);

  // The objection period is informational: it shows, but never becomes the row's next node or alert.
  const values: RowValues = { ...row.values, objectionEndedOn: price.objectionEndedOn, reAuctionAnnouncedOn: reAuction.announcedOn };
  const { nodes, warnings } = computeNodes(ledger.nodes, {
    values,
    headers,
    calendar,
    asOf,
    configs: { ...price.configs, reAuction: rules.reAuction.within },
    warnDefaults: context.warnDefaults,
    // Past the first round the sale has started: the 拍卖公告日期 on the row is a later round's.
    derived: { ...price.dues, saleStartDue: round === '一拍' ? price.dues.saleStartDue : null, reAuctionDue: reAuction.due },
  });
  for (const warning of warnings) problems.push({ column: 'caseNo', level: 'warning', message: warning.message });

  problems.push(...checkAnnouncement(row.values, headers, rules));
  problems.push(...checkValidity({ values: row.values, headers, rules, calendar }));
  problems.push(...checkOutcome(row.values, headers));
  for (const order of [
    ['foundOn', 'rulingOn'],
    ['foundOn', 'priceRequestedOn', 'priceReportOn', 'reportServedOn'],
    ['seizedOn', 'priceRequestedOn', 'priceReportOn'],
    ['priceReportOn', 'priceValidUntil'],
    ['priceReportOn', 'objectionFiledOn', 'objectionDecidedOn'],
    ['announcedOn', 'auctionOn'],
  ]) {
    problems.push(...checkDateOrder(ledger.columns, row.values, order));
  }
  if (!context.statusOnly) problems.push(...lookUpCase(row.values, context.view, headers.caseNo).problems);

  return {
    status: {
      phase: phaseOf(row.values, nodes, price.objectionPending),
      ...summarizeNodes(nodes.filter((node) => !informational(ledger, node.id))),
    },
    nodes,
    problems,
    fixed: undefined,
  };
}

function informational(ledger: AnyLedger, nodeId: string): boolean {
  return ledger.nodes.some((rule) => rule.id === nodeId && rule.informational);
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

/** Where the disposal stands: its outcome once there is one, else the last step taken; past the first round, the round's. */
function phaseOf(values: RowValues, nodes: NodeResult[], objectionPending: boolean): string {
  const round = roundOf(values);
  const later = round === '一拍' ? '' : round;
  if (nodes.some((node) => node.id === 'reAuction' && node.doneOn === null)) return '待再次拍卖';
  if (typeof values.outcome === 'string') return `${later}${values.outcome}`;
  if (asDate(values.announcedOn)) return `${later || '拍卖'}公告中`;
  if (round === '变卖') return '待变卖';
  if (objectionPending) return '异议处理中';
  if (nodes.some((node) => node.id === 'saleStart')) return '待启动拍卖';
  if (asDate(values.priceRequestedOn) || asDate(values.priceReportOn)) return '定价中';
  if (asDate(values.rulingOn) || asDate(values.seizedOn)) return '待定价';
  return asDate(values.foundOn) ? '待裁定' : '';
}
