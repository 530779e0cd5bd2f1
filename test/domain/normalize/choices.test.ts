import assert from 'node:assert/strict';
import { normalizeChoice, normalizeTags, normalizeYesNo } from '../../../service/domain/normalize/choices.ts';
import type { RawValue } from '../../../service/domain/problem.ts';
import { assertAccepted, assertBlank, assertRejected } from './expect.ts';

const PARTY_TYPES = ['自然人', '企业', '金融机构', '党政机关', '其他组织'];
const TAGS = ['涉营商环境', '信用卡', '涉党政机关', '涉金融', '罚金', '简易'];

describe('normalizeChoice', () => {
  const header = '被执行人类型';
  it('accepts an option, trimmed and folded', () => {
    assertAccepted(normalizeChoice(' 企业\u3000', header, PARTY_TYPES), '企业');
    assertAccepted(normalizeChoice('Ａ类', '等级', ['A类', 'B类']), 'A类');
  });
  it('maps an alias to its option', () => {
    assertAccepted(normalizeChoice('个人', header, PARTY_TYPES, { 个人: '自然人', 公司: '企业' }), '自然人');
  });
  it('does not take an inherited property for an alias', () => {
    assertRejected(normalizeChoice('toString', header, PARTY_TYPES, {}), header, 'toString', '不是可选的值');
  });
  it('reads Excel TRUE/FALSE in a [是, 否] column', () => {
    assertAccepted(normalizeChoice(true, '可能采取拘留措施', ['是', '否']), '是');
    assertAccepted(normalizeChoice(false, '可能采取拘留措施', ['是', '否']), '否');
  });
  it('rejects another word, listing the options', () => {
    assertRejected(normalizeChoice('公司', header, PARTY_TYPES), header, '公司', '可选：自然人、企业、金融机构、党政机关、其他组织');
  });
  it('rejects a number that is no option', () => {
    assertRejected(normalizeChoice(3, header, PARTY_TYPES), header, '3', '不是可选的值');
  });
  it('gives null without problems when empty', () => {
    assertBlank(normalizeChoice('', header, PARTY_TYPES));
  });
});

describe('normalizeYesNo', () => {
  const header = '提前解除';
  const yes: RawValue[] = ['是', 'Y', 'y', 'Ｙ', '✓', '✔', '√', 'true', 'TRUE', true];
  const no: RawValue[] = ['否', 'N', 'n', '×', 'false', 'FALSE', false];
  for (const raw of yes) {
    it(`reads ${JSON.stringify(raw)} as yes`, () => assertAccepted(normalizeYesNo(raw, header), true));
  }
  for (const raw of no) {
    it(`reads ${JSON.stringify(raw)} as no`, () => assertAccepted(normalizeYesNo(raw, header), false));
  }
  for (const raw of ['不是', '1', 'x', 'yes?']) {
    it(`rejects ${JSON.stringify(raw)}`, () => {
      assertRejected(normalizeYesNo(raw, header), header, raw, '应填 是 或 否');
    });
  }
  it('gives null without problems when empty', () => {
    assertBlank(normalizeYesNo(' ', header));
    assertBlank(normalizeYesNo(null, header));
  });
});

describe('normalizeTags', () => {
  const header = '案件标签';
  const separated: Array<[string, string[]]> = [
    ['涉金融、信用卡', ['涉金融', '信用卡']],
    ['涉金融，信用卡', ['涉金融', '信用卡']],
    ['涉金融,信用卡', ['涉金融', '信用卡']],
    ['涉金融;信用卡', ['涉金融', '信用卡']],
    ['涉金融；信用卡', ['涉金融', '信用卡']],
    ['涉金融 信用卡', ['涉金融', '信用卡']],
    ['信用卡 、 涉金融、', ['信用卡', '涉金融']],
    ['罚金', ['罚金']],
  ];
  for (const [raw, expected] of separated) {
    it(`reads ${JSON.stringify(raw)} as ${expected.join('+')}, in the order typed`, () => {
      assertAccepted(normalizeTags(raw, header, TAGS), expected);
    });
  }
  it('drops repeats', () => {
    assertAccepted(normalizeTags('简易、罚金、简易', header, TAGS), ['简易', '罚金']);
  });
  it('maps aliases and drops a repeat made by one', () => {
    assertAccepted(normalizeTags('金融、涉金融', header, TAGS, { 金融: '涉金融' }), ['涉金融']);
  });
  it('keeps the known tags and names each unknown one in an error', () => {
    const raw = '涉金融、拍卖、信用卡、加急、拍卖';
    const result = normalizeTags(raw, header, TAGS);
    assert.deepEqual(result.value, ['涉金融', '信用卡']);
    assert.deepEqual(
      result.problems.map((problem) => problem.level),
      ['error', 'error'],
    );
    assert.ok(result.problems[0].message.startsWith(`${header}「${raw}」中的「拍卖」不是可选的标签`), result.problems[0].message);
    assert.ok(result.problems[1].message.startsWith(`${header}「${raw}」中的「加急」不是可选的标签`), result.problems[1].message);
    assert.ok(result.problems[0].message.includes('可选：涉营商环境、信用卡'), result.problems[0].message);
  });
  it('gives null without problems when empty', () => {
    assertBlank(normalizeTags('', header, TAGS));
  });
});
