// What reading any sheet of an uploaded workbook needs from the rest of the package: its sheets in
// order with their visibility, the date system, the shared strings as texts, and which cell formats
// show dates — a number in a date format is a date (ECMA-376 §18.8.30 numbers Excel's built-in date
// formats; a workbook's own formats are dates when their code has date or time letters outside
// quotes and brackets, as Excel and exceljs read them).

import { PackageParts, type WorkbookSheet } from './package-parts.ts';
import { readSheet, richText, type ReadSheet, type WorkbookText } from './sheet-reading.ts';
import { attribute, childElements, contentOf, localName, rootElement } from './xml-elements.ts';
import { xmlDecode } from './xml-text.ts';

export interface OpenedWorkbook {
  parts: PackageParts;
  sheets: WorkbookSheet[];
  text: WorkbookText;
}

/** Built-in date and time formats, the CJK locales' among them (27–36, 50–58). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);
const STRING_ITEM = /<(?:[A-Za-z_][\w.-]*:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?si>)/g;

export async function openWorkbook(file: Buffer): Promise<OpenedWorkbook> {
  const parts = await PackageParts.open(file);
  const { part, sheets, date1904 } = parts.workbook();
  const relationships = parts.relationships(part);
  const partOf = (type: string) => relationships.find((relationship) => relationship.type === type)?.part ?? undefined;
  const stringsPart = partOf('sharedStrings');
  const stylesPart = partOf('styles');
  return {
    parts,
    sheets,
    text: {
      strings: stringsPart ? sharedStrings(parts.text(stringsPart) ?? '') : [],
      dateFormats: stylesPart ? dateFormats(parts.text(stylesPart) ?? '') : [],
      date1904,
    },
  };
}

/** A sheet's cells; its relationships are read too, so a broken part is found here rather than when the copy is written. */
export async function readWorkbookSheet(workbook: OpenedWorkbook, sheet: WorkbookSheet): Promise<ReadSheet> {
  workbook.parts.relationships(sheet.part);
  return readSheet(workbook.parts.stream(sheet.part), sheet, workbook.text);
}

function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const match of xml.matchAll(STRING_ITEM)) strings.push(match[1] === undefined ? '' : richText(match[1]));
  return strings;
}

/** By cell format (the index of cellXfs): whether its number format shows a date. */
function dateFormats(xml: string): boolean[] {
  const root = rootElement(xml);
  if (!root) throw new Error('the styles part is not XML');
  const { from, to } = contentOf(root);
  const children = childElements(xml, from, to);
  const entries = (name: string) => {
    const list = children.find((child) => localName(child.name) === name);
    if (!list) return [];
    const inner = contentOf(list);
    return childElements(xml, inner.from, inner.to).map((entry) => xml.slice(entry.start, entry.openEnd));
  };
  const custom = new Map(
    entries('numFmts').map((tag) => [Number(attribute(tag, 'numFmtId')), xmlDecode(attribute(tag, 'formatCode') ?? '')]),
  );
  return entries('cellXfs').map((tag) => {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    const code = custom.get(id);
    return code === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(code);
  });
}

/** Whether a number format shows a date or time: a date or time letter outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(
    code
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/General/gi, ''),
  );
}
