import assert from 'node:assert/strict';
import { foldWidth, normalizeText } from '../../../service/domain/normalize/text.ts';
import { assertAccepted, assertBlank } from './expect.ts';

describe('foldWidth', () => {
  const cases: Array<[string, string]> = [
    ['２０２６', '2026'],
    ['ＡＢＣｘｙｚ', 'ABCxyz'],
    ['（２０２６）', '(2026)'],
    ['５０，０００．００', '50,000.00'],
    ['２０２６／３／５', '2026/3/5'],
    ['１０：３０', '10:30'],
    ['￥５万', '¥5万'],
    ['［２０２６］', '[2026]'],
    ['\u3000 豫A  1234\t5 ', '豫A 1234 5'],
    ['〔2026〕执、罚金。', '〔2026〕执、罚金。'],
  ];
  for (const [input, expected] of cases) {
    it(`folds ${JSON.stringify(input)} to ${JSON.stringify(expected)}`, () => {
      assert.equal(foldWidth(input), expected);
    });
  }
});

describe('normalizeText', () => {
  it('trims a string and keeps full-width characters as typed', () => {
    assertAccepted(normalizeText('  张三（男）  ', '被执行人'), '张三（男）');
  });
  it('turns a number into its text', () => {
    assertAccepted(normalizeText(12.5, '案由'), '12.5');
  });
  it('reads Excel TRUE/FALSE as 是/否', () => {
    assertAccepted(normalizeText(true, '备注'), '是');
    assertAccepted(normalizeText(false, '备注'), '否');
  });
  for (const raw of [null, undefined, '', '  \u3000 ']) {
    it(`gives null without problems for ${JSON.stringify(raw)}`, () => {
      assertBlank(normalizeText(raw, '备注'));
    });
  }
});
