import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerFile, type StoredRow } from '../../service/store/ledger-file.ts';

function row(rowId: string, rev: number, caseNo: string): StoredRow {
  return { rowId, rev, values: { caseNo }, createdAt: '2026-11-26T00:00:00Z', updatedAt: '2026-11-26T00:00:00Z', updatedBy: 'test' };
}

describe('ledger file: snapshot and journal', () => {
  let directory: string;
  const journal = () => path.join(directory, 'cases.journal.jsonl');

  beforeEach(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'ledger-file-'));
  });
  afterEach(() => fs.rm(directory, { recursive: true, force: true }));

  const commit = (file: LedgerFile, ...rows: StoredRow[]) => file.commit(rows);

  it('writes an empty snapshot for a new ledger, so a backup always has the file', async () => {
    await LedgerFile.open(directory, 'cases');
    assert.deepEqual(JSON.parse(await fs.readFile(path.join(directory, 'cases.json'), 'utf8')), { revision: 0, rows: [] });
  });

  it('appends only the changed rows and reads them back after a restart', async () => {
    const file = await LedgerFile.open(directory, 'cases');
    await commit(file, row('a', 1, 'A'), row('b', 1, 'B'));
    assert.equal(await commit(file, row('a', 2, 'A2')), 2);
    const lines = (await fs.readFile(journal(), 'utf8')).trim().split('\n');
    assert.equal(lines.length, 2);
    assert.deepEqual(
      JSON.parse(lines[1]).rows.map((r: StoredRow) => r.rowId),
      ['a'],
    );

    const reopened = await LedgerFile.open(directory, 'cases');
    assert.equal(reopened.revision, 2);
    assert.deepEqual(
      [...reopened.rows.values()].map((r) => [r.rowId, r.rev, r.values.caseNo]),
      [
        ['a', 2, 'A2'],
        ['b', 1, 'B'],
      ],
    );
  });

  it('drops a last line cut off by a crash, and later commits start on a fresh line', async () => {
    const file = await LedgerFile.open(directory, 'cases');
    await commit(file, row('a', 1, 'A'));
    await fs.appendFile(journal(), '{"revision":2,"rows":[{"rowId":"b"');

    const reopened = await LedgerFile.open(directory, 'cases');
    assert.deepEqual([...reopened.rows.keys()], ['a']);
    await commit(reopened, row('c', 1, 'C'));
    const again = await LedgerFile.open(directory, 'cases');
    assert.deepEqual([...again.rows.keys()], ['a', 'c']);
  });

  it('refuses to load a journal damaged in the middle, naming the file and line', async () => {
    const file = await LedgerFile.open(directory, 'cases');
    await commit(file, row('a', 1, 'A'));
    await fs.writeFile(journal(), 'not json\n' + (await fs.readFile(journal(), 'utf8')));
    await assert.rejects(LedgerFile.open(directory, 'cases'), /cases\.journal\.jsonl 第 1 行已损坏/);
  });

  it('folds the journal into the snapshot on compaction and skips journal lines the snapshot holds', async () => {
    const file = await LedgerFile.open(directory, 'cases');
    await commit(file, row('a', 1, 'A'));
    const stale = await fs.readFile(journal(), 'utf8');
    await file.compact();
    await assert.rejects(fs.access(journal()));
    // A crash between writing the snapshot and removing the journal leaves old lines behind.
    await fs.writeFile(journal(), stale);
    const reopened = await LedgerFile.open(directory, 'cases');
    assert.equal(reopened.revision, 1);
    assert.deepEqual(
      [...reopened.rows.values()].map((r) => r.rev),
      [1],
    );
  });
});
