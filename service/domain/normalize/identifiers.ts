// Identity numbers of parties (身份证号, 统一社会信用代码), licence plates and lawyers' licence numbers.
// A wrong check character is only a warning (SPEC §4): the clerk may have the paper in hand, and
// the number as printed on it wins over the arithmetic.

import { isValidYmd } from '../civil-date.ts';
import type { Normalized, RawValue } from '../problem.ts';
import { accepted, blank, flagged, isBlank, rejected } from './outcome.ts';
import { foldWidth } from './text.ts';

const PERSON_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const PERSON_ID_CHECK = '10X98765432';
const PERSON_ID_SHAPE = /^\d{17}[\dX]$/;

const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Excel keeps 15 significant digits, so an 18-digit number typed into a number cell has already
 * lost its last digits: only a text cell keeps an identity number.
 */
const NUMBER_CELL_REASON = '被 Excel 存成了数字，超过 15 位的部分已丢失，请将单元格设为文本格式后重新录入';

function compactUpper(raw: string): string {
  return foldWidth(raw).replace(/\s/g, '').toUpperCase();
}

/** ISO 7064 MOD 11-2 over the first 17 digits (GB 11643-1999). */
function personIdCheckChar(first17: string): string {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * PERSON_ID_WEIGHTS[i], 0);
  return PERSON_ID_CHECK[sum % 11];
}

/** GB 32100-2015: weights 3^i mod 31 over the first 17 characters. */
function creditCodeCheckChar(first17: string): string {
  const sum = [...first17].reduce((total, char, i) => total + CREDIT_CODE_ALPHABET.indexOf(char) * CREDIT_CODE_WEIGHTS[i], 0);
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export function normalizePersonId(raw: RawValue, header: string): Normalized<string> {
  if (isBlank(raw)) return blank();
  if (typeof raw !== 'string') return rejected(header, raw, typeof raw === 'number' ? NUMBER_CELL_REASON : '不是身份证号');
  return checkPersonId(compactUpper(raw), header, raw);
}

function checkPersonId(id: string, header: string, raw: string): Normalized<string> {
  if (id.length !== 18) return rejected(header, raw, `应为 18 位身份证号，实际为 ${id.length} 位`);
  if (!PERSON_ID_SHAPE.test(id)) return rejected(header, raw, '应为 17 位数字加 1 位数字或 X');
  const [year, month, day] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number);
  if (year < 1900 || year > 2100 || !isValidYmd(year, month, day)) {
    return rejected(header, raw, `中的出生日期 ${id.slice(6, 14)} 不存在`);
  }
  const expected = personIdCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return flagged(id, header, raw, `校验位应为 ${expected}，请核对`);
  return accepted(id);
}

export function normalizeCreditCode(raw: RawValue, header: string): Normalized<string> {
  if (isBlank(raw)) return blank();
  if (typeof raw !== 'string') {
    return rejected(header, raw, typeof raw === 'number' ? NUMBER_CELL_REASON : '不是统一社会信用代码');
  }
  return checkCreditCode(compactUpper(raw), header, raw);
}

function checkCreditCode(code: string, header: string, raw: string): Normalized<string> {
  if (code.length !== 18) return rejected(header, raw, `应为 18 位统一社会信用代码，实际为 ${code.length} 位`);
  const stray = [...code].findIndex((char) => !CREDIT_CODE_ALPHABET.includes(char));
  if (stray >= 0) {
    return rejected(header, raw, `第 ${stray + 1} 位「${code[stray]}」不是统一社会信用代码使用的字符（不用 I、O、S、V、Z）`);
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return flagged(code, header, raw, `校验位应为 ${expected}，请核对`);
  return accepted(code);
}

/**
 * A party is a person or an organisation. 17 digits and a digit or X read as a 身份证号, unless
 * the value fails those rules and is a valid 统一社会信用代码 (some codes are all digits).
 */
export function normalizePartyId(raw: RawValue, header: string): Normalized<string> {
  if (isBlank(raw)) return blank();
  if (typeof raw !== 'string') return rejected(header, raw, typeof raw === 'number' ? NUMBER_CELL_REASON : '不是证件号');
  const id = compactUpper(raw);
  if (id.length !== 18) {
    return rejected(header, raw, `应为 18 位身份证号或统一社会信用代码，实际为 ${id.length} 位`);
  }
  if (!PERSON_ID_SHAPE.test(id)) return checkCreditCode(id, header, raw);
  const asPerson = checkPersonId(id, header, raw);
  if (asPerson.problems.length === 0) return asPerson;
  const asOrganisation = checkCreditCode(id, header, raw);
  return asOrganisation.problems.length === 0 ? asOrganisation : asPerson;
}

/** First 4 and last 4 characters kept, e.g. 4101**********1234; a short value is masked whole. */
export function maskIdentity(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** 18 characters of digits and capitals, the shape both identity numbers share. */
const IDENTITY_LIKE = /(?<![0-9A-Za-z])[0-9A-Z]{17}[0-9A-Z](?![0-9A-Za-z])/gi;

/** Every identity number (身份证号, 统一社会信用代码) inside free text, masked: for log lines and reports. */
export function maskIdentitiesIn(text: string): string {
  return text.replace(IDENTITY_LIKE, (match) => (/\d{6}/.test(match) ? maskIdentity(match) : match));
}

/**
 * Province, issuing-office letter, then 5 characters (the last may be 挂/学/警/港/澳) or 6 for
 * new-energy plates. Letters I and O are never used.
 */
const PLATE =
  /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z](?:[A-HJ-NP-Z\d]{4}[A-HJ-NP-Z\d挂学警港澳]|[A-HJ-NP-Z\d]{6})$/;

export function normalizePlate(raw: RawValue, header: string): Normalized<string> {
  if (isBlank(raw)) return blank();
  const plate = typeof raw === 'string' ? compactUpper(raw).replace(/[·•・.-]/g, '') : '';
  if (!PLATE.test(plate)) {
    return rejected(header, raw, '不是有效的车牌号，应为省份简称+字母+5 位字母或数字（新能源车 6 位），如 豫A12345');
  }
  return accepted(plate);
}

export function normalizeLicenseNo(raw: RawValue, header: string): Normalized<string> {
  if (isBlank(raw)) return blank();
  if (typeof raw === 'number') return rejected(header, raw, NUMBER_CELL_REASON);
  const licenseNo = typeof raw === 'string' ? compactUpper(raw) : '';
  if (!/^\d{17}$/.test(licenseNo)) return rejected(header, raw, '应为 17 位数字的律师执业证号');
  return accepted(licenseNo);
}
