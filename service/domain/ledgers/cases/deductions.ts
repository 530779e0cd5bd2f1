// 扣除期间 as a clerk types it: 「中止执行 2026-03-01至2026-03-20；公告送达 2026-05-02至05-10」, a
// period still running written with no end (「中止执行 2026-06-01至」). Read into dated periods of
// the configured kinds, or into messages saying what is wrong.

import { formatYmd, isValidYmd, type CivilDate } from '../../civil-date.ts';
import { foldWidth } from '../../normalize/text.ts';
import type { DeductionKind } from './rules.ts';

export interface DeductedPeriod {
  kind: DeductionKind;
  from: CivilDate;
  /** null while the period has not ended. */
  to: CivilDate | null;
  /** The entry as the clerk typed it, for messages. */
  text: string;
}

const ENTRIES = /[;；,，、\n]+/;
const DATE = String.raw`\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?`;
const SHORT_DATE = String.raw`(?:\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?`;
const ENTRY = new RegExp(String.raw`^(?<kind>\D*?)\s*(?<from>${DATE})\s*(?:(?<range>至|到|~|—|–|起)\s*(?<to>${SHORT_DATE})?)?$`);
const EXAMPLE = '请按「中止执行 2026-03-01至2026-03-20」填写，尚未结束的写「中止执行 2026-03-01至」，多项以「；」分隔';
const NOT_DEDUCTED = '（本列有误，暂不扣除）';

/** The periods typed in the cell, in the order of their start; any mistake leaves none and says why. */
export function readDeductions(
  text: string,
  kinds: DeductionKind[],
  filedOn: CivilDate | null,
  header: string,
): { periods: DeductedPeriod[]; messages: string[] } {
  if (text === '') return { periods: [], messages: [] };
  const periods: DeductedPeriod[] = [];
  const messages: string[] = [];
  for (const entry of text
    .split(ENTRIES)
    .map(foldWidth)
    .filter((part) => part !== '')) {
    const read = readEntry(entry, kinds);
    if (typeof read === 'string') messages.push(`${header}「${entry}」${read}`);
    else periods.push(read);
  }
  periods.sort((a, b) => a.from.localeCompare(b.from));
  messages.push(...orderMessages(periods, filedOn, header));
  if (messages.length > 0) return { periods: [], messages: messages.map((message) => `${message}${NOT_DEDUCTED}`) };
  return { periods, messages };
}

function readEntry(entry: string, kinds: DeductionKind[]): DeductedPeriod | string {
  const match = ENTRY.exec(entry);
  if (!match?.groups) return `无法识别，${EXAMPLE}`;
  const { kind: word, from: fromText, range, to: toText } = match.groups;
  const kindWord = word.trim();
  const names = kinds.map((kind) => kind.name).join('、');
  if (kindWord === '') return `未写明期间类型，应为 ${names} 之一`;
  const kind = kinds.find((candidate) => candidate.name === kindWord || candidate.aliases.includes(kindWord));
  if (!kind) return `的类型「${kindWord}」不是不计入执行期限的期间，应为 ${names} 之一`;
  const from = readDate(fromText, null);
  if (!from) return `的开始日期「${fromText.trim()}」不是有效日期，${EXAMPLE}`;
  if (!range) {
    return `未写明结束日期：尚未结束的写「${kind.name} ${from}至」`;
  }
  if (!toText) return { kind, from, to: null, text: entry };
  const to = readDate(toText, Number(from.slice(0, 4)));
  if (!to) return `的结束日期「${toText.trim()}」不是有效日期，${EXAMPLE}`;
  if (to < from) return `的结束日期 ${to} 早于开始日期 ${from}`;
  return { kind, from, to, text: entry };
}

/** 2026-03-01, 2026年3月1日, or for an end 05-10 / 5月10日 in the start's year. */
function readDate(text: string, year: number | null): CivilDate | null {
  const numbers = (text.match(/\d+/g) ?? []).map(Number);
  const [y, m, d] = numbers.length === 3 ? numbers : [year ?? 0, ...numbers];
  if (numbers.length < 2 || !isValidYmd(y, m, d)) return null;
  return formatYmd(y, m, d);
}

/** A period before the filing, and two periods sharing a day (a day is deducted once). */
function orderMessages(periods: DeductedPeriod[], filedOn: CivilDate | null, header: string): string[] {
  const messages: string[] = [];
  for (const [index, period] of periods.entries()) {
    if (filedOn && period.from < filedOn) messages.push(`${header}「${period.text}」开始于立案日期 ${filedOn} 之前`);
    const next = periods[index + 1];
    if (next && (period.to === null || next.from <= period.to)) {
      messages.push(`${header}「${period.text}」与「${next.text}」的期间重叠，同一日只能扣除一次`);
    }
  }
  return messages;
}
