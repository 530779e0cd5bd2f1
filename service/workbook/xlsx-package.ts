// An xlsx of one sheet, packaged by us: the parts Excel, WPS and LibreOffice need around the sheet
// and its styles (content types, relationships, the workbook with its print titles, document
// properties), zipped. No theme: the fonts name their face, so nothing refers to one.

import { xmlText } from './xml-text.ts';
import { deflatedPart, PartDeflater, zipArchive } from './zip-writer.ts';

export interface SheetPackage {
  sheetName: string;
  /** The worksheet's XML, all written (sheetPart). */
  sheet: PartDeflater;
  /** xl/sharedStrings.xml (SharedStrings.xml), once the sheet is finished. */
  sharedStrings: Buffer;
  /** xl/styles.xml (CellStyles.xml). */
  styles: string;
  /** Rows repeated at the top of every printed page ('85:85'), if any. */
  printTitleRows?: string;
  creator: string;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SPREADSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const CONTENT_TYPES =
  `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="${SPREADSHEET}.sheet.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${SPREADSHEET}.worksheet+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="${SPREADSHEET}.styles+xml"/>` +
  `<Override PartName="/xl/sharedStrings.xml" ContentType="${SPREADSHEET}.sharedStrings+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
  `</Types>`;

const PACKAGE_RELATIONSHIPS =
  `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">` +
  `<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${RELATIONSHIPS}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${OFFICE_RELATIONSHIPS}/extended-properties" Target="docProps/app.xml"/>` +
  `</Relationships>`;

const WORKBOOK_RELATIONSHIPS =
  `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">` +
  `<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${OFFICE_RELATIONSHIPS}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId3" Type="${OFFICE_RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>` +
  `</Relationships>`;

/**
 * The print titles of a sheet: a defined name, the sheet's name quoted as in a formula ('a''b'!$1:$1),
 * after the title columns it already had (`columns`, as the formula gives them: 'a''b'!$A:$B).
 */
export function printTitlesName(sheetName: string, rows: string, localSheetId: number, columns?: string): string {
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const titles = [columns, `${quoted}!${rows.replace(/(\d+)/g, '$$$1')}`].filter(Boolean).join(',');
  return `<definedName name="_xlnm.Print_Titles" localSheetId="${localSheetId}">${xmlText(titles)}</definedName>`;
}

/** xl/workbook.xml, with the sheet's print titles. */
function workbookXml(sheetName: string, printTitleRows: string | undefined): string {
  const definedNames = printTitleRows ? `<definedNames>${printTitlesName(sheetName, printTitleRows, 0)}</definedNames>` : '';
  return (
    `${XML_DECLARATION}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${OFFICE_RELATIONSHIPS}">` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets>${definedNames}</workbook>`
  );
}

function corePropertiesXml(creator: string, now: Date): string {
  const time = `${now.toISOString().slice(0, 19)}Z`;
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${xmlText(creator)}</dc:creator><cp:lastModifiedBy>${xmlText(creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

function appPropertiesXml(creator: string, sheetName: string): string {
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>${xmlText(creator)}</Application>` +
    '<HeadingPairs><vt:vector size="2" baseType="variant">' +
    '<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
    `<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>${xmlText(sheetName)}</vt:lpstr></vt:vector></TitlesOfParts>` +
    '</Properties>'
  );
}

/**
 * Deflate level, by measurement on the weekly report's sheet (80 MB of XML with inline strings; zlib,
 * one core): level 1 took 0.15 s for 6.0 MB, 4 took 0.27 s for 5.2 MB, 6 took 0.74 s for 5.0 MB and 9
 * took 4 s for 4.6 MB. Level 1 keeps up with the rows as they are written.
 */
const DEFLATE_LEVEL = 1;

/** Where the sheet's XML goes as it is written (SheetXml's sink). */
export function sheetPart(): PartDeflater {
  return new PartDeflater('xl/worksheets/sheet1.xml', DEFLATE_LEVEL);
}

/** The package, once the sheet's XML is all written. */
export async function xlsxPackage(sheet: SheetPackage): Promise<Buffer> {
  const now = new Date();
  const part = (name: string, data: string | Buffer) =>
    deflatedPart(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, DEFLATE_LEVEL);
  return zipArchive(
    [
      part('[Content_Types].xml', CONTENT_TYPES),
      part('_rels/.rels', PACKAGE_RELATIONSHIPS),
      part('docProps/core.xml', corePropertiesXml(sheet.creator, now)),
      part('docProps/app.xml', appPropertiesXml(sheet.creator, sheet.sheetName)),
      part('xl/workbook.xml', workbookXml(sheet.sheetName, sheet.printTitleRows)),
      part('xl/_rels/workbook.xml.rels', WORKBOOK_RELATIONSHIPS),
      part('xl/styles.xml', sheet.styles),
      part('xl/sharedStrings.xml', sheet.sharedStrings),
      await sheet.sheet.end(),
    ],
    now,
  );
}
