import { normalizeDate, normalizeDateTime } from '../../../service/domain/normalize/dates.ts';
import type { RawValue } from '../../../service/domain/problem.ts';
import { assertAccepted, assertBlank, assertRejected } from './expect.ts';

const FILED = '立案日期';
const ARRIVED = '到案时间';

describe('normalizeDate', () => {
  const accepted: Array<[RawValue, string]> = [
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026 年 3 月 5 日', '2026-03-05'],
    ['2026年3月5号', '2026-03-05'],
    ['２０２６／０３／０５', '2026-03-05'],
    ['  2026-3-5  ', '2026-03-05'],
    ['2026-03-05 10:30', '2026-03-05'],
    ['2026年3月5日 10时30分', '2026-03-05'],
    ['2026-03-05T10:30:00', '2026-03-05'],
    ['2026-03-05T00:00:00.000Z', '2026-03-05'],
    ['2026-03-04T16:30:00Z', '2026-03-05'],
    ['2026-03-05T23:30:00+08:00', '2026-03-05'],
    ['2026-03-05T10:00:00-0500', '2026-03-05'],
    [45000, '2023-03-15'],
    [45000.75, '2023-03-15'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [73050, '2099-12-31'],
  ];
  for (const [raw, expected] of accepted) {
    it(`reads ${JSON.stringify(raw)} as ${expected}`, () => {
      assertAccepted(normalizeDate(raw, FILED), expected);
    });
  }

  it('reads serials 1 to 59 as 1900-01-01 to 1900-02-28', () => {
    for (let serial = 1; serial <= 59; serial += 1) {
      const expected = new Date(Date.UTC(1900, 0, serial)).toISOString().slice(0, 10);
      assertAccepted(normalizeDate(serial, FILED), expected);
    }
  });

  it('reads an ISO timestamp in the time zone it is given', () => {
    assertAccepted(normalizeDate('2026-03-04T16:30:00Z', FILED, { timeZone: 'UTC' }), '2026-03-04');
    assertAccepted(normalizeDate('2026-03-05T03:00:00Z', FILED, { timeZone: 'America/New_York' }), '2026-03-04');
  });

  const rejected: Array<[RawValue, string, string]> = [
    ['26-3-5', '26-3-5', '年份应写四位'],
    ['26年3月5日', '26年3月5日', '年份应写四位'],
    ['3/5/2026', '3/5/2026', '应按年、月、日的顺序填写'],
    ['5.3.2026', '5.3.2026', '应按年、月、日的顺序填写'],
    ['2026-02-30', '2026-02-30', '不是存在的日期'],
    ['9999-12-31', '9999-12-31', '年份 9999 超出 1900–2099'],
    [2958465, '2958465', '年份 9999 超出 1900–2099'],
    [73051, '73051', '年份 2100 超出 1900–2099'],
    ['1899-12-31', '1899-12-31', '年份 1899 超出'],
    ['2025年2月29日', '2025年2月29日', '不是存在的日期'],
    ['2026-13-01', '2026-13-01', '不是存在的日期'],
    ['2026-02-30T00:00:00Z', '2026-02-30T00:00:00Z', '不是存在的日期'],
    ['2026-03-05 25:00', '2026-03-05 25:00', '时间不存在'],
    ['2026-3/5', '2026-3/5', '不是可识别的日期'],
    ['20260305', '20260305', '不是可识别的日期'],
    ['2026年3月5', '2026年3月5', '不是可识别的日期'],
    ['2026-03-05 下午', '2026-03-05 下午', '不是可识别的日期'],
    ['下周一', '下周一', '不是可识别的日期'],
    ['45000', '45000', '不是可识别的日期'],
    [60, '60', '1900-02-29'],
    [0, '0', '不是有效的 Excel 日期序号'],
    [0.5, '0.5', '不是有效的 Excel 日期序号'],
    [-3, '-3', '不是有效的 Excel 日期序号'],
    [2958466, '2958466', '不是有效的 Excel 日期序号'],
    [Number.NaN, 'NaN', '不是有效的 Excel 日期序号'],
    [true, 'TRUE', '不是日期'],
  ];
  for (const [raw, seen, reason] of rejected) {
    it(`rejects ${JSON.stringify(raw)}: ${reason}`, () => {
      assertRejected(normalizeDate(raw, FILED), FILED, seen, reason);
    });
  }

  for (const raw of [null, undefined, '', ' \u3000 ']) {
    it(`gives null without problems for ${JSON.stringify(raw)}`, () => {
      assertBlank(normalizeDate(raw, FILED));
    });
  }
});

describe('normalizeDateTime', () => {
  const accepted: Array<[RawValue, string]> = [
    ['2026-03-05 10:30', '2026-03-05 10:30'],
    ['2026/3/5 9:05', '2026-03-05 09:05'],
    ['2026.3.5 23:59:59', '2026-03-05 23:59'],
    ['2026-03-05T00:00', '2026-03-05 00:00'],
    ['2026年3月5日10时30分', '2026-03-05 10:30'],
    ['2026年3月5日 9时5分', '2026-03-05 09:05'],
    ['2026年3月5日 14点', '2026-03-05 14:00'],
    ['２０２６－０３－０５　１０：３０', '2026-03-05 10:30'],
    ['2026-03-04T16:30:00Z', '2026-03-05 00:30'],
    ['2026-03-05T10:30:00.000+08:00', '2026-03-05 10:30'],
    [45000.4375, '2023-03-15 10:30'],
    [45000 + 631 / 1440, '2023-03-15 10:31'],
    [45000 + 10.5 / 24 - 0.2 / 86400, '2023-03-15 10:30'],
    [45000.99999, '2023-03-16 00:00'],
  ];
  for (const [raw, expected] of accepted) {
    it(`reads ${JSON.stringify(raw)} as ${expected}`, () => {
      assertAccepted(normalizeDateTime(raw, ARRIVED), expected);
    });
  }

  it('reads an ISO timestamp in the time zone it is given', () => {
    assertAccepted(normalizeDateTime('2026-03-04T16:30:00Z', ARRIVED, { timeZone: 'UTC' }), '2026-03-04 16:30');
  });

  const rejected: Array<[RawValue, string, string]> = [
    ['2026-03-05', '2026-03-05', '缺少时间'],
    ['2026年3月5日', '2026年3月5日', '缺少时间'],
    [45000, '45000', '缺少时间'],
    ['2026-03-05 24:00', '2026-03-05 24:00', '时间不存在'],
    ['2026-03-05 10:60', '2026-03-05 10:60', '时间不存在'],
    ['2026年3月5日 10时75分', '2026年3月5日 10时75分', '时间不存在'],
    ['2026-02-30 10:30', '2026-02-30 10:30', '不是存在的日期'],
    ['26-3-5 10:30', '26-3-5 10:30', '年份应写四位'],
    ['3/5/2026 10:30', '3/5/2026 10:30', '应按年、月、日的顺序填写'],
    ['10:30', '10:30', '不是可识别的日期'],
    [0.4375, '0.4375', '不是有效的 Excel 日期序号'],
    [false, 'FALSE', '不是日期'],
  ];
  for (const [raw, seen, reason] of rejected) {
    it(`rejects ${JSON.stringify(raw)}: ${reason}`, () => {
      assertRejected(normalizeDateTime(raw, ARRIVED), ARRIVED, seen, reason);
    });
  }

  it('gives null without problems when empty', () => {
    assertBlank(normalizeDateTime('  ', ARRIVED));
  });
});
