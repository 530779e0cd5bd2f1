// How the service's own cells look, in templates and annotated workbooks alike: system columns
// apart from the clerk's, 预警 in the colours of SPEC §9, number formats by column type.

import { excelNumberFormat } from '../domain/column-formats.ts';
import type { Alignment, Borders, Fill, Font, Style } from 'exceljs';
import type { ColumnType } from '../domain/normalize/index.ts';
import type { NodeState, SystemColumnType } from '../domain/ledger.ts';

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const thin = { style: 'thin' as const, color: { argb: 'FFB7C4D6' } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_ALIGNMENT: Partial<Alignment> = { vertical: 'middle', horizontal: 'center', wrapText: true };

export const INPUT_HEADER_STYLE: Partial<Style> = {
  font: { bold: true },
  fill: solid('FFF2F2F2'),
  border: BORDER,
  alignment: HEADER_ALIGNMENT,
};

/** System columns: blue-grey header, pale blue cells, so no clerk mistakes them for their own. */
export const SYSTEM_HEADER_STYLE: Partial<Style> = {
  font: { bold: true, color: { argb: 'FF1F3864' } },
  fill: solid('FFD9E1F2'),
  border: BORDER,
  alignment: HEADER_ALIGNMENT,
};

const SYSTEM_CELL_FILL = solid('FFF3F6FB');
const SYSTEM_FONT: Partial<Font> = { color: { argb: 'FF1F3864' } };

/** Number formats of the system columns; text is '@' so nothing written can turn into a formula. */
export const SYSTEM_NUMBER_FORMATS: Record<SystemColumnType, string> = {
  text: '@',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  integer: '0',
  number: '0.##',
};

/** Number formats of input columns in a template: the project's formats by type, and free text kept as text too. */
export function inputNumberFormat(type: ColumnType): string | undefined {
  return excelNumberFormat(type) ?? (type === 'text' || type === 'tags' ? '@' : undefined);
}

/** 预警 colours (Excel's Bad / Neutral / Good): 超期 red, 临期 amber, 正常 green. */
const ALERT_COLOURS: Partial<Record<NodeState, { fill: string; font: string }>> = {
  超期: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  临期: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  正常: { fill: 'FFC6EFCE', font: 'FF006100' },
};

const cellStyles = new Map<string, Partial<Style>>();

/**
 * The style of a system cell. One shared object per kind: tens of thousands of cells get the same
 * few styles, and the annotation's writer (styles-part.ts) adds each once, knowing it by identity.
 */
export function systemCellStyle(type: SystemColumnType, alert?: string): Partial<Style> {
  const colours = alert ? ALERT_COLOURS[alert as NodeState] : undefined;
  const key = `${type}|${colours ? alert : ''}`;
  let style = cellStyles.get(key);
  if (!style) {
    style = {
      numFmt: SYSTEM_NUMBER_FORMATS[type],
      font: colours ? { bold: true, color: { argb: colours.font } } : SYSTEM_FONT,
      fill: colours ? solid(colours.fill) : SYSTEM_CELL_FILL,
      border: BORDER,
    };
    cellStyles.set(key, style);
  }
  return style;
}

const listAlertStyles = new Map<string, Partial<Style>>();

/** A 预警 cell of a list the service writes (分案清单): the alert's colours, ruled; undefined for another word. */
export function alertCellStyle(alert: string): Partial<Style> | undefined {
  const colours = ALERT_COLOURS[alert as NodeState];
  if (!colours) return undefined;
  let style = listAlertStyles.get(alert);
  if (!style) {
    style = { font: { bold: true, color: { argb: colours.font } }, fill: solid(colours.fill), border: BORDER, numFmt: '@' };
    listAlertStyles.set(alert, style);
  }
  return style;
}

/** Fills of the clerk's cells that have problems, laid over their own formatting by a conditional format. */
export const MARK_FILLS = {
  error: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } as Fill,
  warning: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFEB9C' } } as Fill,
};

/** Column widths in characters, by what the column holds. */
export function columnWidth(header: string, type: string): number {
  const byType: Record<string, number> = {
    date: 12,
    datetime: 17,
    caseNo: 24,
    personId: 21,
    creditCode: 21,
    partyId: 21,
    amount: 16,
    tags: 24,
  };
  const headerWidth = [...header].reduce((width, char) => width + (char.charCodeAt(0) > 0xff ? 2 : 1), 0) + 2;
  return Math.max(byType[type] ?? 12, Math.min(headerWidth, 30));
}

/** Wider columns for the explanations the service writes. */
export const SYSTEM_COLUMN_WIDTHS: Record<string, number> = { remarks: 60, triageBasis: 40, rowId: 38 };
