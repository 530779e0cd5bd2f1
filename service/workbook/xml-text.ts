// Text as it goes into the XML of a package we write ourselves (the weekly report's xlsx, the
// annotated workbook): the markup characters escaped, and the characters XML 1.0 cannot hold
// dropped (xmlSafeText) — one of them in a 承办人 would make Excel refuse the whole workbook. And
// text as it comes out of a clerk's part (xmlDecode).

import { xmlSafeText } from '../domain/sheet-text.ts';

/**
 * A character that needs more than copying: markup (" & < >), anything below U+0020 but tab, LF and
 * CR, surrogates (a pair is fine, but only xmlSafeText tells a pair from a lone half), U+FFFE and
 * U+FFFF. Almost no cell has one, so most texts are copied after this one test.
 */
const NEEDS_WORK = /[^\t\n\r\u0020\u0021\u0023-\u0025\u0027-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD]/;
const MARKUP = /["&<>]/g;
const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** The text as XML character data or a double-quoted attribute value. */
export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return xmlSafeText(text).replace(MARKUP, (char) => ENTITIES[char]);
}

/** <t> with the text; Excel trims leading and trailing blanks from a text unless told to keep them. */
export function textElement(text: string, prefix = ''): string {
  const value = xmlText(text);
  const last = value.length - 1;
  const keepBlanks = last >= 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(last) <= 32);
  return `${keepBlanks ? `<${prefix}t xml:space="preserve">` : `<${prefix}t>`}${value}</${prefix}t>`;
}

const ENTITIES_READ: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character data as text: entities and character references, then OOXML's _xHHHH_ escapes. */
export function xmlDecode(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
      if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
      if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
      return ENTITIES_READ[entity];
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
