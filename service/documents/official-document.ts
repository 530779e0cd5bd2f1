// A Chinese official document (通报, 简报) laid out as GB/T 9704 sets it, as far as a generated
// document can follow it: A4 portrait, the 版心 156×225 mm (margins 37/35 mm top/bottom, 28/26 mm
// left/right), the red 版头 (the masthead, 第N期, the issuing unit and the date over a red line),
// the title in 方正小标宋简体 2号, the body in 仿宋_GB2312 3号, the 落款 and date at the end, and the
// page number 「— 1 —」 in 宋体 4号 at the foot, right on odd pages and left on even ones.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TextRun,
  type FileChild,
} from 'docx';
import type { CivilDate } from '../domain/civil-date.ts';
import { LINE, TEXT_WIDTH } from './blocks.ts';
import { FACES, runFont, SIZE, withFontTable } from './fonts.ts';

export { bodyParagraph, bodyText, borderedTable, figure, heading, tableNote, type TableOptions, type TableValue } from './blocks.ts';

/** Millimetres in twips (1/1440 inch). */
const mm = (value: number) => Math.round((value * 1440) / 25.4);
const RED = 'FF0000';
/** One character of 4号 (14 pt) in twips: the page number stands one character in from the edge. */
const ONE_CHAR = 280;

export interface OfficialDocument {
  /** The red masthead (发文机关标志), e.g. 执行工作周通报. */
  masthead: string;
  /** The issue line under it, e.g. 第12期; '' for none. */
  issue: string;
  /** The issuing unit, left of the date above the red line, e.g. ××人民法院执行局 执行指挥中心. */
  unit: string;
  /** The date the document is issued (成文日期). */
  date: CivilDate;
  title: string;
  /** The body: paragraphs, headings, tables and figures (see blocks.ts). */
  body: FileChild[];
  /** 落款: who signs it, over the date at the end. */
  issuedBy: string;
  /** A document whose body is a wide table (a list) may turn the page; the 版心 turns with it (225×156 mm). */
  orientation?: 'portrait' | 'landscape';
}

/** The 版心's width in twips: 156 mm upright, 225 mm on a turned page. */
export function textWidthOf(document: Pick<OfficialDocument, 'orientation'>): number {
  return document.orientation === 'landscape' ? mm(225) : TEXT_WIDTH;
}

/** 2026-11-30 → 2026年11月30日, figures as GB/T 9704-2012 writes the 成文日期. */
export function chineseDate(date: CivilDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function mastheadBlock(document: OfficialDocument): Paragraph[] {
  const { masthead, issue, unit, date } = document;
  const red = (text: string, size: number, face: string = FACES.title) => new TextRun({ text, color: RED, size, font: runFont(face) });
  const lines = [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [red(masthead, 72)] })];
  if (issue !== '')
    lines.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: issue, size: SIZE.no3, font: runFont(FACES.body) })],
      }),
    );
  // The unit flush left and the date flush right on one line, over the red separator (版头中的分隔线).
  lines.push(
    new Paragraph({
      tabStops: [{ type: 'right', position: textWidthOf(document) }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
      spacing: { before: 120, after: 480 },
      children: [
        new TextRun({ text: unit, size: SIZE.no3, font: runFont(FACES.body) }),
        new TextRun({ children: [new Tab(), chineseDate(date)], size: SIZE.no3, font: runFont(FACES.body) }),
      ],
    }),
  );
  return lines;
}

function titleBlock(title: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: LINE, line: 700, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: title, size: SIZE.no2, font: runFont(FACES.title) })],
  });
}

/** The 落款 over the date, the date four characters in from the right (GB/T 9704 7.3.5.2), a line of space above. */
function signature(issuedBy: string, date: CivilDate): Paragraph[] {
  const line = (text: string, right: number, before = 0) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right },
      spacing: { before, line: LINE, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text, size: SIZE.no3, font: runFont(FACES.body) })],
    });
  return [line(issuedBy, 4 * 320, LINE * 2), line(chineseDate(date), 4 * 320)];
}

function pageNumber(alignment: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: ONE_CHAR } : { left: ONE_CHAR },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.no4, font: runFont(FACES.pageNumber) })],
      }),
    ],
  });
}

/** A4 with the 版心's margins; turned, the margins turn with the page (the binding edge on top). */
function pageOf(document: OfficialDocument) {
  const upright = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(25) };
  if (document.orientation !== 'landscape') return { size: { width: mm(210), height: mm(297) }, margin: upright };
  return {
    // docx turns the sheet itself: the size is given upright.
    size: { width: mm(210), height: mm(297), orientation: PageOrientation.LANDSCAPE },
    margin: { top: mm(28), bottom: mm(26), left: mm(37), right: mm(35), header: mm(12), footer: mm(15) },
  };
}

export function officialDocument(document: OfficialDocument): Document {
  return new Document({
    creator: '执行台账助手',
    title: document.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: runFont(FACES.body), size: SIZE.no3 } } } },
    sections: [
      {
        properties: { page: pageOf(document) },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children: [
          ...mastheadBlock(document),
          titleBlock(document.title),
          ...document.body,
          ...signature(document.issuedBy, document.date),
        ],
      },
    ],
  });
}

/** The document packed as a .docx, its font table naming each face's alternates (fonts.ts). */
export async function officialDocumentBytes(document: OfficialDocument): Promise<Buffer> {
  return withFontTable(await Packer.toBuffer(officialDocument(document)));
}
