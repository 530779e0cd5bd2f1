// Text as it goes into the XML we write ourselves: markup escaped, characters XML cannot hold dropped.

import assert from 'node:assert/strict';
import { xmlText } from '../../service/workbook/xml-text.ts';

describe('XML text of our own xlsx', () => {
  it('escapes the markup characters, in text and in attribute values alike', () => {
    assert.equal(xmlText('<甲&乙> "丙" \'丁\''), "&lt;甲&amp;乙&gt; &quot;丙&quot; '丁'");
  });

  it('drops controls, lone surrogates, U+FFFE and U+FFFF, and keeps tabs, line breaks and characters beyond the BMP', () => {
    assert.equal(xmlText('李\u0001四\u000B\uFFFE\uFFFF\uD800'), '李四');
    assert.equal(xmlText('𠮷\t野\r\n家'), '𠮷\t野\r\n家');
    assert.equal(xmlText('<\u0001>'), '&lt;&gt;');
  });

  it('leaves a plain text as it is', () => {
    assert.equal(xmlText('（2026）豫0102执1号'), '（2026）豫0102执1号');
  });
});
