// How long a reference price holds (参考价规定 第二十七条): a result is valid for the period its report
// states, one year at most; the first auction is announced within it, and an auction held more than
// six months after it needs a new price.

import type { Calendar } from '../../calendar.ts';
import { asDate, type CivilDate } from '../../civil-date.ts';
import type { RowValues } from '../../ledger.ts';
import { countPeriod, describePeriod } from '../../periods.ts';
import type { Problem } from '../../problem.ts';
import { roundOf } from './auction.ts';
import type { DisposalsRules } from './rules.ts';

interface Inputs {
  values: RowValues;
  headers: Record<string, string>;
  rules: DisposalsRules;
  calendar: Calendar;
}

export function checkValidity(inputs: Inputs): Problem[] {
  const { values, headers, rules } = inputs;
  const rule = rules.validity;
  const valid = validUntil(inputs);
  if (!valid) return [];
  const problems: Problem[] = [...valid.problems];
  const until = `${valid.on}${valid.assumed ? `，按${headers.priceReportOn}起最长${describePeriod(rule.longest)}推算` : ''}`;
  const announcedOn = asDate(values.announcedOn);
  // Past the first round the announcement on the row is a later round's: the first one was checked then.
  if (announcedOn && roundOf(values) === '一拍' && announcedOn > valid.on) {
    const message =
      `${headers.announcedOn}「${announcedOn}」晚于参考价有效期（至 ${until}）：` +
      `未在有效期内发布一拍拍卖公告的，应当通知重新出具报告、重新确定参考价（${rule.source}）`;
    problems.push({ column: 'announcedOn', level: 'warning', message });
  }
  const auctionOn = asDate(values.auctionOn);
  const latest = countPeriod(inputs.calendar, { date: valid.on, label: '参考价有效期届满日' }, rule.auctionGrace, { roll: false }).dueOn;
  if (auctionOn && auctionOn > latest) {
    const message =
      `${headers.auctionOn}「${auctionOn}」已超过参考价有效期（至 ${until}）${describePeriod(rule.auctionGrace)}（${latest}）：` +
      `应当重新确定参考价（${rule.source}）`;
    problems.push({ column: 'auctionOn', level: 'warning', message });
  }
  return problems;
}

/** The last day the price is valid: the clerk's 参考价有效期至, at most the longest validity from the report. */
function validUntil({ values, headers, rules, calendar }: Inputs): { on: CivilDate; assumed: boolean; problems: Problem[] } | null {
  const rule = rules.validity;
  const entered = asDate(values.priceValidUntil);
  const reportOn = asDate(values.priceReportOn);
  const longest = reportOn
    ? countPeriod(calendar, { date: reportOn, label: headers.priceReportOn }, rule.longest, { inclusive: true }).dueOn
    : null;
  if (!longest) return entered ? { on: entered, assumed: false, problems: [] } : null;
  if (!entered) return { on: longest, assumed: true, problems: [] };
  if (entered <= longest) return { on: entered, assumed: false, problems: [] };
  const message =
    `${headers.priceValidUntil}「${entered}」超过${headers.priceReportOn}起${describePeriod(rule.longest)}（至 ${longest}）：` +
    `有效期最长不得超过${describePeriod(rule.longest)}，按 ${longest} 核对（${rule.source}）`;
  return { on: longest, assumed: false, problems: [{ column: 'priceValidUntil', level: 'warning', message }] };
}
