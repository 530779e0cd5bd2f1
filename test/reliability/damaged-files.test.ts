// Damaged data files refuse the start with a Chinese message naming the file and the restore
// command, never an English exception and never a silently shorter ledger; an audit log a crash
// left behind its journal is caught up at start.

import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { auditEntries, CHINESE, manyCases, rowsOf, Sandbox } from '../helpers/service.ts';

describe('damaged data files at start', () => {
  const sandbox = new Sandbox();
  afterEach(() => sandbox.cleanUp());

  /** A data directory whose cases ledger has three syncs of 10 rows in its journal. */
  async function ledgerOfThirty(): Promise<string> {
    const service = await sandbox.startOnDisk();
    for (let batch = 0; batch < 3; batch += 1) rowsOf(await service.admin.sync(manyCases(10, 1 + batch * 10)));
    await service.close();
    return service.dataDir;
  }

  async function refusal(dataDir: string, file: RegExp): Promise<string> {
    let message = '';
    await assert.rejects(sandbox.startOnDisk(dataDir), (error: Error) => {
      message = error.message;
      return true;
    });
    assert.match(message, CHINESE);
    assert.match(message, file);
    assert.match(message, /npm run restore -- <日期>/);
    assert.doesNotMatch(message, /is not a function|undefined|Unexpected token|Cannot read/);
    return message;
  }

  it('a journal cut by hand in the middle of a line (the cut lines were acknowledged)', async () => {
    const dataDir = await ledgerOfThirty();
    const journal = path.join(dataDir, 'ledgers', 'cases.journal.jsonl');
    const text = await fs.readFile(journal);
    await fs.writeFile(journal, text.subarray(0, Math.floor(text.length / 2)));
    const message = await refusal(dataDir, /cases\.journal\.jsonl/);
    assert.match(message, /审计日志 .*audit\.jsonl 已记到第 3 版/);
    assert.equal((await fs.readFile(journal)).length, Math.floor(text.length / 2), 'the refused file is left as it was');
  });

  it('a snapshot holding null or {} after a compaction', async () => {
    const dataDir = await ledgerOfThirty();
    const service = await sandbox.startOnDisk(dataDir);
    await service.store.backup('2026-12-01', 30);
    await service.close();
    const snapshot = path.join(dataDir, 'ledgers', 'cases.json');
    await fs.writeFile(snapshot, 'null');
    await refusal(dataDir, /台账快照 .*cases\.json 内容为空/);
    await fs.writeFile(snapshot, '{}');
    assert.match(await refusal(dataDir, /cases\.json/), /台账快照 .*cases\.json 内容不完整（缺少 rows）/);
    await fs.rm(snapshot);
    await refusal(dataDir, /cases\.json|cases\.journal\.jsonl/);
  });

  it('a journal deleted after a compaction', async () => {
    const dataDir = await ledgerOfThirty();
    const service = await sandbox.startOnDisk(dataDir);
    await service.store.backup('2026-12-01', 30);
    rowsOf(await service.admin.sync(manyCases(5, 100)));
    await service.close();
    await fs.rm(path.join(dataDir, 'ledgers', 'cases.journal.jsonl'));
    await refusal(dataDir, /台账日志 .*cases\.journal\.jsonl 不见了/);
  });

  it('both files of a ledger deleted: the audit log says it had rows', async () => {
    const dataDir = await ledgerOfThirty();
    await fs.rm(path.join(dataDir, 'ledgers', 'cases.journal.jsonl'));
    await fs.rm(path.join(dataDir, 'ledgers', 'cases.json'));
    assert.match(await refusal(dataDir, /cases\.journal\.jsonl/), /审计日志 .*已记到第 3 版，台账只到第 0 版/);
  });

  for (const [name, damage, expected] of [
    ['users.json', '{', /用户文件 .*users\.json 已损坏（不是有效的 JSON）/],
    ['users.json', '{}', /用户文件 .*users\.json 内容不完整（缺少 users）/],
    ['users.json', 'null', /用户文件 .*users\.json 内容为空/],
    ['rules.json', '[1,', /规则配置 .*rules\.json 已损坏/],
    ['rules.json', 'null', /规则配置 .*rules\.json 内容为空/],
    ['calendar.json', '"x"', /节假日配置 .*calendar\.json 内容不完整/],
    ['calendar.json', '{"years":', /节假日配置 .*calendar\.json 已损坏/],
  ] as const) {
    it(`${name} holding ${damage}`, async () => {
      const dataDir = await ledgerOfThirty();
      const file = path.join(dataDir, name);
      await fs.writeFile(file, damage);
      await refusal(dataDir, expected);
      assert.equal(await fs.readFile(file, 'utf8'), damage, 'the damaged file is not overwritten');
    });
  }

  it('writes the audit lines a crash left out, from the journal, at the next start', async () => {
    const dataDir = await ledgerOfThirty();
    const auditFile = path.join(dataDir, 'audit.jsonl');
    const before = await auditEntries(dataDir);
    const lines = (await fs.readFile(auditFile, 'utf8')).split('\n');
    // The crash came after the journal's append and in the middle of the audit log's: 10 lines and a half are gone.
    await fs.writeFile(auditFile, `${lines.slice(0, 19).join('\n')}\n${lines[19].slice(0, 30)}`);
    const service = await sandbox.startOnDisk(dataDir);
    const stored = rowsOf(await service.admin.rows());
    assert.equal(stored.length, 30);
    const entries = await auditEntries(dataDir);
    assert.deepEqual(entries, before, 'each line once, in order: the torn line is cut, the missing ones written');
    const audited = new Set(entries.map((entry) => entry.rowId));
    assert.deepEqual(
      stored.filter((row) => !audited.has(row.rowId)),
      [],
    );
  });
});
