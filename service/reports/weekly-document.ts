// The 周通报 as a Word document (issue 14): an official document (service/documents) holding the
// summary written from the figures, the team and node tables of the xlsx, the team chart and a
// small 12-week trend, and each team's longest-overdue cases named. Every figure is the report's.

import { teamChartOption, trendChartOption } from '../../client/charts/index.ts';
import { addDays, type CivilDate } from '../domain/civil-date.ts';
import { formatYuan } from '../domain/normalize/index.ts';
import { nodeBlock, teamBlock, type LayoutBlock, type LayoutCell } from '../domain/report/layout.ts';
import { OVERDUE_SHOWN_PER_TEAM, overdueByTeam, type TeamOverdue } from '../domain/report/overdue-by-team.ts';
import { issueNumberOf, type ReportSettings } from '../domain/report/report-settings.ts';
import { percentText, reportSummary } from '../domain/report/summary.ts';
import type { TrendWeek } from '../domain/report/trend.ts';
import type { WeeklyReport } from '../domain/report/weekly-report.ts';
import {
  bodyParagraph,
  borderedTable,
  chineseDate,
  figure,
  heading,
  officialDocumentBytes,
  tableNote,
  type TableOptions,
  type TableValue,
} from '../documents/official-document.ts';
import { chartPng } from './chart-image.ts';

export interface WeeklyDocumentInput {
  report: WeeklyReport;
  settings: ReportSettings;
  /** The trend's weeks up to the report's, oldest first (the report's own week last). */
  trend: TrendWeek[];
  /** The date the document bears (成文日期). */
  issuedOn: CivilDate;
  /** Font files for the charts beyond the system's (REPORT_CHART_FONT). */
  fontFiles?: readonly string[];
}

const TEAM_CHART = { width: 640, height: 300 };
const TREND_CHART = { width: 640, height: 220 };
/** The charts in the document, in pixels at 96 per inch: the 版心's width is 156 mm, about 590 px. */
const FIGURE_WIDTH = 580;

function cellValue(cell: LayoutCell): TableValue {
  if (typeof cell.value === 'string') return cell.value;
  if (cell.format === 'percent') return percentText(cell.value);
  if (cell.format === 'amount') return formatYuan(cell.value);
  if (cell.format === 'decimal') return cell.value.toFixed(1);
  return cell.value;
}

function blockTable(block: LayoutBlock, options: TableOptions) {
  return borderedTable(
    block.header,
    block.rows.map((row) => row.map(cellValue)),
    options,
  );
}

/** 关于2026年第48周执行工作情况的通报: the week's dates follow in the body, a title that fits on one line. */
function documentTitle(report: WeeklyReport): string {
  const [year, week] = report.week.split('-W');
  return `关于${year}年第${Number(week)}周执行工作情况的通报`;
}

/** 统计周为2026年11月23日至11月29日，数据截至11月29日 */
function periodSentence(report: WeeklyReport): string {
  const day = (date: CivilDate) => chineseDate(date).slice(5);
  return `统计周为${chineseDate(report.from)}至${day(report.to)}，数据截至${day(report.asOf)}；未结、超期未结、临期均为截至该日的数字。`;
}

function overdueSection(teams: TeamOverdue[]) {
  const shown = teams.flatMap(({ team, total, shown, more }, index) => [
    heading(`（${CHINESE_COUNT[index] ?? index + 1}）${team}：超期未完成 ${total} 件`, 2),
    borderedTable(
      ['案号', '节点', '期限', '超期天数', '承办人'],
      shown.map((node) => [node.caseNo, nodeName(node), node.dueOn, node.daysOverdue, node.handler]),
      { widths: [5.4, 3.6, 2.2, 1.3, 3.5], size: 'no5' },
    ),
    ...(more > 0 ? [tableNote(`另有 ${more} 件，见同期 Excel 周通报的超期节点清单。`)] : [tableNote('')]),
  ]);
  return teams.length > 0 ? shown : [bodyParagraph('截至统计日，各台账没有超期未完成的节点。')];
}

const CHINESE_COUNT = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const CASES_LEDGER = '执行案件流转台账';

/** A node of a ledger other than the cases one is named with its ledger, as in the node table: 案款·发放. */
function nodeName(node: WeeklyReport['overdue'][number]): string {
  return node.ledger === CASES_LEDGER ? node.node : `${node.ledger.replace(/台账$/, '')}·${node.node}`;
}

export async function weeklyDocument({ report, settings, trend, issuedOn, fontFiles = [] }: WeeklyDocumentInput): Promise<Buffer> {
  const lastWeek = trend.find((week) => week.to === addDays(report.from, -1))?.bureau ?? null;
  const summary = reportSummary(report, lastWeek).map((sentence) => sentence.text);
  const issue = issueNumberOf(report.week, settings);
  const teamChart = chartPng(teamChartOption(report.teams), TEAM_CHART, fontFiles);
  const trendChart = chartPng(trendChartOption(trend, 'small'), TREND_CHART, fontFiles);
  const height = (size: { width: number; height: number }) => Math.round((FIGURE_WIDTH * size.height) / size.width);
  return officialDocumentBytes({
    masthead: '执行工作周通报',
    issue: issue === null ? '' : `第${issue}期`,
    unit: `${settings.court}${settings.unit}`,
    date: issuedOn,
    title: documentTitle(report),
    issuedBy: settings.signedBy,
    body: [
      heading('一、总体情况', 1),
      bodyParagraph(summary.length > 0 ? summary.join('') : '本周各团队没有收案、结案，也没有超期未结的案件。'),
      bodyParagraph(periodSentence(report)),
      ...figure(trendChart, FIGURE_WIDTH, height(TREND_CHART), `图1 近${trend.length}周收结案趋势`),
      heading('二、各团队收结案情况', 1),
      blockTable(teamBlock(report), { widths: [2, 1.9, 1.2, 1, 1.2, 1, 1.2, 1.9], size: 'no5' }),
      ...figure(teamChart, FIGURE_WIDTH, height(TEAM_CHART), '图2 各团队收结案情况'),
      heading('三、流程节点', 1),
      blockTable(nodeBlock(report), { widths: [3.4, 1, 1, 1, 1.2] }),
      heading('四、超期未完成的案件', 1),
      bodyParagraph(`按团队列出超期时间最长的案件节点，每个团队至多 ${OVERDUE_SHOWN_PER_TEAM} 件；完整清单见同期 Excel 周通报。`),
      ...overdueSection(overdueByTeam(report.overdue)),
    ],
  });
}
