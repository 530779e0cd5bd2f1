// The weekly report as a sheet: a title, the week, and one block per section with Chinese headers.
// The service's xlsx and the add-in's sheet 「周通报 2026-W48」 are both written from this layout, so
// they hold the same content.

import type { WeeklyReport } from './weekly-report.ts';

export type CellFormat = 'text' | 'integer' | 'amount' | 'percent' | 'decimal';
export interface LayoutCell {
  value: string | number;
  format: CellFormat;
}

/** Excel number formats, for exceljs and office.js alike. Text cells are text: a leading = or + never makes a formula. */
export const NUMBER_FORMATS: Record<CellFormat, string> = { text: '@', integer: '0', amount: '#,##0.00', percent: '0.00%', decimal: '0.0' };

export interface LayoutBlock {
  caption: string;
  header: string[];
  rows: LayoutCell[][];
}

export interface ReportLayout {
  title: string;
  subtitle: string;
  blocks: LayoutBlock[];
}

const text = (value: string): LayoutCell => ({ value, format: 'text' });
const count = (value: number): LayoutCell => ({ value, format: 'integer' });
const amount = (value: number): LayoutCell => ({ value, format: 'amount' });
const orDash = (value: number | null, format: CellFormat): LayoutCell => (value === null ? text('—') : { value, format });

/** The headers of the teams block; the first six columns (team and counts) are the chart's source. */
export const TEAM_HEADERS = ['团队', '本周收案（分流）', '本周结案', '未结', '超期未结', '临期', '结案率', '首执平均用时（日）'];
export const TEAM_CHART_COLUMNS = 6;

/** 一、各团队收结案情况: the xlsx's first block, and the docx's team table. */
export function teamBlock(report: WeeklyReport): LayoutBlock {
  return {
    caption: '一、各团队收结案情况',
    header: TEAM_HEADERS,
    rows: report.teams.map((team) => [
      text(team.team),
      count(team.received),
      count(team.closed),
      count(team.open),
      count(team.overdue),
      count(team.dueSoon),
      orDash(team.closeRate, 'percent'),
      orDash(team.avgDaysToClose, 'decimal'),
    ]),
  };
}

/** 二、流程节点: the xlsx's second block, and the docx's node table. */
export function nodeBlock(report: WeeklyReport): LayoutBlock {
  return {
    caption: '二、流程节点',
    header: ['节点', '本周到期', '按期完成', '超期完成', '超期未完成'],
    rows: report.nodes.map((node) => [
      text(node.node),
      count(node.dueThisWeek),
      count(node.doneOnTime),
      count(node.doneLate),
      count(node.openOverdue),
    ]),
  };
}

/** The report as a sheet; `heading` (the unit and 期数 of the report settings) leads the subtitle when given. */
export function reportLayout(report: WeeklyReport, heading = ''): ReportLayout {
  const { payments: p, measures: m, archive: a } = report;
  const items = (pairs: Array<[string, LayoutCell]>): LayoutCell[][] => pairs.map(([label, cell]) => [text(label), cell]);
  const triageTotal = report.triage.reduce((sum, item) => sum + item.count, 0);
  return {
    title: `周通报 ${report.week}`,
    subtitle: `${heading === '' ? '' : `${heading}；`}统计周：${report.from} 至 ${report.to}；数据截至 ${report.asOf}（未结、超期、临期等为截至该日的数字）`,
    blocks: [
      teamBlock(report),
      nodeBlock(report),
      {
        caption: '三、繁简分流',
        header: ['承办团队', '分流规则', '件数'],
        rows: [
          ...report.triage.map((item) => [text(item.team), text(item.rule), count(item.count)]),
          [text('合计'), text(''), count(triageTotal)],
          [text('其中：分流调整'), text(''), count(report.overrides)],
        ],
      },
      {
        caption: '四、案款',
        header: ['项目', '数值'],
        rows: items([
          ['本周到账（笔）', count(p.received)],
          ['本周到账金额（元）', amount(p.receivedAmount)],
          ['到账未通知（笔）', count(p.unnotified)],
          ['提醒阶段（笔）', count(p.remind)],
          ['通报阶段（笔）', count(p.report)],
          ['暂缓发放（笔）', count(p.held)],
          ['超过发放期限未发放（笔）', count(p.over30)],
          ['超过发放期限未发放金额（元）', amount(p.over30Amount)],
          ['待发放金额（元）', amount(p.pendingAmount)],
        ]),
      },
      {
        caption: '五、强制措施与惩戒',
        header: ['项目', '数值'],
        rows: items([
          ['拘传（人次）', count(m.summons)],
          ['拘留（人次）', count(m.detentions)],
          ['罚款（件）', count(m.fines)],
          ['罚款金额（元）', amount(m.fineAmount)],
          ['人员临控（件）', count(m.personControls)],
          ['车辆临控（件）', count(m.vehicleControls)],
          ['律师调查令签发（份）', count(m.ordersIssued)],
          ['律师调查令逾期未交回（份）', count(m.ordersOverdue)],
          ['拒执移送公安（件）', count(m.refusalsTransferred)],
          ['查控惩戒措施生效/发布（项）', count(m.published)],
          ['查控惩戒措施撤销/解除（项）', count(m.revoked)],
          ['待解除、待删除、待撤控（项）', count(m.pendingRevocation)],
          ['到期未续行失效（项）', count(m.lapsed)],
        ]),
      },
      {
        caption: '六、归档',
        header: ['项目', '数值'],
        rows: items([
          ['本周结案（件）', count(a.closed)],
          ['本周按期归档（件）', count(a.archivedOnTime)],
          ['超期未归档（件）', count(a.archiveOverdue)],
        ]),
      },
      {
        caption: `七、超期节点清单（截至 ${report.asOf}，共 ${report.overdue.length} 项）`,
        header: ['台账', '案号', '节点', '期限', '超期天数', '承办团队', '承办人'],
        rows: report.overdue.map((item) => [
          text(item.ledger),
          text(item.caseNo),
          text(item.node),
          text(item.dueOn),
          count(item.daysOverdue),
          text(item.team),
          text(item.handler),
        ]),
      },
      {
        caption: '说明',
        header: ['口径'],
        rows: [
          '收案：本周分流至该团队的案件；结案：本周结案的该团队案件；未结、超期未结、临期：截至统计日该团队未结案件及其结案期限状态。',
          '结案率 = 本周结案数 ÷ 本周收案数；首执平均用时 = 本周结案的首次执行（执字）案件自立案至结案的平均天数。',
          '流程节点：本周到期为期限在本周的节点；按期完成、超期完成为本周完成的节点；超期未完成为截至统计日已过期限仍未完成的节点。',
          '案款：暂缓发放的案款不计入提醒、通报；账龄和发放期限均不计暂缓发放的天数，暂缓前已超过发放期限的仍计入超过发放期限未发放。',
          '各台账按书记员填写的日期统计；统计日之后发生的事项不计入。身份证号、统一社会信用代码均已隐去中间位。',
        ].map((line) => [text(line)]),
      },
    ],
  };
}

/** The layout laid out from A1: its cells by row (ragged), and where the title, captions, headers and the teams block are. */
export interface ReportGrid {
  rows: LayoutCell[][];
  /** The widest row's length. */
  width: number;
  captionRows: number[];
  headerRows: number[];
  /** Rows (0-based) of the teams block's header and its last team, for the chart. */
  teams: { headerRow: number; lastRow: number };
}

export function reportGrid(layout: ReportLayout): ReportGrid {
  const rows: LayoutCell[][] = [[text(layout.title)], [text(layout.subtitle)], []];
  const captionRows: number[] = [];
  const headerRows: number[] = [];
  for (const block of layout.blocks) {
    captionRows.push(rows.length);
    rows.push([text(block.caption)]);
    headerRows.push(rows.length);
    rows.push(block.header.map(text));
    // One by one: a long overdue list would overflow the call stack as spread arguments.
    for (const row of block.rows.length > 0 ? block.rows : [[text('（无）')]]) rows.push(row);
    rows.push([]);
  }
  const teamsHeader = headerRows[0];
  return {
    rows,
    width: rows.reduce((widest, row) => Math.max(widest, row.length), 0),
    captionRows,
    headerRows,
    teams: { headerRow: teamsHeader, lastRow: teamsHeader + layout.blocks[0].rows.length },
  };
}

/** Column widths in characters, from the table cells (titles, captions and notes run across the page); a CJK character counts two. */
export function columnWidths(grid: ReportGrid): number[] {
  // One pass over the rows: the overdue list alone is 170,000 of them.
  const widest = new Array<number>(grid.width).fill(0);
  for (const row of grid.rows) {
    if (row.length < 2) continue;
    for (let c = 0; c < row.length; c++) widest[c] = Math.max(widest[c], displayWidth(String(row[c].value)));
  }
  return widest.map((width) => Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, width + 2)));
}

const COLUMN_WIDTH = { min: 8, max: 40 };

/** Characters a text takes on screen, a CJK character counting two: column widths follow it. */
export function displayWidth(text: string): number {
  // By UTF-16 unit rather than for…of, which is several times slower over a million cells; a
  // surrogate pair is one (wide) character, as for…of would count it.
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit <= 0x2e80) {
      width += 1;
      continue;
    }
    width += 2;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return width;
}
