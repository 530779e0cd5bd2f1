// Text as every workbook we write holds it (the service's xlsx and what the add-in writes into a
// sheet): only characters an xlsx can carry, and never a text a spreadsheet could take for a
// formula. Pure: the add-in imports it as it imports the column formats.

/**
 * Characters outside XML 1.0's Char production: controls other than tab, LF and CR, lone
 * surrogates, U+FFFE and U+FFFF. One of them in a shared string makes the whole sheet invalid
 * XML, and Excel then refuses the workbook. The `u` flag reads a surrogate pair as one character,
 * so only lone halves match.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters no xlsx can hold; everything else as it was. */
export function xmlSafeText(text: string): string {
  NOT_XML_CHAR.lastIndex = 0;
  return NOT_XML_CHAR.test(text) ? text.replace(NOT_XML_CHAR, '') : text;
}

/**
 * Whether a spreadsheet could read the text as a formula when it is typed in or pasted: = + - @
 * first, or their full-width forms (an IME's ＝ is turned into = by Excel), also after leading
 * spaces, tabs and line breaks, which some spreadsheets skip before they look.
 */
export function readAsFormula(text: string): boolean {
  return /^[\s\u3000]*[=+\-@＝＋－＠]/.test(text);
}
