// Case numbers (案号), e.g. （2026）豫0102执1234号: year, court code, case type and serial.

import type { Normalized, RawValue } from '../problem.ts';
import { accepted, blank, flagged, isBlank, rejected } from './outcome.ts';
import { foldWidth } from './text.ts';

export interface CaseNumber {
  /** The official form, with full-width brackets. */
  official: string;
  year: number;
  /** Province character and 2–4 digits, e.g. 豫0102. */
  court: string;
  /** 执, 执恢, 执保, … */
  type: string;
  serial: number;
}

/** Only first executions (执) and resumed ones (执恢) are enforcement implementation, and triaged. */
const IMPLEMENTATION_TYPES = ['执', '执恢'];

/** Court codes begin with a province abbreviation, or 兵 for the Xinjiang Production and Construction Corps courts. */
const CASE_NUMBER =
  /^\((?<year>\d{4})\)(?<court>[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼兵]\d{2,4})(?<type>执[恢保异复监协他配]?)(?<serial>\d+)号$/;

const CASE_NUMBER_FORM = '应为（年份）法院代字+执行类型代字+序号+号，如（2026）豫0102执1234号';

/**
 * The parts of a case number in the official form or as clerks type it: half- or full-width
 * brackets, 〔〕 or [], spaces anywhere, leading zeros in the serial. null when it is not one.
 */
export function parseCaseNo(text: string): CaseNumber | null {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const caseNo = parseAnew(text);
  // Bounded: a store of a million rows parses each number again after the map is cleared, no more.
  if (parsed.size >= PARSED_KEPT) parsed.clear();
  parsed.set(text, caseNo);
  return caseNo;
}

/** 执, 执恢, 执保…: the type of a case number, null when the value is not one. */
export function caseTypeOf(value: unknown): string | null {
  return typeof value === 'string' ? (parseCaseNo(value)?.type ?? null) : null;
}

/**
 * The same numbers are parsed on every evaluation (the case type decides triage, the report counts
 * first executions), so each text's parts are kept, frozen since every caller shares them.
 */
const parsed = new Map<string, Readonly<CaseNumber> | null>();
const PARSED_KEPT = 200_000;

function parseAnew(text: string): Readonly<CaseNumber> | null {
  const compact = foldWidth(text)
    .replace(/[〔[]/g, '(')
    .replace(/[〕\]]/g, ')')
    .replace(/\s/g, '');
  const parts = CASE_NUMBER.exec(compact)?.groups;
  if (!parts) return null;
  const serial = Number(parts.serial);
  if (serial === 0) return null;
  const { court, type } = parts;
  return Object.freeze({ official: `（${parts.year}）${court}${type}${serial}号`, year: Number(parts.year), court, type, serial });
}

/** `anyType`: every enforcement case type is expected (a freeze in a 执保 case), so none gets the triage note. */
export function normalizeCaseNo(raw: RawValue, header: string, options: { anyType?: boolean } = {}): Normalized<CaseNumber> {
  if (isBlank(raw)) return blank();
  const caseNo = typeof raw === 'string' ? parseCaseNo(raw) : null;
  if (!caseNo) return rejected(header, raw, `不是有效的执行案号，${CASE_NUMBER_FORM}`);
  if (!options.anyType && !IMPLEMENTATION_TYPES.includes(caseNo.type)) {
    return flagged(caseNo, header, raw, `为${caseNo.type}案件，不属于执行实施案件，不进行繁简分流`);
  }
  return accepted(caseNo);
}
