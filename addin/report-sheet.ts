// The add-in's 周通报 sheet, as plain data: the report JSON laid out from A1 in the same blocks as
// the service's xlsx (one shared layout), with the ranges to format and the chart's source. The
// Excel layer (excel/write-report-sheet.ts) only writes this.

import { columnWidths, NUMBER_FORMATS, reportGrid, reportLayout, TEAM_CHART_COLUMNS } from '../service/domain/report/layout.ts';
import type { WeeklyReport } from '../service/domain/report/weekly-report.ts';
import { columnLetters } from './sheet/addresses.ts';
import { serviceText } from './sheet/cell-values.ts';

export type SheetValue = string | number;

export interface ReportSheet {
  /** 周通报 2026-W48 */
  name: string;
  /** The range written at once, from A1, and its values and number formats (rectangular). */
  address: string;
  values: SheetValue[][];
  numberFormats: string[][];
  /** Each column's width in points, by its address (A:A). */
  columnWidths: Array<{ columns: string; points: number }>;
  /** The title cell, the section captions and the header rows: set in bold; the headers also filled. */
  title: string;
  captions: string[];
  headers: string[];
  /** The teams block (team names and counts) the column chart is drawn from, and where the chart goes. */
  chart: { title: string; source: string; topLeft: string; bottomRight: string };
}

const CHART_ROWS = 16;
/** Points per character of Excel's default font, to turn the layout's widths into columnWidth. */
const POINTS_PER_CHARACTER = 6;

export function reportSheet(report: WeeklyReport): ReportSheet {
  const layout = reportLayout(report);
  const grid = reportGrid(layout);
  const width = grid.width;
  const values = grid.rows.map((row) =>
    Array.from({ length: width }, (_, c): SheetValue => {
      const cell = row[c];
      if (!cell) return '';
      return typeof cell.value === 'string' ? serviceText(cell.value) : cell.value;
    }),
  );
  const numberFormats = grid.rows.map((row) => Array.from({ length: width }, (_, c) => NUMBER_FORMATS[row[c]?.format ?? 'text']));
  const lastColumn = columnLetters(width - 1);
  const { headerRow, lastRow } = grid.teams;
  const chartColumn = columnLetters(width + 1);
  return {
    name: layout.title,
    address: `A1:${lastColumn}${grid.rows.length}`,
    values,
    numberFormats,
    columnWidths: columnWidths(grid).map((width, c) => ({
      columns: `${columnLetters(c)}:${columnLetters(c)}`,
      points: width * POINTS_PER_CHARACTER,
    })),
    title: 'A1',
    captions: grid.captionRows.map((r) => `A${r + 1}`),
    headers: grid.headerRows.map((r) => `A${r + 1}:${columnLetters(grid.rows[r].length - 1)}${r + 1}`),
    chart: {
      title: `${layout.title} 各团队收结案`,
      source: `A${headerRow + 1}:${columnLetters(TEAM_CHART_COLUMNS - 1)}${lastRow + 1}`,
      topLeft: `${chartColumn}${headerRow + 1}`,
      bottomRight: `${columnLetters(width + 9)}${headerRow + CHART_ROWS}`,
    },
  };
}

/** A sheet name not yet taken: the wanted one, else numbered (周通报 2026-W48（旧）2). */
export function freeName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name); n += 1) name = `${wanted}${n}`;
  return name;
}
