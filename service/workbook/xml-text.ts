// Text as it goes into the XML of a package we write ourselves (the weekly report's xlsx): the
// markup characters escaped, and the characters XML 1.0 cannot hold dropped (xmlSafeText) — one of
// them in a 承办人 would make Excel refuse the whole workbook.

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
