// Folding what clerks type with a Chinese input method into the half-width form the parsers read.

import type { Normalized, RawValue } from '../problem.ts';
import { accepted, blank, isBlank } from './outcome.ts';

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_TO_HALF = 0xff01 - 0x21;

/**
 * Full-width ASCII (digits, letters, （）［］，．／：；－ …), the ideographic space and ￥ become
 * half-width; the ends are trimmed and inner runs of whitespace become one space. CJK punctuation
 * with meaning of its own (、。〔〕【】) is left alone: the parsers that accept it say so.
 */
export function foldWidth(text: string): string {
  let folded = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) folded += String.fromCodePoint(code - FULL_TO_HALF);
    else if (char === '￥') folded += '¥';
    else folded += char;
  }
  return folded.trim().replace(/\s+/g, ' ');
}

/** Free text: kept as typed apart from the surrounding whitespace; Excel's TRUE/FALSE read as 是/否. */
export function normalizeText(raw: RawValue, _header: string): Normalized<string> {
  if (isBlank(raw)) return blank();
  if (typeof raw === 'boolean') return accepted(raw ? '是' : '否');
  return accepted(String(raw).trim());
}
