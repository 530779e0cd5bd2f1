// The annotated workbook: the clerk's package copied part for part, each part the annotation does
// not touch byte for byte as the upload stored it (charts, pivot tables, images, other sheets,
// shared strings), and the few it changes rewritten: each annotated sheet's XML as it is unpacked
// (sheet-rewrite.ts), styles.xml with the formats added, the sheets' notes and their drawings, the
// relationships and content types those need, and the print titles in workbook.xml.

import { SheetAnnotation, type RowAnnotation } from './annotation-writer.ts';
import { noteDrawing } from './note-drawing.ts';
import { SheetNotes } from './notes-part.ts';
import { Relationships, withContentType, withPrintTitles } from './package-edits.ts';
import { PackageParts, relationshipsPart, relativeTarget, type WorkbookSheet } from './package-parts.ts';
import { rewriteSheet } from './sheet-rewrite.ts';
import { WorkbookStyles } from './styles-part.ts';
import type { TableLayout } from './table-layout.ts';
import { deflatedPart, PartDeflater, zipArchive, type DeflatedPart } from './zip-writer.ts';

export interface AnnotatedTable {
  sheet: string;
  layout: TableLayout;
  /** The last column holding a value in the header row or below it (TableRows.lastColumn). */
  lastColumn: number;
  annotations: RowAnnotation[];
}

/** As the weekly report's writer: level 1 keeps up with the rows as they are written (xlsx-package.ts). */
const DEFLATE_LEVEL = 1;
const SPREADSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const COMMENTS_TYPE = `${SPREADSHEET}.comments+xml`;
const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const STYLES_TYPE = `${SPREADSHEET}.styles+xml`;

/** The upload with each table's annotations written into its sheet. */
export async function annotatedPackage(file: Buffer, tables: AnnotatedTable[]): Promise<Buffer> {
  const parts = await PackageParts.open(file);
  const workbook = parts.workbook();
  const changed = new Map<string, DeflatedPart>();
  const text = (name: string, xml: string) => changed.set(name, deflatedPart(name, Buffer.from(xml, 'utf8'), DEFLATE_LEVEL));
  const newName = freshNames(parts);
  let contentTypes = parts.text('[Content_Types].xml') ?? '';
  let workbookXml = parts.text(workbook.part) ?? '';

  const workbookRels = parts.relationships(workbook.part);
  let stylesPart = workbookRels.find((relationship) => relationship.type === 'styles')?.part;
  if (!stylesPart) {
    stylesPart = newName('xl/styles', '.xml');
    const rels = new Relationships(
      parts.text(relationshipsPart(workbook.part)),
      workbookRels.map((relationship) => relationship.id),
    );
    rels.add(rels.freshId(), 'styles', relativeTarget(workbook.part, stylesPart));
    text(relationshipsPart(workbook.part), rels.toXml());
    contentTypes = withContentType(contentTypes, stylesPart, STYLES_TYPE, false);
  }
  const styles = new WorkbookStyles(parts.text(stylesPart));
  let drawingBlock = firstFreeDrawingBlock(parts);

  for (const table of tables) {
    const sheet = workbook.sheets.find((candidate) => candidate.name === table.sheet);
    if (!sheet) throw new Error(`no sheet ${table.sheet} in the workbook`);
    const notes = await annotateSheet(
      parts,
      sheet,
      table,
      { styles, date1904: workbook.date1904, newName, drawingBlock: drawingBlock++ },
      changed,
    );
    for (const [part, type, byExtension] of notes) contentTypes = withContentType(contentTypes, part, type, byExtension);
    workbookXml = withPrintTitles(workbookXml, sheet, `${table.layout.headerRow}:${table.layout.headerRow}`);
  }
  text(stylesPart, styles.toXml());
  text(workbook.part, workbookXml);
  text('[Content_Types].xml', contentTypes);

  const copied = parts.names().map((name) => changed.get(name) ?? parts.stored(name));
  const added = [...changed.values()].filter((part) => !parts.has(part.name));
  return zipArchive([...copied, ...added]);
}

interface WorkbookContext {
  styles: WorkbookStyles;
  date1904: boolean;
  newName: (base: string, extension: string) => string;
  drawingBlock: number;
}

/** Rewrites one sheet into `changed`, with its notes parts; answers the parts whose content types must be declared. */
async function annotateSheet(
  parts: PackageParts,
  sheet: WorkbookSheet,
  table: AnnotatedTable,
  context: WorkbookContext,
  changed: Map<string, DeflatedPart>,
): Promise<Array<[string, string, boolean]>> {
  const relationships = parts.relationships(sheet.part);
  const comments = relationships.find((relationship) => relationship.type === 'comments');
  const drawing = relationships.find((relationship) => relationship.type === 'vmlDrawing');
  const rels = new Relationships(
    parts.text(relationshipsPart(sheet.part)),
    relationships.map((relationship) => relationship.id),
  );
  const notes = new SheetNotes(comments?.part ? parts.text(comments.part) : undefined);
  const drawingId = drawing?.id ?? rels.freshId();
  const annotation = new SheetAnnotation(table.layout, table.lastColumn, table.annotations, {
    sheetName: sheet.name,
    styles: context.styles,
    notes,
    date1904: context.date1904,
    drawingId,
  });
  const deflater = new PartDeflater(sheet.part, DEFLATE_LEVEL);
  await rewriteSheet(parts.stream(sheet.part), annotation, (chunk) => deflater.write(chunk));
  changed.set(sheet.part, await deflater.end());
  if (!notes.changed()) return [];

  const commentsPart = comments?.part ?? context.newName('xl/comments', '.xml');
  const drawingPart = drawing?.part ?? context.newName('xl/drawings/vmlDrawing', '.vml');
  if (!comments?.part) rels.add(rels.freshId(), 'comments', relativeTarget(sheet.part, commentsPart));
  if (!drawing?.part) rels.add(drawingId, 'vmlDrawing', relativeTarget(sheet.part, drawingPart));
  const write = (name: string, xml: string) => changed.set(name, deflatedPart(name, Buffer.from(xml, 'utf8'), DEFLATE_LEVEL));
  write(commentsPart, notes.toXml());
  write(drawingPart, noteDrawing(drawing?.part ? parts.text(drawingPart) : undefined, notes.refs(), context.drawingBlock));
  if (rels.changed()) write(relationshipsPart(sheet.part), rels.toXml());
  return [
    [commentsPart, COMMENTS_TYPE, false],
    [drawingPart, VML_TYPE, true],
  ];
}

/** Names for new parts: the first number not yet taken ('xl/comments3.xml'). */
function freshNames(parts: PackageParts): (base: string, extension: string) => string {
  const taken = new Set(parts.names().map((name) => name.toLowerCase()));
  return (base, extension) => {
    let number = 1;
    while (taken.has(`${base}${number}${extension}`.toLowerCase())) number++;
    const name = `${base}${number}${extension}`;
    taken.add(name.toLowerCase());
    return name;
  };
}

/** A block of VML shape ids no drawing of the workbook uses yet (their o:idmap). */
function firstFreeDrawingBlock(parts: PackageParts): number {
  let last = 0;
  for (const name of parts.names().filter((part) => part.toLowerCase().endsWith('.vml'))) {
    for (const match of (parts.text(name) ?? '').matchAll(/<o:idmap\b[^>]*\sdata="([^"]*)"/g))
      for (const block of match[1].split(',')) last = Math.max(last, Number(block) || 0);
  }
  return last + 1;
}
