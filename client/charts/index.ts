// ECharts options for the report's charts, shared by the server's docx rendering and the web page.

export { teamChartOption } from './team-chart.ts';
export { trendChartOption, type TrendChartSize } from './trend-chart.ts';
export { CHART_COLORS, CHART_FONT } from './style.ts';
