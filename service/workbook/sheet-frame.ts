// What an annotation changes in a clerk's worksheet around the rows: before them the column widths
// of the new system columns, the hidden 行ID/版本 columns, the used range and fit-to-page; after them
// the conditional formats (the earlier annotation's taken away, this one's added), the print setup
// (issue 13) and the link to the notes' drawing. Every other element is copied as it was, and each
// element added goes where the schema puts it (ECMA-376 §18.3.1.99), as Excel refuses it elsewhere.

import { columnIndex, columnLetters } from '../../addin/sheet/addresses.ts';
import type { PrintLayout } from './sheet-xml.ts';
import { RELATIONSHIP_TYPES } from './package-parts.ts';
import {
  applyEdits,
  attribute,
  childElements,
  contentOf,
  insertionPoint,
  localName,
  withAttributes,
  type XmlEdit,
  type XmlElement,
} from './xml-elements.ts';
import { xmlDecode, xmlText } from './xml-text.ts';

const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

export interface ColumnChange {
  width?: number;
  hidden?: boolean;
}

/** A conditional format the annotation adds: the cells it covers and its fill's dxfId. */
export interface Mark {
  sqref: string;
  dxfId: number;
}

export interface TailChanges {
  print: PrintLayout;
  marks: Mark[];
  /** The formula of the marks, by which an earlier annotation's are known. */
  markFormula: string;
  /** The relationship id of the notes' drawing, when the sheet gets one it had no link to. */
  legacyDrawing: string | null;
}

/** The part before the rows with the columns changed, the used range widened and fit-to-page set. */
export function frameHead(xml: string, prefix: string, columns: Map<number, ColumnChange>): string {
  const rootMatch = new RegExp(`<${prefix}worksheet\\b(?:[^>"']|"[^"]*"|'[^']*')*>`).exec(xml);
  if (!rootMatch) throw new Error('worksheet XML has no root element');
  const rootEnd = rootMatch.index + rootMatch[0].length;
  const children = childElements(xml, rootEnd);
  const edits: XmlEdit[] = [];
  if (!/\sxmlns:r\s*=/.test(rootMatch[0]))
    edits.push({ start: rootMatch.index, end: rootEnd, text: withAttributes(rootMatch[0], { 'xmlns:r': RELATIONSHIP_TYPES }) });
  const find = (name: string) => children.find((child) => localName(child.name) === name);
  const tag = (element: XmlElement) => xml.slice(element.start, element.openEnd);

  const sheetPr = find('sheetPr');
  const fit = `<${prefix}pageSetUpPr fitToPage="1"/>`;
  if (!sheetPr) edits.push({ start: rootEnd, end: rootEnd, text: `<${prefix}sheetPr>${fit}</${prefix}sheetPr>` });
  else {
    const inner = contentOf(sheetPr);
    const setUp = childElements(xml, inner.from, inner.to).find((child) => localName(child.name) === 'pageSetUpPr');
    if (setUp) edits.push({ start: setUp.start, end: setUp.end, text: withAttributes(tag(setUp), { fitToPage: '1' }) });
    else if (sheetPr.selfClosing)
      edits.push({ start: sheetPr.start, end: sheetPr.end, text: `${tag(sheetPr).replace(/\s*\/>$/, '>')}${fit}</${sheetPr.name}>` });
    else edits.push({ start: inner.to, end: inner.to, text: fit });
  }

  const dimension = find('dimension');
  const ref = dimension && attribute(tag(dimension), 'ref');
  if (dimension && ref) {
    const [first, last = first] = ref.split(':');
    const [, letters = 'A', row = '1'] = /^([A-Z]+)(\d+)$/.exec(last) ?? [];
    const widest = Math.max(columnIndex(letters) + 1, ...columns.keys());
    edits.push({
      start: dimension.start,
      end: dimension.end,
      text: withAttributes(tag(dimension), { ref: `${first}:${columnLetters(widest - 1)}${row}` }),
    });
  }

  // <cols> comes last before the rows, and may not be empty.
  const cols = find('cols');
  const text = `<${prefix}cols>${colsXml(cols ? colsOf(xml, cols) : [], columns, prefix)}</${prefix}cols>`;
  if (cols) edits.push({ start: cols.start, end: cols.end, text });
  else if (columns.size > 0) edits.push({ start: xml.length, end: xml.length, text });
  return applyEdits(xml, edits);
}

interface ColumnRange {
  min: number;
  max: number;
  /** The <col> start tag, min and max aside. */
  tag: string;
}

function colsOf(xml: string, cols: XmlElement): ColumnRange[] {
  const { from, to } = contentOf(cols);
  return childElements(xml, from, to).map((col) => {
    const tag = xml.slice(col.start, col.end);
    return { min: Number(attribute(tag, 'min')), max: Number(attribute(tag, 'max')), tag };
  });
}

/** The <col> elements with each changed column split out of its range and set. */
function colsXml(ranges: ColumnRange[], columns: Map<number, ColumnChange>, prefix: string): string {
  let result = ranges;
  for (const [column, change] of columns) {
    const range = result.find((candidate) => candidate.min <= column && column <= candidate.max);
    const base = range?.tag ?? `<${prefix}col/>`;
    const set = withAttributes(base, {
      width: change.width === undefined ? attribute(base, 'width') : String(change.width),
      customWidth: change.width === undefined ? attribute(base, 'customWidth') : '1',
      hidden: change.hidden ? '1' : attribute(base, 'hidden'),
    });
    const pieces = [{ min: column, max: column, tag: set }];
    if (range && range.min < column) pieces.push({ min: range.min, max: column - 1, tag: range.tag });
    if (range && column < range.max) pieces.push({ min: column + 1, max: range.max, tag: range.tag });
    result = [...result.filter((candidate) => candidate !== range), ...pieces];
  }
  return result
    .sort((a, b) => a.min - b.min)
    .map((range) => withAttributes(range.tag, { min: String(range.min), max: String(range.max) }))
    .join('');
}

/** The merged ranges of the sheet, from the part after the rows. */
export function mergesOf(tail: string): string[] {
  return [...tail.matchAll(/<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\sref="([^"]+)"/g)].map((match) => match[1]);
}

/** The part after the rows with the marks, the print setup and the drawing link in place. */
export function frameTail(xml: string, prefix: string, changes: TailChanges): string {
  const rootEnd = xml.lastIndexOf(`</${prefix}worksheet>`);
  const children = childElements(xml, 0, rootEnd);
  const edits: XmlEdit[] = [];
  const find = (name: string) => children.find((child) => localName(child.name) === name);
  const put = (name: string, text: string) => {
    const element = find(name);
    const at = insertionPoint(children, name, WORKSHEET_ORDER, rootEnd);
    edits.push(element ? { start: element.start, end: element.end, text } : { start: at, end: at, text });
  };

  let priority = 0;
  for (const format of children.filter((child) => localName(child.name) === 'conditionalFormatting')) {
    const part = xml.slice(format.start, format.end);
    const formulas = [...part.matchAll(/<(?:[A-Za-z_][\w.-]*:)?formula>([\s\S]*?)<\//g)].map((match) => xmlDecode(match[1]));
    if (formulas.length > 0 && formulas.every((formula) => formula === changes.markFormula))
      edits.push({ start: format.start, end: format.end, text: '' });
    for (const match of part.matchAll(/\spriority="(\d+)"/g)) priority = Math.max(priority, Number(match[1]));
  }
  const marks = changes.marks.map(
    (mark) =>
      `<${prefix}conditionalFormatting sqref="${mark.sqref}">` +
      `<${prefix}cfRule type="expression" dxfId="${mark.dxfId}" priority="${++priority}">` +
      `<${prefix}formula>${xmlText(changes.markFormula)}</${prefix}formula></${prefix}cfRule></${prefix}conditionalFormatting>`,
  );
  const formatsAt = insertionPoint(children, 'conditionalFormatting', WORKSHEET_ORDER, rootEnd);
  if (marks.length > 0) edits.push({ start: formatsAt, end: formatsAt, text: marks.join('') });

  const { pageSetup, headerFooter } = changes.print;
  const margins = pageSetup.margins;
  if (margins) {
    const sides = (['left', 'right', 'top', 'bottom', 'header', 'footer'] as const).map((side) => ` ${side}="${margins[side]}"`);
    put('pageMargins', `<${prefix}pageMargins${sides.join('')}/>`);
  }
  const setup = find('pageSetup');
  const ours = {
    paperSize: String(pageSetup.paperSize),
    orientation: pageSetup.orientation,
    fitToWidth: String(pageSetup.fitToWidth),
    fitToHeight: String(pageSetup.fitToHeight),
  };
  put('pageSetup', withAttributes(setup ? xml.slice(setup.start, setup.openEnd) : `<${prefix}pageSetup/>`, ours));
  const own = find('headerFooter');
  if (!own || !/<(?:[A-Za-z_][\w.-]*:)?odd(?:Header|Footer)>[^<]/.test(xml.slice(own.start, own.end))) {
    const header = `<${prefix}oddHeader>${xmlText(headerFooter.oddHeader ?? '')}</${prefix}oddHeader>`;
    const footer = `<${prefix}oddFooter>${xmlText(headerFooter.oddFooter ?? '')}</${prefix}oddFooter>`;
    put('headerFooter', `<${prefix}headerFooter>${header}${footer}</${prefix}headerFooter>`);
  }
  if (changes.legacyDrawing && !find('legacyDrawing')) put('legacyDrawing', `<${prefix}legacyDrawing r:id="${changes.legacyDrawing}"/>`);
  return applyEdits(xml, edits);
}
