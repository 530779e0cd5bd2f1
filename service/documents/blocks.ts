// The pieces of an official document's body (GB/T 9704): paragraphs of 仿宋 3号 indented two
// characters on a 22-line grid, headings 一、 in 黑体 and （一） in 楷体, ruled tables whose header
// row repeats on every page, and figures. Sizes are in Word's units: twips (1/20 pt) and half-points.

import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { FACES, runFont, SIZE } from './fonts.ts';

/** One line of the 版心: 225 mm high holding 22 lines is 28.9 pt a line. */
export const LINE = 578;
/** Two characters of 3号 (16 pt): the first-line indent of a paragraph. */
const INDENT = 640;
/** The 版心's width, 156 mm, in twips. */
export const TEXT_WIDTH = 8844;

const bodyRun = (text: string, face: string = FACES.body, bold = false) => new TextRun({ text, font: runFont(face), size: SIZE.no3, bold });

/** A paragraph of body text; `runs` for a paragraph mixing faces (a 黑体 lead-in, then 仿宋). */
export function bodyParagraph(content: string | ParagraphChild[]): Paragraph {
  return new Paragraph({
    children: typeof content === 'string' ? [bodyRun(content)] : content,
    indent: { firstLine: INDENT },
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
  });
}

/** A run of body text in another face, e.g. the 楷体 lead-in of a paragraph. */
export function bodyText(text: string, face: 'body' | 'heading1' | 'heading2' = 'body'): TextRun {
  return bodyRun(text, FACES[face]);
}

/** 一级标题 (「一、…」) in 黑体, 二级标题 (「（一）…」) in 楷体, both 3号 indented like the body. */
export function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    children: [bodyRun(text, level === 1 ? FACES.heading1 : FACES.heading2)],
    indent: { firstLine: INDENT },
    keepNext: true,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
  });
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const RULES = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };

export type TableValue = string | number;

/** A header cell, or a data cell left-aligned in the first column (names, case numbers) and centred after it (figures). */
function tableCell(value: TableValue, header: boolean, width: number, first: boolean, size: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: header || !first ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: String(value), font: runFont(header ? FACES.heading1 : FACES.body), size })],
      }),
    ],
  });
}

export interface TableOptions {
  /** The columns' shares of the 版心's width; equal when left out. */
  widths?: readonly number[];
  /** 小4号 (the default) or 5号 for a table of many or long columns. */
  size?: 'small4' | 'no5';
  /** The 版心's width in twips (a turned page's is wider: textWidthOf); the upright 156 mm when left out. */
  textWidth?: number;
}

/**
 * A table ruled on every side, its header row (in 黑体) repeated at the top of each page and no row
 * split across pages.
 */
export function borderedTable(headers: readonly string[], rows: readonly (readonly TableValue[])[], options: TableOptions = {}): Table {
  const size = SIZE[options.size ?? 'small4'];
  const shares = options.widths ?? headers.map(() => 1);
  const total = shares.reduce((sum, share) => sum + share, 0);
  const textWidth = options.textWidth ?? TEXT_WIDTH;
  const columns = shares.map((share) => Math.floor((textWidth * share) / total));
  const row = (values: readonly TableValue[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: values.map((value, c) => tableCell(value, header, columns[c], c === 0, size)),
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: columns,
    borders: RULES,
    alignment: AlignmentType.CENTER,
    rows: [row(headers, true), ...rows.map((values) => row(values, false))],
  });
}

/** A PNG centred on its own line, `width`×`height` in pixels at 96 per inch, with its caption under it when given. */
export function figure(png: Uint8Array, width: number, height: number, caption?: string): Paragraph[] {
  const image = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: caption !== undefined,
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width, height },
        altText: { name: caption ?? '图', title: caption ?? '图', description: caption ?? '图' },
      }),
    ],
  });
  if (caption === undefined) return [image];
  return [
    image,
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: caption, font: runFont(FACES.body), size: SIZE.small4 })],
    }),
  ];
}

/** A note under a table (「另有 N 件」, 「（无）」), in 仿宋 小4号 flush with the table. */
export function tableNote(text: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, font: runFont(FACES.body), size: SIZE.small4 })],
    spacing: { before: 60, after: 120 },
  });
}
