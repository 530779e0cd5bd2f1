import assert from 'node:assert/strict';
import { PendingRows } from '../service/pending-rows.ts';
import type { RowValues } from '../service/domain/ledger.ts';
import { casesByNumber } from '../service/domain/ledgers/cases/lookup.ts';
import { FixedRowIndex, RowIndex } from '../service/domain/row-index.ts';
import type { StoredRow } from '../service/store/store.ts';

const row = (rowId: string, respondent: string, rev = 1): StoredRow => ({
  rowId,
  rev,
  values: { respondent },
  createdAt: '2026-11-26T00:00:00Z',
  updatedAt: '2026-11-26T00:00:00Z',
  updatedBy: 'test',
});
const byRespondent = (stored: StoredRow): Array<[string, number]> => [[String(stored.values.respondent), stored.rev]];

describe('row indexes kept up to date', () => {
  it('moves a row to its new key when it changes, and drops it when it no longer counts', () => {
    const index = RowIndex.over([row('a', '张三'), row('b', '张三'), row('c', '李四')], byRespondent);
    assert.deepEqual(
      index.get('张三').map((entry) => entry.rowId),
      ['a', 'b'],
    );
    index.update(row('a', '王五', 2));
    assert.deepEqual(
      index.get('张三').map((entry) => entry.rowId),
      ['b'],
    );
    assert.deepEqual(index.get('王五'), [{ rowId: 'a', value: 2 }]);
    const ignoring = RowIndex.over([row('a', '张三')], (stored) => (stored.deleted ? [] : byRespondent(stored)));
    ignoring.update({ ...row('a', '张三', 2), deleted: { at: 'now', by: 'test' } });
    assert.deepEqual(ignoring.get('张三'), []);
  });

  it('lays a request’s changes over the committed rows without copying them', () => {
    const committed = new Map([
      ['a', row('a', '张三')],
      ['b', row('b', '李四')],
    ]);
    const pending = new PendingRows('cases', committed);
    pending.set(row('b', '李四', 2));
    pending.set(row('c', '赵六'));
    assert.equal(pending.get('b')!.rev, 2);
    assert.equal(committed.get('b')!.rev, 1, 'committed rows untouched');
    assert.deepEqual(
      [...pending.all()].map((stored) => `${stored.rowId}${stored.rev}`),
      ['a1', 'b2', 'c1'],
    );
    assert.deepEqual(
      pending.changed().map((stored) => stored.rowId),
      ['b', 'c'],
    );
    assert.ok(pending.isChanged('c') && !pending.isChanged('a'));
  });
});

describe('an index taken once (the weekly report’s)', () => {
  const rows = [row('a', '张三'), row('b', '李四'), row('c', '张三'), row('d', '')];
  const keyOf = (stored: StoredRow) => (stored.values.respondent === '' ? null : String(stored.values.respondent));
  const entriesOf = (stored: StoredRow): Array<[string, string]> => {
    const key = keyOf(stored);
    return key === null ? [] : [[key, `${stored.rowId}的值`]];
  };

  it('answers by one key per row as it does from every row’s entries, and makes the values of the rows looked up only', () => {
    const made: string[] = [];
    const counted = (stored: StoredRow) => {
      made.push(stored.rowId);
      return entriesOf(stored);
    };
    const filed = new FixedRowIndex(rows, counted, keyOf);
    const whole = new FixedRowIndex(rows, entriesOf);
    assert.deepEqual(made, []);
    for (const key of ['张三', '李四', '', '王五', '张三']) assert.deepEqual(filed.get(key), whole.get(key));
    assert.deepEqual(filed.get('张三'), [
      { rowId: 'a', value: 'a的值' },
      { rowId: 'c', value: 'c的值' },
    ]);
    assert.deepEqual(made, ['a', 'c', 'b'], 'each row looked up made once, the row without a key never');
  });

  it('files a case row under the case number its entries give, and a row without one under none', () => {
    const cases: RowValues[] = [{ caseNo: '（2026）豫0102执1号', closedOn: '2026-05-06' }, { caseNo: null }, { caseNo: 12 }, {}];
    for (const values of cases) {
      const entries = casesByNumber.entries(values);
      assert.deepEqual(casesByNumber.key!(values), entries.length === 0 ? null : entries[0][0]);
      assert.ok(entries.length <= 1);
    }
  });
});
