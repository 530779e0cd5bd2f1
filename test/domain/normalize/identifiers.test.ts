import assert from 'node:assert/strict';
import {
  maskIdentity,
  normalizeCreditCode,
  normalizeLicenseNo,
  normalizePartyId,
  normalizePersonId,
  normalizePlate,
} from '../../../service/domain/normalize/identifiers.ts';
import type { RawValue } from '../../../service/domain/problem.ts';
import { assertAccepted, assertBlank, assertRejected, assertWarned } from './expect.ts';

// Check characters computed here from the standards' definitions, independently of the code under test.

/** GB 11643-1999: weight of position i (1-based) is 2^(18−i) mod 11; check = (12 − S mod 11) mod 11, 10 → X. */
function personIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 1; i <= 17; i += 1) sum += Number(first17[i - 1]) * (2 ** (18 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** GB 32100-2015: weight of position i (0-based) is 3^i mod 31; check = 31 − S mod 31, 31 → 0. */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCodeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CREDIT_ALPHABET.indexOf(first17[i]) * (3 ** i % 31);
  const check = 31 - (sum % 31);
  return CREDIT_ALPHABET[check === 31 ? 0 : check];
}

/** A check character other than the right one. */
function wrongCheck(right: string): string {
  return right === '5' ? '6' : '5';
}

const PERSON_BASE = '41010219900101123';
const PERSON_ID = PERSON_BASE + personIdCheck(PERSON_BASE);
const PUBLISHED_PERSON_ID = '11010519491231002X'; // the example in GB 11643-1999
const PUBLISHED_CREDIT_CODE = '91350100M000100Y43'; // the example in GB 32100-2015
const CREDIT_BASE = '91410100MA3X4B5C6';
const CREDIT_CODE = CREDIT_BASE + creditCodeCheck(CREDIT_BASE);

const RESPONDENT_ID = '被执行人证件号';

describe('check characters used by these tests', () => {
  it('agree with the published examples', () => {
    assert.equal(personIdCheck(PUBLISHED_PERSON_ID.slice(0, 17)), 'X');
    assert.equal(creditCodeCheck(PUBLISHED_CREDIT_CODE.slice(0, 17)), '3');
  });
});

describe('normalizePersonId', () => {
  const header = '证件号';
  it('accepts the published example', () => {
    assertAccepted(normalizePersonId(PUBLISHED_PERSON_ID, header), PUBLISHED_PERSON_ID);
  });
  it('accepts a number with a computed check digit', () => {
    assertAccepted(normalizePersonId(PERSON_ID, header), PERSON_ID);
  });
  it('accepts every check character 0–9 and X where it is the right one', () => {
    const seen = new Set<string>();
    for (let sequence = 0; seen.size < 11 && sequence < 1000; sequence += 1) {
      const base = `41010219900101${String(sequence).padStart(3, '0')}`;
      const check = personIdCheck(base);
      seen.add(check);
      assertAccepted(normalizePersonId(base + check, header), base + check);
    }
    assert.equal(seen.size, 11);
  });
  it('folds full-width characters, spaces and a lower-case x', () => {
    assertAccepted(normalizePersonId('１１０１０５ 1949 1231 002x', header), PUBLISHED_PERSON_ID);
  });
  it('warns naming the expected check character, and keeps the value', () => {
    const typed = PERSON_BASE + wrongCheck(personIdCheck(PERSON_BASE));
    assertWarned(normalizePersonId(typed, header), typed, header, typed, `校验位应为 ${personIdCheck(PERSON_BASE)}，请核对`);
  });
  it('warns when X is typed for a digit check', () => {
    const typed = `${PERSON_BASE}X`;
    assert.notEqual(personIdCheck(PERSON_BASE), 'X');
    assertWarned(normalizePersonId(typed, header), typed, header, typed, `校验位应为 ${personIdCheck(PERSON_BASE)}`);
  });

  const rejected: Array<[RawValue, string, string]> = [
    ['4101021990010112', '4101021990010112', '应为 18 位身份证号，实际为 16 位'],
    ['410102900101123', '410102900101123', '实际为 15 位'],
    ['41010219900101123Y', '41010219900101123Y', '17 位数字加 1 位数字或 X'],
    ['4101021990010112X3', '4101021990010112X3', '17 位数字加 1 位数字或 X'],
    ['410102199002301234', '410102199002301234', '出生日期 19900230 不存在'],
    ['410102189901011234', '410102189901011234', '出生日期 18990101 不存在'],
    ['410102210101011234', '410102210101011234', '出生日期 21010101 不存在'],
    [410102199001011200, '410102199001011200', '被 Excel 存成了数字'],
    [true, 'TRUE', '不是身份证号'],
  ];
  for (const [raw, seen, reason] of rejected) {
    it(`rejects ${JSON.stringify(raw)}: ${reason}`, () => {
      assertRejected(normalizePersonId(raw, header), header, seen, reason);
    });
  }
  it('gives null without problems when empty', () => {
    assertBlank(normalizePersonId(' ', header));
  });
});

describe('normalizeCreditCode', () => {
  const header = '统一社会信用代码';
  it('accepts the published example', () => {
    assertAccepted(normalizeCreditCode(PUBLISHED_CREDIT_CODE, header), PUBLISHED_CREDIT_CODE);
  });
  it('accepts a code with a computed check character, folded and upper-cased', () => {
    assertAccepted(normalizeCreditCode(` ${CREDIT_CODE.toLowerCase().replace('9', '９')} `, header), CREDIT_CODE);
  });
  it('accepts every one of the 31 check characters where it is the right one', () => {
    const seen = new Set<string>();
    for (let i = 0; seen.size < 31 && i < 31 * 31; i += 1) {
      const base = `91410100MA3X4B5${CREDIT_ALPHABET[Math.floor(i / 31)]}${CREDIT_ALPHABET[i % 31]}`;
      const check = creditCodeCheck(base);
      seen.add(check);
      assertAccepted(normalizeCreditCode(base + check, header), base + check);
    }
    assert.equal(seen.size, 31);
  });
  it('warns naming the expected check character, and keeps the value', () => {
    const typed = CREDIT_BASE + wrongCheck(creditCodeCheck(CREDIT_BASE));
    assertWarned(normalizeCreditCode(typed, header), typed, header, typed, `校验位应为 ${creditCodeCheck(CREDIT_BASE)}，请核对`);
  });
  const rejected: Array<[RawValue, string, string]> = [
    ['91350100M000100Y4', '91350100M000100Y4', '应为 18 位统一社会信用代码，实际为 17 位'],
    ['91350100M000100Y433', '91350100M000100Y433', '实际为 19 位'],
    ['91350100MI00100Y43', '91350100MI00100Y43', '第 10 位「I」不是统一社会信用代码使用的字符'],
    ['91350100M0001-0Y43', '91350100M0001-0Y43', '第 14 位「-」'],
    [913501001000100, '913501001000100', '被 Excel 存成了数字'],
  ];
  for (const [raw, seen, reason] of rejected) {
    it(`rejects ${JSON.stringify(raw)}: ${reason}`, () => {
      assertRejected(normalizeCreditCode(raw, header), header, seen, reason);
    });
  }
});

describe('normalizePartyId', () => {
  it('reads 17 digits and a digit or X as a 身份证号', () => {
    assertAccepted(normalizePartyId(PUBLISHED_PERSON_ID.toLowerCase(), RESPONDENT_ID), PUBLISHED_PERSON_ID);
    const typed = PERSON_BASE + wrongCheck(personIdCheck(PERSON_BASE));
    const expected = `校验位应为 ${personIdCheck(PERSON_BASE)}`;
    assertWarned(normalizePartyId(typed, RESPONDENT_ID), typed, RESPONDENT_ID, typed, expected);
  });
  it('reads anything else of 18 characters as a 统一社会信用代码', () => {
    assertAccepted(normalizePartyId(PUBLISHED_CREDIT_CODE, RESPONDENT_ID), PUBLISHED_CREDIT_CODE);
    const typed = CREDIT_BASE + wrongCheck(creditCodeCheck(CREDIT_BASE));
    const expected = `校验位应为 ${creditCodeCheck(CREDIT_BASE)}`;
    assertWarned(normalizePartyId(typed, RESPONDENT_ID), typed, RESPONDENT_ID, typed, expected);
  });
  it('reads an all-digit valid 统一社会信用代码 that is no valid 身份证号 as the code', () => {
    const base = '12410000400000620';
    const code = base + creditCodeCheck(base);
    assert.match(code, /^\d{18}$/, 'the example must be all digits to test this');
    assertAccepted(normalizePartyId(code, RESPONDENT_ID), code);
  });
  it('keeps the 身份证号 problem when an all-digit value is neither', () => {
    assertRejected(normalizePartyId('410102199002301234', RESPONDENT_ID), RESPONDENT_ID, '410102199002301234', '出生日期');
  });
  it('warns on 41010219900101123X, naming the right check digit', () => {
    const typed = '41010219900101123X';
    const expected = `校验位应为 ${personIdCheck(PERSON_BASE)}，请核对`;
    assertWarned(normalizePartyId(typed, RESPONDENT_ID), typed, RESPONDENT_ID, typed, expected);
  });
  const rejected: Array<[RawValue, string, string]> = [
    ['4101021990010112', '4101021990010112', '应为 18 位身份证号或统一社会信用代码，实际为 16 位'],
    ['91350100M000100Y43A', '91350100M000100Y43A', '应为 18 位身份证号或统一社会信用代码'],
    ['91350100MI00100Y43', '91350100MI00100Y43', '「I」'],
    [410102199001011200, '410102199001011200', '被 Excel 存成了数字'],
  ];
  for (const [raw, seen, reason] of rejected) {
    it(`rejects ${JSON.stringify(raw)}: ${reason}`, () => {
      assertRejected(normalizePartyId(raw, RESPONDENT_ID), RESPONDENT_ID, seen, reason);
    });
  }
});

describe('maskIdentity', () => {
  it('keeps the first 4 and the last 4 characters', () => {
    assert.equal(maskIdentity('410102199001011234'), '4101**********1234');
  });
  it('masks a value too short to keep 8 characters', () => {
    assert.equal(maskIdentity('12345678'), '********');
  });
});

describe('normalizePlate', () => {
  const header = '车牌号';
  const accepted: Array<[string, string]> = [
    ['豫A12345', '豫A12345'],
    ['豫a·12345', '豫A12345'],
    ['豫A-1234B', '豫A1234B'],
    ['豫A 12345', '豫A12345'],
    ['豫Ａ１２３４５', '豫A12345'],
    ['粤B·D12345', '粤BD12345'],
    ['豫A1234挂', '豫A1234挂'],
    ['京A0001警', '京A0001警'],
    ['豫A1234学', '豫A1234学'],
    ['粤Z1234港', '粤Z1234港'],
    ['粤Z1234澳', '粤Z1234澳'],
  ];
  for (const [raw, expected] of accepted) {
    it(`reads ${raw} as ${expected}`, () => {
      assertAccepted(normalizePlate(raw, header), expected);
    });
  }
  const rejected: Array<RawValue> = [
    '豫A1234',
    '豫A1234567',
    '豫I12345',
    '豫A1234O',
    'AA12345',
    '兵A12345',
    '豫112345',
    '豫AD12345挂',
    12345,
  ];
  for (const raw of rejected) {
    it(`rejects ${JSON.stringify(raw)}`, () => {
      assertRejected(normalizePlate(raw, header), header, String(raw), '不是有效的车牌号');
    });
  }
});

describe('normalizeLicenseNo', () => {
  const header = '执业证号';
  it('accepts 17 digits, folded', () => {
    assertAccepted(normalizeLicenseNo('１4101 201510123456', header), '14101201510123456');
  });
  for (const raw of ['1410120151012345', '141012015101234567', '1410120151012345A']) {
    it(`rejects ${raw}`, () => {
      assertRejected(normalizeLicenseNo(raw, header), header, raw, '应为 17 位数字');
    });
  }
  it('rejects a number cell, whose digits Excel has cut', () => {
    assertRejected(normalizeLicenseNo(14101201510123456, header), header, String(14101201510123456), '被 Excel 存成了数字');
  });
});
