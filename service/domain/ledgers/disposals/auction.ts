// The online auction of a property, round by round (网络司法拍卖规定): the announcement period of the
// round the row is at (一拍 第十二条, 二拍 第二十六条), and the re-auction due within 30 days of the
// first auction's 流拍. One row follows the property through its rounds: 拍卖轮次 names the round its
// 拍卖公告日期, 拍卖日期 and 结果 are about, and 流拍日期 holds the day of the latest 流拍.

import type { Calendar } from '../../calendar.ts';
import { asDate, diffDays, type CivilDate } from '../../civil-date.ts';
import type { RowValues } from '../../ledger.ts';
import { countPeriod, describePeriod, type BasedDue } from '../../periods.ts';
import type { Problem } from '../../problem.ts';
import { PROPERTY_TYPES, type DisposalsRules } from './rules.ts';

export const ROUNDS = ['一拍', '二拍', '变卖'] as const;
export type Round = (typeof ROUNDS)[number];

/** The round the row is at; a row without one is at its first auction. */
export function roundOf(values: RowValues): Round {
  return ROUNDS.find((word) => word === values.round) ?? '一拍';
}

interface Inputs {
  values: RowValues;
  headers: Record<string, string>;
  rules: DisposalsRules;
  calendar: Calendar;
}

export interface ReAuction {
  due: BasedDue | null;
  /** The announcement that closes the node: the 二拍's, made after the 流拍. */
  announcedOn: CivilDate | null;
  problems: Problem[];
}

/**
 * After the first auction's 流拍 the property is auctioned again within 30 days (第二十六条第一款): due
 * on a 一拍 row that records the 流拍, and on a 二拍 row until its own result; done by the 二拍's
 * announcement. A second 流拍 may lead to 变卖 (第二十六条第二款), which has no period.
 */
export function reAuctionOf({ values, headers, rules, calendar }: Inputs): ReAuction {
  const round = roundOf(values);
  const failedOn = asDate(values.failedOn);
  const failed = values.outcome === '流拍';
  const rule = rules.reAuction;
  const none = (problems: Problem[] = []): ReAuction => ({ due: null, announcedOn: null, problems });
  const warn = (column: string, message: string) => none([{ column, level: 'warning', message }]);
  if (round === '变卖') return none();
  if (round === '一拍' && !failed) {
    return failedOn ? warn('failedOn', `已填${headers.failedOn}，但${headers.outcome}不是「流拍」，请核对`) : none();
  }
  if (round === '二拍' && failed) return secondFailure(values, headers, failedOn);
  if (!failedOn) {
    const which = round === '一拍' ? `${headers.outcome}为「流拍」` : `${headers.round}为「二拍」`;
    return warn('failedOn', `${which}，${headers.failedOn}（一拍流拍之日）为空，无法计算再次拍卖期限（${rule.source}）`);
  }
  const counted = countPeriod(calendar, { date: failedOn, label: headers.failedOn }, rule.within.period, { roll: rule.within.roll });
  const basis = `${rule.source}：流拍后${describePeriod(rule.within.period)}内在同一网络司法拍卖平台再次拍卖（以再次拍卖的${headers.announcedOn}为准）`;
  const announcedOn = asDate(values.announcedOn);
  const again = round === '二拍' && announcedOn !== null && announcedOn >= failedOn ? announcedOn : null;
  return { due: { ...counted, basis }, announcedOn: again, problems: [] };
}

/** A 二拍 that failed too: 流拍日期 should now be its own, after its announcement. */
function secondFailure(values: RowValues, headers: Record<string, string>, failedOn: CivilDate | null): ReAuction {
  const announcedOn = asDate(values.announcedOn);
  const problems: Problem[] = [];
  if (failedOn && announcedOn && failedOn < announcedOn) {
    const message = `二拍${headers.outcome}为「流拍」，但${headers.failedOn}「${failedOn}」早于${headers.announcedOn}「${announcedOn}」：请填写二拍的流拍日期`;
    problems.push({ column: 'failedOn', level: 'warning', message });
  }
  return { due: null, announcedOn: null, problems };
}

/** The announcement period of the row's round by property type: 一拍 第十二条, 二拍 第二十六条; 变卖 is not checked. */
export function checkAnnouncement(values: RowValues, headers: Record<string, string>, rules: DisposalsRules): Problem[] {
  const announcedOn = asDate(values.announcedOn);
  const auctionOn = asDate(values.auctionOn);
  const round = roundOf(values);
  if (!announcedOn || !auctionOn || auctionOn < announcedOn || round === '变卖') return [];
  const rule = round === '二拍' ? rules.reAuction : rules.announcement;
  const type = PROPERTY_TYPES.find((word) => word === values.propertyType);
  if (!type) {
    const message = `${headers.propertyType}为空，无法核对拍卖公告期（${rule.source}）`;
    return [{ column: 'propertyType', level: 'warning', cell: true, message }];
  }
  const gap = diffDays(auctionOn, announcedOn);
  const least = rule.minDays[type];
  if (gap >= least) return [];
  const message =
    `${headers.announcedOn}「${announcedOn}」距${headers.auctionOn}「${auctionOn}」仅 ${gap} 日：` +
    `${round === '二拍' ? '再次拍卖' : '拍卖'}${type}应在拍卖 ${least} 日前公告（${rule.source}）`;
  return [{ column: 'announcedOn', level: 'error', message }];
}
