// The bureau's last weeks (GET /api/reports/trend) as a chart (ECharts option, no DOM): 收案 and
// 结案 as bars, 超期未结 as a line, and 结案率 as a dashed line on a percent axis of its own. 'small'
// is the docx's figure (a short legend, week numbers only); 'full' the dashboard's.

import type { EChartsOption } from 'echarts';
import type { TrendWeek } from '../contract.ts';
import { CHART_COLORS, CHART_FONT } from './style.ts';

type TrendPoint = Pick<TrendWeek, 'week'> & { bureau: Pick<TrendWeek['bureau'], 'received' | 'closed' | 'overdue' | 'closeRate'> };

export type TrendChartSize = 'small' | 'full';

/** '2026-W48' → '第48周' (small) or '2026-W48' (full). */
function weekLabel(week: string, size: TrendChartSize): string {
  return size === 'small' ? `第${Number(week.slice(week.indexOf('W') + 1))}周` : week;
}

export function trendChartOption(weeks: readonly TrendPoint[], size: TrendChartSize): EChartsOption {
  const small = size === 'small';
  const fontSize = small ? 11 : 13;
  const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT, fontSize },
    title: {
      text: `近${weeks.length}周收结案趋势`,
      left: 'center',
      top: 2,
      textStyle: { fontSize: small ? 13 : 16, fontFamily: CHART_FONT },
    },
    legend: { top: small ? 22 : 30, itemWidth: small ? 14 : 25, textStyle: { fontSize, fontFamily: CHART_FONT } },
    grid: { left: 44, right: 44, top: small ? 50 : 64, bottom: small ? 28 : 36 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: weeks.map((week) => weekLabel(week.week, size)), axisLabel: { fontSize } },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: { fontSize } },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize }, splitLine: { show: false } },
    ],
    series: [
      { name: '收案', type: 'bar', data: weeks.map((week) => week.bureau.received), itemStyle: { color: CHART_COLORS.received } },
      { name: '结案', type: 'bar', data: weeks.map((week) => week.bureau.closed), itemStyle: { color: CHART_COLORS.closed } },
      {
        name: '超期未结',
        type: 'line',
        data: weeks.map((week) => week.bureau.overdue),
        itemStyle: { color: CHART_COLORS.overdue },
        lineStyle: { width: 2 },
      },
      {
        name: '结案率',
        type: 'line',
        yAxisIndex: 1,
        data: weeks.map((week) => percent(week.bureau.closeRate)),
        itemStyle: { color: CHART_COLORS.closeRate },
        lineStyle: { type: 'dashed', width: 2 },
        connectNulls: false,
      },
    ],
  };
}
