import assert from 'node:assert/strict';
import { redact } from '../service/log.ts';

describe('log lines', () => {
  it('masks identity numbers and credit codes wherever they appear', () => {
    assert.equal(redact('被执行人 11010519491231002X 未到案'), '被执行人 1101**********002X 未到案');
    assert.equal(redact('code=91350100M000100Y43;'), 'code=9135**********0Y43;');
  });

  it('leaves other text, UUIDs and short numbers alone', () => {
    const text = 'rowId 6f1c2a4e-8d3b-4c57-9a0e-2b7d5e913c40 金额 50000 案号（2026）豫0102执1234号';
    assert.equal(redact(text), text);
  });
});
