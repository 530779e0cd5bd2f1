// A chart (an ECharts option from client/charts) as a PNG, made on the server with nothing fetched:
// ECharts draws it as SVG without a DOM (server-side rendering), resvg rasterises the SVG. resvg
// draws text only in fonts it has loaded: the system's fonts (a CJK one must be installed, e.g.
// fonts-wqy-microhei or fonts-noto-cjk), and the file REPORT_CHART_FONT names when set.

import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

export interface ChartSize {
  /** In CSS pixels; the PNG holds `scale` times as many for print. */
  width: number;
  height: number;
}

const SCALE = 2;

export function chartSvg(option: EChartsOption, { width, height }: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as a PNG on white, `fontFiles` loaded beside the system's fonts. */
export function chartPng(option: EChartsOption, size: ChartSize, fontFiles: readonly string[] = []): Buffer {
  const resvg = new Resvg(chartSvg(option, size), {
    background: '#ffffff',
    fitTo: { mode: 'width', value: size.width * SCALE },
    font: { loadSystemFonts: true, fontFiles: [...fontFiles], defaultFontFamily: 'WenQuanYi Micro Hei' },
  });
  return resvg.render().asPng();
}
