// The 周通报 sheet in WPS 表格: the same plan as in Excel (../report-sheet.ts), written through ET.
// The column chart is not drawn: ET's chart model is not among what the WPS layer is typed against
// (et.d.ts), so the pane says the table alone is written and the 周通报 document has the chart.

import type { WeeklyReport } from '../../service/domain/report/weekly-report.ts';
import { freeName, reportSheet } from '../report-sheet.ts';
import type { WrittenReportSheet } from '../taskpane/host.ts';
import { bgrOf, et, sheetNames } from './application.ts';
import { POINTS_PER_CHARACTER } from './format.ts';

const HEADER_FILL = '#D9E1F2';

export function writeReportSheet(report: WeeklyReport): WrittenReportSheet {
  const plan = reportSheet(report);
  const sheets = et().Worksheets;
  const names = new Set(sheetNames());
  // The old sheet of this week goes once the new one is there, so a workbook never loses its last sheet.
  const old = names.has(plan.name) ? sheets.Item(plan.name) : null;
  if (old) old.Name = freeName(`${plan.name}（旧）`, names);
  const sheet = sheets.Add(undefined, sheets.Item(sheets.Count));
  sheet.Name = plan.name;
  const range = sheet.Range(plan.address);
  range.NumberFormat = plan.numberFormats[0]?.[0] ?? 'General';
  plan.numberFormats.forEach((formats, r) =>
    formats.forEach((format, c) => {
      if (format !== 'General') range.Item(r + 1, c + 1).NumberFormat = format;
    }),
  );
  range.Value2 = plan.values;
  sheet.Range(plan.title).Font.Size = 16;
  for (const address of [plan.title, ...plan.captions, ...plan.headers]) sheet.Range(address).Font.Bold = true;
  for (const address of plan.headers) sheet.Range(address).Interior.Color = bgrOf(HEADER_FILL);
  for (const { columns, points } of plan.columnWidths) sheet.Range(columns).ColumnWidth = points / POINTS_PER_CHARACTER;
  old?.Delete();
  sheet.Activate();
  return { name: plan.name, chart: false };
}
