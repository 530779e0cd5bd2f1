// The elements of a part the annotation changes, found by their tags without building a tree: enough
// to replace or insert one element (a sheet's page setup, a list of styles, a defined name) and copy
// every other byte of the part as it was. Attribute values may hold '>' (quoted), comments and
// processing instructions are stepped over.

export interface XmlElement {
  /** The qualified name, prefix included ('x:row'). */
  name: string;
  start: number;
  /** Just after the start tag. */
  openEnd: number;
  /** Just after the end tag (or the self-closing start tag). */
  end: number;
  selfClosing: boolean;
}

/** A replacement of xml[start, end) by text; an insertion when start === end. */
export interface XmlEdit {
  start: number;
  end: number;
  text: string;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;

/** The elements directly inside xml[from, to), stopping at an end tag that closes their parent. */
export function childElements(xml: string, from = 0, to = xml.length): XmlElement[] {
  const found: XmlElement[] = [];
  let depth = 0;
  let open: XmlElement | null = null;
  const tag = new RegExp(TAG.source, 'g');
  tag.lastIndex = from;
  for (let match = tag.exec(xml); match && match.index < to; match = tag.exec(xml)) {
    const [, closing, name, , selfClosing] = match;
    if (name === undefined) continue;
    if (closing) {
      if (depth === 0) break;
      if (--depth === 0 && open) {
        open.end = tag.lastIndex;
        found.push(open);
        open = null;
      }
    } else if (depth === 0) {
      const element = { name, start: match.index, openEnd: tag.lastIndex, end: tag.lastIndex, selfClosing: selfClosing === '/' };
      if (element.selfClosing) found.push(element);
      else [open, depth] = [element, 1];
    } else if (selfClosing !== '/') depth++;
  }
  return found;
}

/** The root element of a part. */
export function rootElement(xml: string): XmlElement | undefined {
  return childElements(xml)[0];
}

/** Where an element's content lies (empty at its end for a self-closing one). */
export function contentOf(element: XmlElement): { from: number; to: number } {
  if (element.selfClosing) return { from: element.end, to: element.end };
  return { from: element.openEnd, to: element.end - `</${element.name}>`.length };
}

export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** The value of an attribute in a start tag, entities left as they are. */
export function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name.replace(/[:.]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** The start tag with the attributes set (added at its end when new; undefined removes one). */
export function withAttributes(tag: string, values: Record<string, string | undefined>): string {
  let result = tag;
  for (const [name, value] of Object.entries(values)) {
    const pattern = new RegExp(`\\s${name.replace(/[:.]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
    const written = value === undefined ? '' : ` ${name}="${value}"`;
    if (pattern.test(result)) result = result.replace(pattern, written);
    else if (value !== undefined) result = result.replace(/\s*(\/?)>$/, `${written}$1>`);
  }
  return result;
}

/**
 * Where an element named `name` goes among `elements` (the children of one parent), by the order
 * the schema gives its children: before the first one that comes later, else at `end`.
 */
export function insertionPoint(elements: XmlElement[], name: string, order: readonly string[], end: number): number {
  const rank = order.indexOf(name);
  const later = elements.find((element) => order.indexOf(localName(element.name)) > rank);
  return later ? later.start : end;
}

/** The text with the edits made; edits must not overlap. */
export function applyEdits(xml: string, edits: XmlEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    result += xml.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + xml.slice(at);
}
