import assert from 'node:assert/strict';
import {
  batchWrites,
  chunkBySize,
  requestParts,
  ROWS_IN_FIRST_PART,
  ROWS_PER_PART,
  EXCEL_DATA_BUDGET,
  jsonBytes,
  SERVICE_BYTES_PER_REQUEST,
  utf8Length,
} from '../../../addin/sheet/chunks.ts';
import type { WriteBlock } from '../../../addin/sheet/write-blocks.ts';

describe('add-in: chunking under Excel on the web’s 5 MB and the service’s limits', () => {
  it('measures what travels: UTF-8, three bytes per Chinese character', () => {
    assert.equal(utf8Length('预警'), 6);
    assert.equal(utf8Length('a😀'), 5);
    assert.equal(jsonBytes([['超期', 3]]), Buffer.byteLength(JSON.stringify([['超期', 3]])));
  });

  it('keeps a table under the budget in one batch', () => {
    const block: WriteBlock = {
      row: 0,
      column: 5,
      values: Array.from({ length: 10_000 }, (_, row) => [`id-${row}`, 1, '速执团队', '超期', '']),
    };
    const batches = batchWrites([block]);
    assert.equal(batches.length, 1);
    assert.equal(batches[0][0].values.length, 10_000);
  });

  it('splits a block between rows so every batch stays under the budget, in order and complete', () => {
    const long = '校验意见'.repeat(100);
    const block: WriteBlock = { row: 3, column: 2, values: Array.from({ length: 6_000 }, (_, row) => [row, long]) };
    const batches = batchWrites([block]);
    assert.ok(batches.length >= 2);
    for (const batch of batches) assert.ok(batch.reduce((sum, part) => sum + jsonBytes(part.values), 0) <= EXCEL_DATA_BUDGET);
    const rows = batches.flat().flatMap((part) => part.values.map((values, offset) => [part.row + offset, values[0]]));
    assert.deepEqual(
      rows,
      block.values.map((values, offset) => [3 + offset, values[0]]),
    );
  });

  it('leaves room for the batch’s other commands', () => {
    const block: WriteBlock = { row: 0, column: 0, values: Array.from({ length: 100 }, () => ['x'.repeat(1000)]) };
    assert.equal(batchWrites([block], 200_000, 0).length, 1);
    assert.equal(batchWrites([block], 200_000, 150_000).length, 3);
  });

  it('groups items by size and count', () => {
    assert.deepEqual(
      chunkBySize([5, 5, 5, 20, 1], (n) => n, 10),
      [[5, 5], [5], [20], [1]],
    );
    assert.deepEqual(
      chunkBySize([1, 1, 1], (n) => n, 100, 2),
      [[1, 1], [1]],
    );
    const requests = Array.from({ length: 45_000 }, () => ({ values: { caseNo: 'A' } }));
    assert.deepEqual(
      [...requestParts(requests, 50_000, 50_000)].map((part) => part.rows.length),
      [20_000, 20_000, 5_000],
      'the service takes 20,000 rows per request',
    );
  });

  it('sends a table of up to 2,500 rows as one request', () => {
    const requests = Array.from({ length: ROWS_PER_PART }, (_, row) => ({ values: { amount: row } }));
    assert.deepEqual(
      [...requestParts(requests)].map((part) => part.rows.length),
      [ROWS_PER_PART],
    );
  });

  it('sends a larger table in parts in order, a small one first, each body the part’s rows as serialised', () => {
    const requests = Array.from({ length: 10_001 }, (_, row) => ({ values: { caseNo: `（2026）豫0102执${row}号`, amount: row } }));
    const parts = [...requestParts(requests)];
    assert.deepEqual(
      parts.map((part) => part.rows.length),
      [ROWS_IN_FIRST_PART, ROWS_PER_PART, ROWS_PER_PART, ROWS_PER_PART, 10_001 - ROWS_IN_FIRST_PART - 3 * ROWS_PER_PART],
    );
    assert.deepEqual(
      parts.flatMap((part) => JSON.parse(part.json) as unknown[]),
      requests,
    );
  });

  it('makes each part only when the one before it has gone', () => {
    const parts = requestParts(Array.from({ length: 5_000 }, (_, row) => ({ values: { amount: row } })));
    const first = parts.next();
    assert.equal(first.done, false);
    assert.equal((JSON.parse(first.value.json) as unknown[]).length, ROWS_IN_FIRST_PART);
    assert.equal([...parts].length, 2, 'the other parts are made on the next calls');
  });

  it('splits rows whose UTF-8 body exceeds what the service takes, each part under it', () => {
    // 12 KB a row: 2,500 of them are more than one request may carry.
    const requests = Array.from({ length: 3_000 }, () => ({ values: { remarks: '执'.repeat(2_000), other: '执'.repeat(2_000) } }));
    const parts = [...requestParts(requests)];
    assert.ok(parts.length >= 3, `${parts.length} parts`);
    for (const part of parts) {
      assert.ok(utf8Length(part.json) <= SERVICE_BYTES_PER_REQUEST);
      assert.deepEqual(JSON.parse(part.json), part.rows);
    }
    assert.equal(
      parts.reduce((sum, part) => sum + part.rows.length, 0),
      requests.length,
    );
  });
});
