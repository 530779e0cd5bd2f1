// The sync answer put together from kept row bytes (service/answer-json.ts) reads as the JSON of the
// whole answer would: the add-in and the web page parse it as before.

import assert from 'node:assert/strict';
import { answerBytes, withEncoding } from '../../service/answer-json.ts';
import type { RowResponse } from '../../service/ledger-service.ts';

const row = (serial: number): RowResponse => ({
  rowId: `row-${serial}`,
  rev: serial,
  state: 'ok',
  errors: [],
  status: { team: '速执团队', remarks: `第${serial}行 "引号" \\ 与换行\n` },
});

describe('the sync answer from kept row bytes', () => {
  it('is byte for byte the JSON of the answer, with kept and new rows in any order', () => {
    const rows = [withEncoding(row(1)), row(2), row(3), withEncoding(row(4)), withEncoding(row(5)), row(6)];
    const answer = { asOf: '2026-12-03', revision: 7, rows };
    assert.equal(answerBytes(answer).toString('utf8'), JSON.stringify(answer));
  });

  it('answers no rows, and only new rows, as JSON.stringify does', () => {
    for (const rows of [[], [row(1), row(2)], [withEncoding(row(3))]]) {
      const answer = { asOf: '2026-12-03', revision: 1, rows };
      assert.deepEqual(JSON.parse(answerBytes(answer).toString('utf8')), JSON.parse(JSON.stringify(answer)));
      assert.equal(answerBytes(answer).toString('utf8'), JSON.stringify(answer));
    }
  });
});
