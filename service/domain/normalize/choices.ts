// Values picked from a list: one option (enumerations), several (tags), or yes/no.

import type { Normalized, RawValue } from '../problem.ts';
import { accepted, blank, isBlank, rejected, shown } from './outcome.ts';
import { foldWidth } from './text.ts';

const YES = new Set(['是', 'Y', 'TRUE', '✓', '✔', '√']);
const NO = new Set(['否', 'N', 'FALSE', '×']);
const TAG_SEPARATORS = /[、,;\s]+/;

/** Excel's TRUE/FALSE read as 是/否, so a [是, 否] enumeration takes a checkbox value too. */
function asText(raw: string | number | boolean): string {
  if (typeof raw === 'boolean') return raw ? '是' : '否';
  return foldWidth(String(raw));
}

/** The option itself, or the option an alias stands for; undefined when neither. */
function lookUp(word: string, options: string[], aliases: Record<string, string>): string | undefined {
  if (options.includes(word)) return word;
  return Object.hasOwn(aliases, word) ? aliases[word] : undefined;
}

export function normalizeChoice(
  raw: RawValue,
  header: string,
  options: string[],
  aliases: Record<string, string> = {},
): Normalized<string> {
  if (isBlank(raw)) return blank();
  const option = lookUp(asText(raw), options, aliases);
  if (option === undefined) return rejected(header, raw, `不是可选的值，可选：${options.join('、')}`);
  return accepted(option);
}

export function normalizeYesNo(raw: RawValue, header: string): Normalized<boolean> {
  if (isBlank(raw)) return blank();
  if (typeof raw === 'boolean') return accepted(raw);
  const word = foldWidth(String(raw)).toUpperCase();
  if (YES.has(word)) return accepted(true);
  if (NO.has(word)) return accepted(false);
  return rejected(header, raw, '应填 是 或 否（也可填 Y/N、✓/×），或留空');
}

/**
 * Several tags separated by 、 ， , ; ； or spaces. The known ones are kept in the order typed,
 * without repeats, even when another is unknown: that one gets an error of its own.
 */
export function normalizeTags(
  raw: RawValue,
  header: string,
  options: string[],
  aliases: Record<string, string> = {},
): Normalized<string[]> {
  if (isBlank(raw)) return blank();
  const tags: string[] = [];
  const unknown: string[] = [];
  for (const word of asText(raw)
    .split(TAG_SEPARATORS)
    .filter((part) => part !== '')) {
    const tag = lookUp(word, options, aliases);
    const found = tag === undefined ? unknown : tags;
    if (!found.includes(tag ?? word)) found.push(tag ?? word);
  }
  const problems = unknown.map((word) => ({
    level: 'error' as const,
    message: `${header}「${shown(raw)}」中的「${word}」不是可选的标签，可选：${options.join('、')}`,
  }));
  return { value: tags, problems };
}
