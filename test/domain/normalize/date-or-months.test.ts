import assert from 'node:assert/strict';
import { normalizeCell, type ColumnSpec } from '../../../service/domain/normalize/index.ts';
import { assertAccepted, assertBlank, assertRejected } from './expect.ts';

const SHANGHAI = { timeZone: 'Asia/Shanghai' };
const extendedTo: ColumnSpec = { id: 'extendedTo', header: '延长至', type: 'dateOrMonths' };

describe('normalizeCell: dateOrMonths (延长至)', () => {
  it('accepts every date form a date column accepts, an Excel serial included', () => {
    assertAccepted(normalizeCell(extendedTo, '2026年12月31日', SHANGHAI), '2026-12-31');
    assertAccepted(normalizeCell(extendedTo, 46082, SHANGHAI), '2026-03-01');
  });

  it('reads a number of months as a clerk types it: 3, 3个月, 三个月, 延长3个月, 十二个月, full-width digits', () => {
    for (const raw of [3, '3', '3个月', '三个月', '延长3个月', '３个月', ' 3 个月 '])
      assertAccepted(normalizeCell(extendedTo, raw, SHANGHAI), '3个月');
    assertAccepted(normalizeCell(extendedTo, '十二个月', SHANGHAI), '12个月');
    assertAccepted(normalizeCell(extendedTo, '二十四个月', SHANGHAI), '24个月');
  });

  it('leaves an empty cell empty', () => {
    assertBlank(normalizeCell(extendedTo, ' ', SHANGHAI));
  });

  it('rejects a month count out of 1 … 24 and anything that is neither, saying how to write months', () => {
    assertRejected(normalizeCell(extendedTo, '0个月', SHANGHAI), '延长至', '0个月', '月数应为 1 至 24 个月');
    assertRejected(normalizeCell(extendedTo, 25, SHANGHAI), '延长至', '25', '月数应为 1 至 24 个月');
    assertRejected(normalizeCell(extendedTo, '半年', SHANGHAI), '延长至', '半年', '延长月数填如「3个月」');
    const result = normalizeCell(extendedTo, '2026-02-30', SHANGHAI);
    assert.equal(result.value, null);
  });
});
