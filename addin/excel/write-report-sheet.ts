// Writes the 周通报 sheet into the open workbook: one Excel.run, the sheet names read once, then
// every write queued and sent in one sync. A sheet of the same week is replaced. The column chart
// of the team figures needs the chart API (ExcelApi 1.1); column widths need ExcelApi 1.2.

import type { WeeklyReport } from '../../service/domain/report/weekly-report.ts';
import { freeName, reportSheet } from '../report-sheet.ts';
import type { WrittenReportSheet } from '../taskpane/host.ts';

const HEADER_FILL = '#D9E1F2';

export async function writeReportSheet(report: WeeklyReport): Promise<WrittenReportSheet> {
  const plan = reportSheet(report);
  const requirements = Office.context.requirements;
  const charts = requirements.isSetSupported('ExcelApi', '1.1');
  const widths = requirements.isSetSupported('ExcelApi', '1.2');
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items');
    await context.sync();

    // The old sheet of this week goes once the new one is there, so a workbook never loses its last sheet.
    const names = new Set(sheets.items.map((sheet) => sheet.name));
    const old = sheets.items.find((sheet) => sheet.name === plan.name);
    if (old) old.name = freeName(`${plan.name}（旧）`, names);
    const sheet = sheets.add(plan.name);
    const range = sheet.getRange(plan.address);
    range.numberFormat = plan.numberFormats;
    range.values = plan.values;
    sheet.getRange(plan.title).format.font.size = 16;
    for (const address of [plan.title, ...plan.captions, ...plan.headers]) sheet.getRange(address).format.font.bold = true;
    for (const address of plan.headers) sheet.getRange(address).format.fill.color = HEADER_FILL;
    if (widths) for (const { columns, points } of plan.columnWidths) sheet.getRange(columns).format.columnWidth = points;
    if (charts) {
      const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange(plan.chart.source), Excel.ChartSeriesBy.columns);
      chart.title.text = plan.chart.title;
      chart.setPosition(plan.chart.topLeft, plan.chart.bottomRight);
    }
    old?.delete();
    sheet.activate();
    await context.sync();
    return { name: plan.name, chart: charts };
  });
}
