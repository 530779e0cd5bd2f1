import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CommitText, utf8Pieces, type Pieces } from '../../service/store/commit-text.ts';
import { FileStore } from '../../service/store/file-store.ts';
import { LedgerFile, type StoredRow } from '../../service/store/ledger-file.ts';
import type { AuditEntry } from '../../service/store/store.ts';

const time = '2026-11-26T01:02:03.000Z';

function created(rowId: string, caseNo: string): StoredRow {
  return {
    rowId,
    rev: 1,
    values: { caseNo, respondent: '张三"（引号）\n换行', amount: 1200.5 },
    createdAt: time,
    updatedAt: time,
    updatedBy: '书记员',
  };
}

function audited(action: string, before: StoredRow | null, after: StoredRow | null): AuditEntry {
  return {
    time,
    user: '书记员',
    ledger: 'cases',
    rowId: (after ?? before)?.rowId ?? null,
    action,
    before: before?.values ?? null,
    after: after?.values ?? null,
  };
}

describe('commit text: the journal line and audit lines of one commit', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'commit-text-'));
  });
  afterEach(() => fs.rm(directory, { recursive: true, force: true }));

  it('writes each audit line as the entry with its revision (and a restored ledger’s epoch), the same JSON as before', () => {
    const first = created('a', '（2026）豫0102执1号');
    const changed: StoredRow = { ...first, rev: 2, values: { ...first.values, amount: 99 } };
    const entries = [audited('create', null, first), audited('update', first, changed), audited('delete', changed, null)];
    const text = new CommitText();
    const pieces: Pieces = [];
    for (const entry of entries) text.auditLine(entry, 7, undefined, pieces);
    text.auditLine(entries[0], 8, 'epoch-1', pieces);
    const lines = utf8Pieces(pieces).bytes.toString('utf8').split('\n');
    assert.equal(lines.pop(), '', 'every line ends with its break');
    assert.deepEqual(
      lines.map((line) => JSON.parse(line)),
      [...entries.map((entry) => ({ ...entry, revision: 7 })), { ...entries[0], revision: 8, epoch: 'epoch-1' }],
    );
  });

  it('a commit of many rows reads back whole after a restart, its checksum verified', async () => {
    const rows = Array.from({ length: 5_000 }, (_, index) => created(`row-${index}`, `（2026）豫0102执${index + 1}号`));
    const file = await LedgerFile.open(directory, 'cases');
    await file.commit(
      rows,
      rows.map((row) => audited('create', null, row)),
    );
    const reopened = await LedgerFile.open(directory, 'cases');
    assert.equal(reopened.revision, 1);
    assert.deepEqual(reopened.rows.get('row-4999'), rows[4999]);
    assert.deepEqual(reopened.journalAudit[0].audit[4999], audited('create', null, rows[4999]));

    // An update and a delete: the entries read back as they were made, each with its before and after.
    const changed: StoredRow = { ...rows[1], rev: 2, values: { ...rows[1].values, amount: 5 } };
    const deleted: StoredRow = { ...rows[2], rev: 2, deleted: { at: time, by: '书记员' } };
    const later = [audited('update', rows[1], changed), audited('delete', rows[2], null)];
    await reopened.commit([changed, deleted], later);
    assert.deepEqual((await LedgerFile.open(directory, 'cases')).journalAudit[1], { revision: 2, audit: later });

    // One changed byte in the line is found at start.
    const journal = path.join(directory, 'cases.journal.jsonl');
    const damaged = (await fs.readFile(journal, 'utf8')).replace('执4999号', '执4998号');
    await fs.writeFile(journal, damaged);
    await assert.rejects(LedgerFile.open(directory, 'cases'), /校验和不符/);
  });
});

describe('file store: folding a grown journal into the snapshot', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'compact-soon-'));
  });
  afterEach(() => fs.rm(directory, { recursive: true, force: true }));

  it('answers a commit that outgrows the snapshot first, then folds the journal in before the store closes', async () => {
    const store = await FileStore.open(directory, ['cases']);
    // Nine rows of a megabyte each: the journal passes its 8 MB floor and the (empty) snapshot.
    const rows = Array.from({ length: 9 }, (_, index) => created(`big-${index}`, `（2026）豫0102执${index + 1}号`));
    for (const row of rows) row.values = { ...row.values, remarks: '备'.repeat(400_000) };
    const journal = path.join(directory, 'ledgers', 'cases.journal.jsonl');
    const snapshot = path.join(directory, 'ledgers', 'cases.json');
    assert.equal(await store.commitLedger('cases', rows, []), 1);
    assert.equal((await fs.readFile(journal, 'utf8')).split('\n').length, 3, 'answered with the change in the journal, not yet folded');
    await store.close();
    const folded = JSON.parse(await fs.readFile(snapshot, 'utf8'));
    assert.equal(folded.revision, 1);
    assert.equal(folded.rows.length, 9);
    assert.equal((await fs.readFile(journal, 'utf8')).split('\n').length, 2, 'the journal is its header only');
    const reopened = await FileStore.open(directory, ['cases']);
    assert.equal(reopened.rows('cases').get('big-8')?.values.remarks, '备'.repeat(400_000));
    await reopened.close();
  });
});
