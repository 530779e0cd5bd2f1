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
    assert.deepEqual(JSON.parse(await fs.readFile(path.join(directory, 'cases.json'), 'utf8')), { format: 2, revision: 0, rows: [] });
  });

  it('appends only the changed rows and reads them back after a restart', async () => {
    const file = await LedgerFile.open(directory, 'cases');
    await commit(file, row('a', 1, 'A'), row('b', 1, 'B'));
    assert.equal(await commit(file, row('a', 2, 'A2')), 2);
    const lines = (await fs.readFile(journal(), 'utf8')).trim().split('\n');
    assert.equal(lines.length, 3, 'the header and one line per commit');
    assert.deepEqual(
      JSON.parse(lines[2]).rows.map((r: StoredRow) => r.rowId),
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
    assert.equal((await fs.readFile(journal(), 'utf8')).trim().split('\n').length, 1, 'only the header is left');
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

describe('ledger file: damaged files are refused, naming the file, the line and the restore command', () => {
  let directory: string;
  const journal = () => path.join(directory, 'cases.journal.jsonl');
  const snapshot = () => path.join(directory, 'cases.json');
  const RESTORE = /npm run restore -- <日期>/;

  beforeEach(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'ledger-file-'));
  });
  afterEach(() => fs.rm(directory, { recursive: true, force: true }));

  /** A ledger with three commits in its journal (after the header line). */
  async function threeCommits(): Promise<string[]> {
    const file = await LedgerFile.open(directory, 'cases');
    for (const [index, id] of ['a', 'b', 'c'].entries()) await file.commit([row(id, 1, `case ${index}`)]);
    return (await fs.readFile(journal(), 'utf8')).split('\n');
  }

  async function refused(pattern: RegExp): Promise<string> {
    let message = '';
    await assert.rejects(LedgerFile.open(directory, 'cases'), (error: Error) => {
      message = error.message;
      return true;
    });
    assert.match(message, pattern);
    assert.match(message, RESTORE);
    assert.doesNotMatch(message, /is not|undefined|Cannot|Unexpected/);
    return message;
  }

  it('a checksum that does not match (one character changed)', async () => {
    const lines = await threeCommits();
    lines[2] = lines[2].replace('case 1', 'case 9');
    await fs.writeFile(journal(), lines.join('\n'));
    await refused(/cases\.journal\.jsonl 第 3 行已损坏（校验和不符）/);
  });

  it('a gap in the revisions (a line taken out)', async () => {
    const lines = await threeCommits();
    lines.splice(2, 1);
    await fs.writeFile(journal(), lines.join('\n'));
    await refused(/cases\.journal\.jsonl 第 3 行与前一行不连续（第 1 版之后是第 3 版/);
  });

  it('a line without a checksum among checked ones', async () => {
    const lines = await threeCommits();
    lines[2] = lines[2].replace(/,"sha256":"[0-9a-f]+"\}$/, '}');
    await fs.writeFile(journal(), lines.join('\n'));
    await refused(/第 3 行已损坏（缺少校验和）/);
  });

  it('a journal deleted, or emptied, after a compaction', async () => {
    await threeCommits();
    await fs.rm(journal());
    await refused(/cases\.journal\.jsonl 不见了/);
    await fs.writeFile(journal(), '');
    await refused(/cases\.journal\.jsonl 是空文件/);
  });

  it('a snapshot deleted while the journal starts after revision 0', async () => {
    const file = await LedgerFile.open(directory, 'cases');
    await file.commit([row('a', 1, 'A')]);
    await file.compact();
    await file.commit([row('b', 1, 'B')]);
    await fs.rm(snapshot());
    await refused(/cases\.journal\.jsonl 第 1 行与台账快照不符：日志从第 1 版开始，快照不见了/);
  });

  it('a snapshot holding null, {}, or a row without its id', async () => {
    await threeCommits();
    await fs.writeFile(snapshot(), 'null');
    await refused(/台账快照 .*cases\.json 内容为空/);
    await fs.writeFile(snapshot(), '{}');
    await refused(/台账快照 .*cases\.json 内容不完整（缺少 rows）/);
    await fs.writeFile(snapshot(), '{"format":2,"revision":0,"rows":[{"values":{}}]}');
    await refused(/台账快照 .*cases\.json 第 1 条记录已损坏/);
    await fs.writeFile(snapshot(), '{"format":2,"revision":0,"rows":[');
    await refused(/台账快照 .*cases\.json 已损坏（不是有效的 JSON）/);
  });

  it('reads a journal written before lines had checksums, and folds it into a snapshot of the new format', async () => {
    await fs.writeFile(snapshot(), JSON.stringify({ revision: 1, rows: [row('a', 1, 'A')] }));
    const legacy = [
      { revision: 1, rows: [row('a', 1, 'A')] },
      { revision: 2, rows: [row('b', 1, 'B')] },
    ];
    await fs.writeFile(journal(), legacy.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    const file = await LedgerFile.open(directory, 'cases');
    assert.equal(file.revision, 2);
    assert.deepEqual([...file.rows.keys()], ['a', 'b']);
    assert.equal(JSON.parse(await fs.readFile(snapshot(), 'utf8')).format, 2);
    await file.commit([row('c', 1, 'C')]);
    const reopened = await LedgerFile.open(directory, 'cases');
    assert.deepEqual([reopened.revision, [...reopened.rows.keys()]], [3, ['a', 'b', 'c']]);
  });
});
