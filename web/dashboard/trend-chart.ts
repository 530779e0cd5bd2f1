// The 看板's 12-week trend, drawn by ECharts from the option the 周通报's docx uses too
// (client/charts). Only the parts the chart needs are bundled: the core, bar and line charts, their
// components and the canvas renderer, all served by our service with the page.

import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { trendChartOption } from '../../client/charts/index.ts';
import type { TrendWeek } from '../../client/contract.ts';

use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

let chart: EChartsType | null = null;
let watcher: ResizeObserver | null = null;

export function drawTrend(box: HTMLElement, weeks: readonly TrendWeek[]): void {
  if (!chart) {
    chart = init(box);
    // The box changes size with the window and with the wall layout; the canvas follows it.
    watcher = new ResizeObserver(() => chart?.resize());
    watcher.observe(box);
  }
  chart.setOption(trendChartOption(weeks, 'full'), { notMerge: true });
}

export function clearTrend(): void {
  watcher?.disconnect();
  chart?.dispose();
  chart = null;
  watcher = null;
}
