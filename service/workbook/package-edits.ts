// The package's own bookkeeping an annotation changes: the workbook's print titles (a defined name
// per sheet), relationships to the notes parts a sheet gets, and their content types. Each is an
// edit of the part as it was, so everything else in it stays byte for byte.

import { RELATIONSHIP_TYPES } from './package-parts.ts';
import { applyEdits, attribute, childElements, contentOf, insertionPoint, localName, rootElement } from './xml-elements.ts';
import { printTitlesName } from './xlsx-package.ts';
import { xmlDecode, xmlText } from './xml-text.ts';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The children of workbook in the schema's order (ECMA-376 §18.2.27). */
const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** workbook.xml with the sheet's print titles set to `rows` ('4:4'), replacing the rows it had and keeping its title columns. */
export function withPrintTitles(xml: string, sheet: { name: string; index: number }, rows: string): string {
  const root = rootElement(xml);
  if (!root) return xml;
  const prefix = root.name.includes(':') ? `${root.name.split(':')[0]}:` : '';
  const named = (columns?: string) =>
    printTitlesName(sheet.name, rows, sheet.index, columns).replace(/<(\/?)definedName/g, `<$1${prefix}definedName`);
  const { from, to } = contentOf(root);
  const children = childElements(xml, from, to);
  const names = children.find((child) => localName(child.name) === 'definedNames');
  if (!names) {
    const at = insertionPoint(children, 'definedNames', WORKBOOK_ORDER, to);
    return applyEdits(xml, [{ start: at, end: at, text: `<${prefix}definedNames>${named()}</${prefix}definedNames>` }]);
  }
  const inner = contentOf(names);
  const existing = childElements(xml, inner.from, inner.to).find((child) => {
    const tag = xml.slice(child.start, child.openEnd);
    return attribute(tag, 'name') === '_xlnm.Print_Titles' && attribute(tag, 'localSheetId') === String(sheet.index);
  });
  if (existing) {
    const formula = xmlDecode(xml.slice(contentOf(existing).from, contentOf(existing).to));
    const columns = formula.split(',').filter((part) => /!\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$/.test(part.trim()));
    return applyEdits(xml, [{ start: existing.start, end: existing.end, text: named(columns.join(',') || undefined) }]);
  }
  if (names.selfClosing)
    return applyEdits(xml, [{ start: names.start, end: names.end, text: `<${names.name}>${named()}</${names.name}>` }]);
  return applyEdits(xml, [{ start: inner.to, end: inner.to, text: named() }]);
}

/** A relationships part with relationships added, or a new one; ids are fresh. */
export class Relationships {
  private readonly added: string[] = [];
  private readonly taken: Set<string>;

  constructor(
    private readonly xml: string | undefined,
    ids: string[],
  ) {
    this.taken = new Set(ids);
  }

  /** A fresh relationship id, reserved. */
  freshId(): string {
    let number = this.taken.size + 1;
    while (this.taken.has(`rId${number}`)) number++;
    this.taken.add(`rId${number}`);
    return `rId${number}`;
  }

  /** Adds a relationship of an office type ('comments', 'vmlDrawing') to a target relative to the part. */
  add(id: string, type: string, target: string): void {
    this.added.push(`<Relationship Id="${id}" Type="${RELATIONSHIP_TYPES}/${type}" Target="${xmlText(target)}"/>`);
  }

  changed(): boolean {
    return this.added.length > 0;
  }

  toXml(): string {
    if (this.xml === undefined)
      return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${this.added.join('')}</Relationships>`;
    const root = rootElement(this.xml);
    if (!root) return this.xml;
    if (root.selfClosing)
      return applyEdits(this.xml, [
        { start: root.start, end: root.end, text: `${this.xml.slice(root.start, root.openEnd - 2)}>${this.added.join('')}</${root.name}>` },
      ]);
    const { to } = contentOf(root);
    return applyEdits(this.xml, [{ start: to, end: to, text: this.added.join('') }]);
  }
}

/** [Content_Types].xml with a part's type declared, unless its extension's default or an override already does. */
export function withContentType(xml: string, part: string, type: string, byExtension: boolean): string {
  const extension = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  const declared = [...xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?(Default|Override)\b[^>]*>/g)].some(([tag, kind]) =>
    kind === 'Default'
      ? byExtension && attribute(tag, 'Extension')?.toLowerCase() === extension
      : attribute(tag, 'PartName') === `/${part}`,
  );
  if (declared) return xml;
  const root = rootElement(xml);
  if (!root) return xml;
  const entry = byExtension
    ? `<Default Extension="${extension}" ContentType="${type}"/>`
    : `<Override PartName="/${xmlText(part)}" ContentType="${type}"/>`;
  const { to } = contentOf(root);
  return applyEdits(xml, [{ start: to, end: to, text: entry }]);
}
