// The trend (issue 14): a few figures of each of the last weeks, taken from each week's weekly
// report (weekly-report.ts) and never counted a second time. The bureau's figures are the sums of
// its teams' rows, as the report's team table adds up.

import { weekBefore, weekOf, type IsoWeek } from './week.ts';
import type { WeeklyReport } from './weekly-report.ts';
import type { CivilDate } from '../civil-date.ts';
import { round } from './sections/cases.ts';

export const TREND_WEEKS = { default: 12, min: 1, max: 52 } as const;

export interface TrendFigures {
  /** 本周收案 (triaged in the week), 本周结案, and closed / received (null when none was received). */
  received: number;
  closed: number;
  closeRate: number | null;
  /** 未结 and 超期未结 as of the week's Sunday. */
  open: number;
  overdue: number;
}

export interface TrendWeek {
  week: string;
  from: CivilDate;
  to: CivilDate;
  /** 'stored': read from a report kept when it was made; 'computed': built now as of the week's Sunday. */
  source: 'stored' | 'computed';
  bureau: TrendFigures;
  teams: Array<TrendFigures & { team: string }>;
  /** 案款 undisbursed past their period (the report's payments.over30). */
  paymentsOverdue: number;
  /** Measures 待解除/待删除 and controls 待撤控 (the report's measures.pendingRevocation). */
  pendingRevocation: number;
}

/** The last `count` weeks complete by `asOf` (a week is complete on its Sunday), oldest first. */
export function trendWeeks(asOf: CivilDate, count: number): IsoWeek[] {
  const current = weekOf(asOf);
  let week = asOf >= current.to ? current : weekBefore(current);
  const weeks = [week];
  while (weeks.length < count) weeks.unshift((week = weekBefore(week)));
  return weeks;
}

export function trendWeek(report: WeeklyReport, source: TrendWeek['source']): TrendWeek {
  const teams = report.teams.map(({ team, received, closed, closeRate, open, overdue }) => ({
    team,
    received,
    closed,
    closeRate,
    open,
    overdue,
  }));
  const sum = (figure: 'received' | 'closed' | 'open' | 'overdue') => teams.reduce((total, team) => total + team[figure], 0);
  const [received, closed] = [sum('received'), sum('closed')];
  return {
    week: report.week,
    from: report.from,
    to: report.to,
    source,
    bureau: { received, closed, closeRate: received > 0 ? round(closed / received, 4) : null, open: sum('open'), overdue: sum('overdue') },
    teams,
    paymentsOverdue: report.payments.over30,
    pendingRevocation: report.measures.pendingRevocation,
  };
}
