import assert from 'node:assert/strict';
import { normalizeCaseNo, parseCaseNo } from '../../../service/domain/normalize/case-numbers.ts';
import type { RawValue } from '../../../service/domain/problem.ts';
import { assertAccepted, assertBlank, assertRejected, assertWarned } from './expect.ts';

const CASE_NO = '案号';

describe('parseCaseNo', () => {
  it('splits the official form into its parts', () => {
    assert.deepEqual(parseCaseNo('（2026）豫0102执1234号'), {
      official: '（2026）豫0102执1234号',
      year: 2026,
      court: '豫0102',
      type: '执',
      serial: 1234,
    });
  });
  it('takes the longest type: 执恢, not 执 followed by 恢', () => {
    assert.equal(parseCaseNo('（2026）京01执恢3号')?.type, '执恢');
  });
  it('gives null for a non-enforcement case number', () => {
    assert.equal(parseCaseNo('（2026）豫0102民初12号'), null);
  });
});

describe('normalizeCaseNo', () => {
  const accepted: Array<[string, string]> = [
    ['（2026）豫0102执1234号', '（2026）豫0102执1234号'],
    ['（２０２６）豫０１０２执１２３４号', '（2026）豫0102执1234号'],
    ['(2026)豫0102执1234号', '（2026）豫0102执1234号'],
    ['〔2026〕豫0102执1234号', '（2026）豫0102执1234号'],
    ['[2026]豫0102执1234号', '（2026）豫0102执1234号'],
    ['［2026］豫0102执1234号', '（2026）豫0102执1234号'],
    [' ( 2026 ) 豫 0102 执 1234 号 ', '（2026）豫0102执1234号'],
    ['(2026)豫0102执01234号', '（2026）豫0102执1234号'],
    ['(2025)京01执恢3号', '（2025）京01执恢3号'],
    ['(2026)兵0201执88号', '（2026）兵0201执88号'],
  ];
  for (const [raw, official] of accepted) {
    it(`reads ${JSON.stringify(raw)} as ${official}`, () => {
      assert.equal(normalizeCaseNo(raw, CASE_NO).value?.official, official);
      assert.deepEqual(normalizeCaseNo(raw, CASE_NO).problems, []);
    });
  }

  it('returns the parts with the official form', () => {
    assertAccepted(normalizeCaseNo('(2025)京01执恢3号', CASE_NO), {
      official: '（2025）京01执恢3号',
      year: 2025,
      court: '京01',
      type: '执恢',
      serial: 3,
    });
  });

  for (const type of ['执保', '执异', '执复', '执监', '执协', '执他', '执配']) {
    it(`keeps a ${type} case with a warning that it is not triaged`, () => {
      const raw = `(2026)豫0102${type}7号`;
      const result = normalizeCaseNo(raw, CASE_NO);
      assertWarned(
        result,
        { official: `（2026）豫0102${type}7号`, year: 2026, court: '豫0102', type, serial: 7 },
        CASE_NO,
        raw,
        `为${type}案件，不属于执行实施案件，不进行繁简分流`,
      );
    });
  }

  const rejected: Array<[RawValue, string]> = [
    ['（2026）豫0102民初12号', '（2026）豫0102民初12号'],
    ['（26）豫0102执1234号', '（26）豫0102执1234号'],
    ['（2026）豫0102执1234', '（2026）豫0102执1234'],
    ['（2026）A0102执1234号', '（2026）A0102执1234号'],
    ['（2026）豫1执1234号', '（2026）豫1执1234号'],
    ['（2026）豫01021执1234号', '（2026）豫01021执1234号'],
    ['（2026）豫0102执0号', '（2026）豫0102执0号'],
    ['2026豫0102执1234号', '2026豫0102执1234号'],
    ['（2026）豫0102执行1234号', '（2026）豫0102执行1234号'],
    [1234, '1234'],
  ];
  for (const [raw, seen] of rejected) {
    it(`rejects ${JSON.stringify(raw)} explaining the form`, () => {
      assertRejected(normalizeCaseNo(raw, CASE_NO), CASE_NO, seen, '如（2026）豫0102执1234号');
    });
  }

  it('gives null without problems when empty', () => {
    assertBlank(normalizeCaseNo('', CASE_NO));
  });
});
