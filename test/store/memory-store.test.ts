// What the memory store does differently from the file store: nothing outlives it.

import assert from 'node:assert/strict';
import { MemoryStore } from '../../service/store/memory-store.ts';
import type { StoredRow } from '../../service/store/store.ts';

const row: StoredRow = {
  rowId: 'a',
  rev: 1,
  values: { caseNo: 'A' },
  createdAt: '2026-11-26T00:00:00Z',
  updatedAt: '2026-11-26T00:00:00Z',
  updatedBy: '测试',
};

describe('memory store', () => {
  it('makes no backup: there is no file to copy; the day it was asked counts as backed up (nothing is lost with the process)', async () => {
    const store = new MemoryStore(['cases']);
    await store.exclusive(() => store.commitLedger('cases', [row], []));
    assert.equal(await store.lastBackup(), null);
    assert.equal(await store.exclusive(() => store.backup('2026-10-05')), null);
    assert.equal(await store.lastBackup(), '2026-10-05');
  });

  it('starts empty every time: two stores share nothing', async () => {
    const first = new MemoryStore(['cases']);
    await first.exclusive(() =>
      first.commitLedger(
        'cases',
        [row],
        [{ time: row.createdAt, user: '测试', ledger: 'cases', rowId: 'a', action: 'create', before: null, after: row }],
      ),
    );
    await first.documents.write('rules', { ledgers: {} }, null);
    await first.reports.save('2026-W48', Buffer.from('周通报'));
    const second = new MemoryStore(['cases']);
    assert.equal(second.revision('cases'), 0);
    assert.equal(await second.documents.read('rules'), null);
    assert.deepEqual(second.documents.audit(), []);
    assert.deepEqual(await second.reports.list(), []);
  });

  it('keeps an audit entry as it was when appended', async () => {
    const store = new MemoryStore(['cases']);
    const after = { ...row, values: { caseNo: 'A' } };
    await store.documents.appendAudit([
      { time: row.createdAt, user: '测试', ledger: 'cases', rowId: 'a', action: 'create', before: null, after },
    ]);
    after.values.caseNo = 'changed later';
    assert.deepEqual((store.documents.audit()[0].after as StoredRow).values, { caseNo: 'A' });
  });

  it('says it keeps the data in memory only', () => {
    assert.match(new MemoryStore([]).where, /内存/);
  });
});
