import assert from 'node:assert/strict';
import { NO_DATE, normalizeCell, type ColumnSpec } from '../../../service/domain/normalize/index.ts';
import { assertAccepted, assertBlank, assertRejected, assertWarned } from './expect.ts';

const SHANGHAI = { timeZone: 'Asia/Shanghai' };
const expiry: ColumnSpec = { id: 'expiresOn', header: '到期日', type: 'dateOrNone' };

describe('normalizeCell: dateOrNone', () => {
  it('accepts every date form a date column accepts', () => {
    assertAccepted(normalizeCell(expiry, '2028年2月29日', SHANGHAI), '2028-02-29');
    assertAccepted(normalizeCell(expiry, 46082, SHANGHAI), '2026-03-01');
  });

  it('reads 无 (also 无期限, 不定期, full-width spaces around) as no date', () => {
    for (const raw of ['无', ' 无期限 ', '不定期', '　无　']) assertAccepted(normalizeCell(expiry, raw, SHANGHAI), NO_DATE);
  });

  it('leaves an empty cell empty', () => {
    assertBlank(normalizeCell(expiry, '  ', SHANGHAI));
  });

  it('rejects anything else, saying 无 is the word for no term', () => {
    assertRejected(normalizeCell(expiry, '永久', SHANGHAI), '到期日', '永久', '没有期限的填「无」');
    assertRejected(normalizeCell(expiry, '2026-02-30', SHANGHAI), '到期日', '2026-02-30', '不是存在的日期');
  });
});

describe('normalizeCell: case numbers of every type', () => {
  const caseNo: ColumnSpec = { id: 'caseNo', header: '案号', type: 'caseNo' };

  it('notes by default that a 执保 case is not triaged', () => {
    assertWarned(
      normalizeCell(caseNo, '（2026）豫0102执保12号', SHANGHAI),
      '（2026）豫0102执保12号',
      '案号',
      '（2026）豫0102执保12号',
      '不进行繁简分流',
    );
  });

  it('takes it without the note where the ledger expects every type', () => {
    assertAccepted(normalizeCell({ ...caseNo, anyCaseType: true }, '(2026)豫0102执保12号', SHANGHAI), '（2026）豫0102执保12号');
    assert.equal(normalizeCell({ ...caseNo, anyCaseType: true }, '（2026）豫0102民12号', SHANGHAI).problems[0].level, 'error');
  });
});
