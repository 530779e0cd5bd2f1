// What every workbook we write may hold as text: XML's characters only, and nothing a spreadsheet
// could take for a formula left as it is.

import assert from 'node:assert/strict';
import { readAsFormula, xmlSafeText } from '../../service/domain/sheet-text.ts';

describe('text written into a workbook', () => {
  it('leaves out the characters XML cannot hold, and nothing else', () => {
    assert.equal(xmlSafeText('李\uFFFE四\uFFFF'), '李四');
    assert.equal(xmlSafeText('a\u0000b\u0001c\u001Fd\u000Be'), 'abcde');
    assert.equal(xmlSafeText('半个\uD800代理\uDFFF对'), '半个代理对');
    assert.equal(xmlSafeText('换行\t\n\r保留'), '换行\t\n\r保留');
    assert.equal(xmlSafeText('生僻字𠀀与表情😀'), '生僻字𠀀与表情😀');
    assert.equal(xmlSafeText('（2026）豫0102执1234号'), '（2026）豫0102执1234号');
  });

  it('takes = + - @ first for a formula, after blanks and line breaks, and in full width', () => {
    for (const text of ['=1+1', '+86', '-1', '@SUM(A1)', ' =1+1', '\t=cmd', '\r\n@SUM', '　=1', '＝1+1', '＋1', '－1', '＠x'])
      assert.equal(readAsFormula(text), true, JSON.stringify(text));
    for (const text of ['张三', '1+1', 'a=b', '（2026）豫0102执1号', '', ' ', '邮箱 a@b.cn'])
      assert.equal(readAsFormula(text), false, JSON.stringify(text));
  });
});
