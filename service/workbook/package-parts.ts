// The parts of an uploaded package, for a writer that copies most of them as they are: each part's
// bytes as the zip stores them (a view of the upload, not a copy), the text of the few it changes,
// relationships, and the workbook's sheets with the parts that hold them. The zip was inspected
// first (zip-inspection.ts: signatures, sizes, encryption), so its entries are trusted here.

import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl, { type Entry } from 'yauzl';
import { attribute, childElements, contentOf, localName, rootElement } from './xml-elements.ts';
import { xmlDecode } from './xml-text.ts';
import type { DeflatedPart } from './zip-writer.ts';

export const RELATIONSHIP_TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface Relationship {
  id: string;
  /** The type's last segment ('worksheet', 'comments', 'vmlDrawing'). */
  type: string;
  /** The target as a part name, for internal targets. */
  part: string | null;
}

export interface WorkbookSheet {
  name: string;
  /** 'visible', 'hidden' or 'veryHidden'. */
  state: string;
  part: string;
  /** Position among the workbook's sheets, as defined names count them (localSheetId). */
  index: number;
}

const LOCAL_HEADER_LENGTH = 30;

export class PackageParts {
  private constructor(
    private readonly file: Buffer,
    private readonly entries: Map<string, Entry>,
  ) {}

  static async open(file: Buffer): Promise<PackageParts> {
    const zip = await yauzl.fromBufferPromise(file, { lazyEntries: true });
    try {
      const entries = new Map<string, Entry>();
      for await (const entry of zip.eachEntry()) if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      return new PackageParts(file, entries);
    } finally {
      zip.close();
    }
  }

  /** Part names in the zip's order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The part as the zip holds it, to go into the result unchanged. */
  stored(name: string): DeflatedPart {
    const entry = this.entry(name);
    const start = entry.relativeOffsetOfLocalHeader;
    const data = start + LOCAL_HEADER_LENGTH + this.file.readUInt16LE(start + 26) + this.file.readUInt16LE(start + 28);
    return {
      name,
      crc: entry.crc32,
      size: entry.uncompressedSize,
      deflated: this.file.subarray(data, data + entry.compressedSize),
      stored: entry.compressionMethod === 0,
    };
  }

  /** A small part's text; undefined when there is no such part. */
  text(name: string): string | undefined {
    if (!this.entries.has(name)) return undefined;
    const part = this.stored(name);
    return (part.stored ? part.deflated : zlib.inflateRawSync(part.deflated)).toString('utf8');
  }

  /** A large part's bytes, unpacked as they are read. */
  stream(name: string): AsyncIterable<Buffer> {
    const part = this.stored(name);
    const source = Readable.from([part.deflated]);
    return part.stored ? source : source.pipe(zlib.createInflateRaw({ chunkSize: 256 * 1024 }));
  }

  /** The relationships of a part, from its .rels part beside it. */
  relationships(part: string): Relationship[] {
    const xml = this.text(relationshipsPart(part));
    if (xml === undefined) return [];
    const root = rootElement(xml);
    if (!root) throw new Error(`${relationshipsPart(part)} is not XML`);
    const { from, to } = contentOf(root);
    return childElements(xml, from, to)
      .filter((element) => localName(element.name) === 'Relationship')
      .map((element) => {
        const tag = xml.slice(element.start, element.openEnd);
        const target = xmlDecode(attribute(tag, 'Target') ?? '');
        const external = attribute(tag, 'TargetMode') === 'External';
        return {
          id: attribute(tag, 'Id') ?? '',
          type: (attribute(tag, 'Type') ?? '').split('/').pop() ?? '',
          part: external ? null : resolveTarget(part, target),
        };
      });
  }

  /** The workbook part (from the package's relationships) and its worksheets in order (chart sheets have no cells). */
  workbook(): { part: string; sheets: WorkbookSheet[]; date1904: boolean } {
    const part = this.relationships('').find((relationship) => relationship.type === 'officeDocument')?.part ?? 'xl/workbook.xml';
    const xml = this.text(part) ?? '';
    if (!rootElement(xml)) throw new Error(`${part} is not XML`);
    const targets = new Map(this.relationships(part).map((relationship) => [relationship.id, relationship]));
    const sheets: WorkbookSheet[] = [];
    let index = 0;
    for (const match of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?sheet\b([^>]*)>/g)) {
      const target = targets.get(attribute(match[1], 'r:id') ?? '');
      if (target?.type === 'worksheet' && target.part) {
        const name = xmlDecode(attribute(match[1], 'name') ?? '');
        sheets.push({ name, state: attribute(match[1], 'state') ?? 'visible', part: target.part, index });
      }
      index++;
    }
    const date1904 = /<(?:[A-Za-z_][\w.-]*:)?workbookPr\b[^>]*\sdate1904\s*=\s*["'](1|true)["']/.test(xml);
    return { part, sheets, date1904 };
  }

  private entry(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no part ${name} in the package`);
    return entry;
  }
}

/** The .rels part of a part ('' for the package's own). */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name: relative to the part's folder, or absolute from the package root. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** A part name as a target relative to another part's folder. */
export function relativeTarget(fromPart: string, part: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = part.split('/');
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared++;
  return [...from.slice(shared).map(() => '..'), ...to.slice(shared)].join('/');
}
