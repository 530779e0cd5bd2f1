// One palette and font list for every chart, so the docx's figures and the dashboard's read alike.

export const CHART_COLORS = {
  received: '#4472c4',
  closed: '#70ad47',
  open: '#a5a5a5',
  overdue: '#c00000',
  closeRate: '#ed7d31',
} as const;

/** CJK sans-serif faces by the names Windows, Kylin/UOS and Debian give them; the server's renderer picks the first it holds. */
export const CHART_FONT = "'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', sans-serif";
