// A sheet's notes (xl/commentsN.xml, and the VML drawing Excel shows them with), changed as an
// annotation changes them: the service's part of a note taken off (what follows NOTE_MARK), its new
// messages added after the clerk's own text. A note that is not touched keeps its XML as it was,
// runs, fonts and all, and so does its shape in the drawing: a note the clerk made visible or
// resized stays so.

import { columnIndex } from '../../addin/sheet/addresses.ts';
import { attribute, childElements, contentOf, localName, rootElement, type XmlElement } from './xml-elements.ts';
import { textElement, xmlDecode, xmlText } from './xml-text.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The author of the service's notes, as Excel shows it in the status bar. */
const AUTHOR = '执行台账助手';
/** A run of the service's text: the 9-point 宋体 Excel's own notes use in a Chinese Office. */
const RUN_FONT = '<rPr><sz val="9"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr>';

interface Note {
  ref: string;
  /** The comment element as it was, or as it is now written. */
  xml: string;
  changed: boolean;
}

interface Run {
  /** The run's properties as written (<rPr>…</rPr>), '' for plain text. */
  properties: string;
  text: string;
}

export class SheetNotes {
  private readonly notes = new Map<string, Note>();
  private readonly authors: string[] = [];
  /** The part's root start tag and namespace prefix, kept so the notes copied as they were stay in its namespace. */
  private readonly open: string = `<comments xmlns="${MAIN}">`;
  private readonly prefix: string = '';
  private readonly before: number;

  /** `xml` is the sheet's comments part, if it has one. */
  constructor(xml: string | undefined) {
    const root = xml === undefined ? undefined : rootElement(xml);
    this.before = 0;
    if (!xml || !root) return;
    this.open = xml.slice(root.start, root.openEnd).replace(/\/>$/, '>');
    this.prefix = root.name.includes(':') ? `${root.name.split(':')[0]}:` : '';
    const { from, to } = contentOf(root);
    for (const child of childElements(xml, from, to)) {
      const inner = contentOf(child);
      if (localName(child.name) === 'authors')
        for (const author of childElements(xml, inner.from, inner.to)) this.authors.push(textOf(xml, author));
      if (localName(child.name) !== 'commentList') continue;
      for (const comment of childElements(xml, inner.from, inner.to)) {
        const ref = attribute(xml.slice(comment.start, comment.openEnd), 'ref');
        if (ref) this.notes.set(ref, { ref, xml: xml.slice(comment.start, comment.end), changed: false });
      }
    }
    this.before = this.notes.size;
  }

  /** The cells that have a note. */
  refs(): string[] {
    return [...this.notes.keys()];
  }

  /** Takes the service's part off a note; a note that was only the service's goes. */
  takeOffOurs(ref: string, mark: string): void {
    const note = this.notes.get(ref);
    if (!note) return;
    const runs = runsOf(note.xml);
    const at = runs.findIndex((run) => run.text.includes(mark));
    if (at === -1) return;
    const kept = runs.slice(0, at);
    const before = runs[at].text.slice(0, runs[at].text.indexOf(mark));
    if (before !== '') kept.push({ ...runs[at], text: before });
    const last = kept.at(-1);
    if (last) last.text = last.text.trimEnd();
    if (kept.every((run) => run.text === '')) return void this.notes.delete(ref);
    this.notes.set(ref, { ref, xml: commentXml(note.xml, kept), changed: true });
  }

  /** Adds the service's text after the note's own (a new note if the cell has none). */
  add(ref: string, text: string): void {
    const note = this.notes.get(ref);
    const p = this.prefix;
    const xml = note?.xml ?? `<${p}comment ref="${ref}" authorId="${this.authorId()}"/>`;
    const runs = note ? [...runsOf(xml), { properties: RUN_FONT, text: `\n${text}` }] : [{ properties: RUN_FONT, text }];
    this.notes.set(ref, { ref, xml: commentXml(xml, runs), changed: true });
  }

  /** Whether any note changed, came or went. */
  changed(): boolean {
    return this.before !== this.notes.size || [...this.notes.values()].some((note) => note.changed);
  }

  /** The comments part, notes in row and then column order. */
  toXml(): string {
    const p = this.prefix;
    const notes = [...this.notes.values()].sort((a, b) => compareRefs(a.ref, b.ref));
    const authors = this.authors.map((author) => `<${p}author>${xmlText(author)}</${p}author>`).join('');
    return (
      `${XML_DECLARATION}${this.open}<${p}authors>${authors}</${p}authors>` +
      `<${p}commentList>${notes.map((note) => note.xml).join('')}</${p}commentList></${p}comments>`
    );
  }

  private authorId(): number {
    const found = this.authors.indexOf(AUTHOR);
    return found >= 0 ? found : this.authors.push(AUTHOR) - 1;
  }
}

function textOf(xml: string, element: XmlElement): string {
  const { from, to } = contentOf(element);
  return xmlDecode(xml.slice(from, to));
}

/** The runs of a comment's text: <r> runs, or its one plain <t>. Phonetic runs are not text. */
function runsOf(comment: string): Run[] {
  const text = childElements(comment, rootElement(comment)?.openEnd ?? 0).find((child) => localName(child.name) === 'text');
  if (!text) return [];
  const inner = contentOf(text);
  const runs: Run[] = [];
  for (const part of childElements(comment, inner.from, inner.to)) {
    const name = localName(part.name);
    if (name === 't') runs.push({ properties: '', text: textOf(comment, part) });
    if (name !== 'r') continue;
    const pieces = childElements(comment, contentOf(part).from, contentOf(part).to);
    const properties = pieces.find((piece) => localName(piece.name) === 'rPr');
    const t = pieces.find((piece) => localName(piece.name) === 't');
    runs.push({ properties: properties ? comment.slice(properties.start, properties.end) : '', text: t ? textOf(comment, t) : '' });
  }
  return runs;
}

/** The comment element with its text made of these runs; its own attributes kept. */
function commentXml(comment: string, runs: Run[]): string {
  const root = rootElement(comment);
  const open = root ? comment.slice(root.start, root.openEnd).replace(/\/>$/, '>') : '<comment>';
  const close = root ? `</${root.name}>` : '</comment>';
  const prefix = root && root.name.includes(':') ? `${root.name.split(':')[0]}:` : '';
  const body = runs.map((run) => `<${prefix}r>${run.properties}${textElement(run.text, prefix)}</${prefix}r>`).join('');
  return `${open}<${prefix}text>${body}</${prefix}text>${close}`;
}

/** A1 references in row order, then column order. */
function compareRefs(a: string, b: string): number {
  const [rowA, columnA] = cellOf(a);
  const [rowB, columnB] = cellOf(b);
  return rowA - rowB || columnA - columnB;
}

/** [row, column], 1-based, of an A1 reference. */
export function cellOf(ref: string): [number, number] {
  const [, letters = 'A', row = '0'] = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(ref) ?? [];
  return [Number(row), columnIndex(letters) + 1];
}
