// A team's 分案清单 as an official document (docx): the 版头 with the court's unit and the day, the
// title 「速执团队分案清单」, a line with the day and the counts, the list as a ruled table on a
// turned A4 page (eleven columns do not fit the upright 版心), and the 落款 from the report settings.

import type { AssignmentList, ListColumn } from '../domain/assignment-list.ts';
import { displayWidth } from '../domain/report/layout.ts';
import type { ReportSettings } from '../domain/report/report-settings.ts';
import { bodyParagraph, borderedTable, officialDocumentBytes, tableNote, textWidthOf } from '../documents/official-document.ts';
import { listHeading } from './heading.ts';

const LANDSCAPE = { orientation: 'landscape' } as const;
/** A column's share of the width: its widest cell, within bounds (a long name wraps rather than squeezing the dates). */
const SHARE = { min: 6, max: 24, sampled: 500 };

export function assignmentDocument(list: AssignmentList, settings: ReportSettings): Promise<Buffer> {
  const heading = listHeading(list);
  const rows = list.rows.map((row) => list.columns.map((column) => String(row.cells[column.id] ?? '')));
  const widths = list.columns.map((column) => share(column, rows, list.columns.indexOf(column)));
  return officialDocumentBytes({
    ...LANDSCAPE,
    masthead: '分案清单',
    issue: '',
    unit: `${settings.court}${settings.unit}`,
    date: list.date ?? list.asOf,
    title: heading.title,
    body: [
      bodyParagraph(heading.line),
      borderedTable(
        list.columns.map((column) => column.header),
        rows,
        { widths, size: 'no5', textWidth: textWidthOf(LANDSCAPE) },
      ),
      ...(rows.length === 0 ? [tableNote('（无）')] : []),
    ],
    issuedBy: settings.signedBy,
  });
}

function share(column: ListColumn, rows: string[][], index: number): number {
  const widest = rows.slice(0, SHARE.sampled).reduce((most, row) => Math.max(most, displayWidth(row[index])), displayWidth(column.header));
  return Math.min(SHARE.max, Math.max(SHARE.min, widest));
}
