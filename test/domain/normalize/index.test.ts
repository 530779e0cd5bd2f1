import assert from 'node:assert/strict';
import { maskIdentity, normalizeCell, parseCaseNo, type ColumnSpec } from '../../../service/domain/normalize/index.ts';
import type { RawValue } from '../../../service/domain/problem.ts';
import { assertAccepted, assertBlank, assertRejected, assertWarned } from './expect.ts';

const SHANGHAI = { timeZone: 'Asia/Shanghai' };

function column(type: ColumnSpec['type'], extra: Partial<ColumnSpec> = {}): ColumnSpec {
  return { id: 'column', header: '列名', type, ...extra };
}

describe('normalizeCell', () => {
  const cases: Array<[ColumnSpec, RawValue, unknown]> = [
    [column('text'), ' 张三 ', '张三'],
    [column('date'), '2026年3月5日', '2026-03-05'],
    [column('datetime'), '2026-03-05 10:30', '2026-03-05 10:30'],
    [column('amount'), '5.2万元', 52000],
    [column('integer', { min: 1, max: 15 }), '15天', 15],
    [column('enum', { options: ['个人', '单位'], aliases: { 公司: '单位' } }), '公司', '单位'],
    [column('tags', { options: ['罚金', '简易'] }), '简易、罚金', ['简易', '罚金']],
    [column('yesno'), '✓', true],
    [column('caseNo'), '（２０２６）豫０１０２执１２３４号', '（2026）豫0102执1234号'],
    [column('personId'), '11010519491231002x', '11010519491231002X'],
    [column('creditCode'), '91350100m000100y43', '91350100M000100Y43'],
    [column('partyId'), '91350100M000100Y43', '91350100M000100Y43'],
    [column('plate'), '豫a·12345', '豫A12345'],
    [column('licenseNo'), '14101201510123456', '14101201510123456'],
  ];
  for (const [spec, raw, expected] of cases) {
    it(`normalises a ${spec.type} cell`, () => {
      assertAccepted(normalizeCell(spec, raw, SHANGHAI), expected);
    });
  }

  it('reads timestamps in the time zone it is given', () => {
    assertAccepted(normalizeCell(column('date'), '2026-03-04T16:30:00Z', SHANGHAI), '2026-03-05');
    assertAccepted(normalizeCell(column('date'), '2026-03-04T16:30:00Z', { timeZone: 'UTC' }), '2026-03-04');
  });

  it('applies the integer bounds of the column', () => {
    assertRejected(normalizeCell(column('integer', { min: 1, max: 15 }), 16, SHANGHAI), '列名', '16', '应在 1 至 15 之间');
  });

  it('gives the official case number with the warning for a non-implementation case', () => {
    assertWarned(
      normalizeCell(column('caseNo', { header: '案号' }), '(2026)豫0102执保5号', SHANGHAI),
      '（2026）豫0102执保5号',
      '案号',
      '(2026)豫0102执保5号',
      '为执保案件',
    );
  });

  it('passes the column header into messages', () => {
    const result = normalizeCell(column('date', { header: '立案日期' }), '2026-02-30', SHANGHAI);
    assertRejected(result, '立案日期', '2026-02-30', '不是存在的日期');
  });

  it('gives null without problems for an empty cell of every type', () => {
    for (const [spec] of cases) {
      for (const raw of [null, undefined, '', ' \u3000 ']) assertBlank(normalizeCell(spec, raw, SHANGHAI));
    }
  });

  it('throws for a list column defined without options', () => {
    assert.throws(() => normalizeCell(column('enum'), '是', SHANGHAI), /column column \(enum\) has no options/);
  });
});

describe('index exports', () => {
  it('parseCaseNo gives the parts of an official case number', () => {
    assert.deepEqual(parseCaseNo('（2026）豫0102执恢88号'), {
      official: '（2026）豫0102执恢88号',
      year: 2026,
      court: '豫0102',
      type: '执恢',
      serial: 88,
    });
  });
  it('maskIdentity hides all but the first and last four', () => {
    assert.equal(maskIdentity('11010519491231002X'), '1101**********002X');
  });
});
