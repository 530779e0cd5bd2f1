// The team figures of a weekly report as a bar chart (ECharts option, no DOM): the 周通报 docx
// renders it on the server, the web page's dashboard draws it in the browser.

import type { EChartsOption } from 'echarts';
import type { WeeklyReport } from '../contract.ts';
import { CHART_COLORS, CHART_FONT } from './style.ts';

type TeamRow = Pick<WeeklyReport['teams'][number], 'team' | 'received' | 'closed' | 'open' | 'overdue'>;

const SERIES: Array<{ name: string; figure: keyof Omit<TeamRow, 'team'>; color: string }> = [
  { name: '本周收案', figure: 'received', color: CHART_COLORS.received },
  { name: '本周结案', figure: 'closed', color: CHART_COLORS.closed },
  { name: '未结', figure: 'open', color: CHART_COLORS.open },
  { name: '超期未结', figure: 'overdue', color: CHART_COLORS.overdue },
];

/** Each team's 本周收案, 本周结案, 未结 and 超期未结 side by side, with the count on each bar. */
export function teamChartOption(teams: readonly TeamRow[]): EChartsOption {
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    title: { text: '各团队收结案情况', left: 'center', top: 4, textStyle: { fontSize: 16, fontFamily: CHART_FONT } },
    legend: { top: 30, textStyle: { fontFamily: CHART_FONT } },
    grid: { left: 48, right: 16, top: 64, bottom: 36 },
    xAxis: { type: 'category', data: teams.map((team) => team.team), axisLabel: { interval: 0, fontSize: 13 } },
    yAxis: { type: 'value', minInterval: 1 },
    tooltip: { trigger: 'axis' },
    series: SERIES.map(({ name, figure, color }) => ({
      name,
      type: 'bar',
      data: teams.map((team) => team[figure]),
      itemStyle: { color },
      label: { show: true, position: 'top', fontSize: 11 },
    })),
  };
}
