import { normalizeAmount, normalizeInteger } from '../../../service/domain/normalize/numbers.ts';
import type { RawValue } from '../../../service/domain/problem.ts';
import { assertAccepted, assertBlank, assertRejected } from './expect.ts';

const AMOUNT = '执行标的额（元）';
const DAYS = '拘留天数';

describe('normalizeAmount', () => {
  const accepted: Array<[RawValue, number]> = [
    ['50000', 50000],
    ['50,000', 50000],
    ['50,000.00', 50000],
    ['1,234,567.8', 1234567.8],
    ['¥50,000', 50000],
    ['￥50,000', 50000],
    ['¥ 50000', 50000],
    ['人民币50000元', 50000],
    ['50000元', 50000],
    ['5万', 50000],
    ['5.2万元', 52000],
    ['5.2 万元', 52000],
    ['0.00015万', 1.5],
    ['1.2亿', 120000000],
    ['１２，３４５．６７元', 12345.67],
    ['0.125', 0.13],
    ['0', 0],
    [50000, 50000],
    [1234.567, 1234.57],
    [0.1 + 0.2, 0.3],
  ];
  for (const [raw, expected] of accepted) {
    it(`reads ${JSON.stringify(raw)} as ${expected}`, () => {
      assertAccepted(normalizeAmount(raw, AMOUNT), expected);
    });
  }

  const rejected: Array<[RawValue, string, string]> = [
    ['-5', '-5', '不能为负数'],
    [-5, '-5', '不能为负数'],
    ['-5万', '-5万', '不能为负数'],
    ['¥-5', '¥-5', '不能为负数'],
    ['5万3千', '5万3千', '混用了多个单位'],
    ['1,00,0', '1,00,0', '千分位逗号位置不对'],
    ['50,00', '50,00', '千分位逗号位置不对'],
    ['abc', 'abc', '不是可识别的金额'],
    ['5千', '5千', '不是可识别的金额'],
    ['50 000', '50 000', '不是可识别的金额'],
    ['5..2', '5..2', '不是可识别的金额'],
    [Number.POSITIVE_INFINITY, 'Infinity', '不是有效的金额'],
    [true, 'TRUE', '不是金额'],
  ];
  for (const [raw, seen, reason] of rejected) {
    it(`rejects ${JSON.stringify(raw)}: ${reason}`, () => {
      assertRejected(normalizeAmount(raw, AMOUNT), AMOUNT, seen, reason);
    });
  }

  it('gives null without problems when empty', () => {
    assertBlank(normalizeAmount('', AMOUNT));
    assertBlank(normalizeAmount(null, AMOUNT));
  });
});

describe('normalizeInteger', () => {
  const bounds = { min: 1, max: 15 };
  const accepted: Array<[RawValue, number]> = [
    ['15', 15],
    ['15天', 15],
    ['15 日', 15],
    ['１５', 15],
    ['１５天', 15],
    [15, 15],
    ['7.0', 7],
  ];
  for (const [raw, expected] of accepted) {
    it(`reads ${JSON.stringify(raw)} as ${expected}`, () => {
      assertAccepted(normalizeInteger(raw, DAYS, bounds), expected);
    });
  }

  const rejected: Array<[RawValue, string, string]> = [
    ['1.5', '1.5', '应为整数'],
    [15.5, '15.5', '应为整数'],
    ['16', '16', '应在 1 至 15 之间'],
    [0, '0', '应在 1 至 15 之间'],
    ['-3天', '-3天', '应在 1 至 15 之间'],
    ['十五', '十五', '不是可识别的整数'],
    ['15小时', '15小时', '不是可识别的整数'],
    [false, 'FALSE', '不是整数'],
  ];
  for (const [raw, seen, reason] of rejected) {
    it(`rejects ${JSON.stringify(raw)}: ${reason}`, () => {
      assertRejected(normalizeInteger(raw, DAYS, bounds), DAYS, seen, reason);
    });
  }

  it('names the one bound that is set', () => {
    assertRejected(normalizeInteger('0', '有效期（日）', { min: 1 }), '有效期（日）', '0', '不能小于 1');
    assertRejected(normalizeInteger('31', '有效期（日）', { max: 30 }), '有效期（日）', '31', '不能大于 30');
  });

  it('takes any whole number without bounds', () => {
    assertAccepted(normalizeInteger('-3', '差额'), -3);
  });

  it('gives null without problems when empty', () => {
    assertBlank(normalizeInteger(undefined, DAYS, bounds));
  });
});
