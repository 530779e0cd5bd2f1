// A full disk, on a real small file system: a 3 MB tmpfs filled to the last byte (CI runs as root;
// elsewhere the tests are skipped, saying why). A write the disk refuses answers 507 in Chinese and
// changes nothing, health says why, and the service recovers by itself once space is freed.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  assertError,
  auditEntries,
  caseRow,
  CHINESE,
  manyCases,
  readText,
  rowsOf,
  Sandbox,
  storedRows,
  type TestService,
} from '../helpers/service.ts';

/** Mounts a 3 MB tmpfs; null (with the reason printed) where that is not allowed. */
async function smallDisk(): Promise<string | null> {
  if (process.getuid?.() !== 0) {
    console.log('      （跳过：需要 root 才能挂载 tmpfs 来模拟磁盘已满）');
    return null;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ledger-full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { stdio: 'pipe' });
    return dir;
  } catch (error) {
    console.log(`      （跳过：无法挂载 tmpfs：${String((error as Error).message).split('\n')[0]}）`);
    await fs.rm(dir, { recursive: true, force: true });
    return null;
  }
}

/** Fills the disk to the last byte with one file; returns its path (delete it to free the space). */
async function fill(dir: string): Promise<string> {
  const filler = path.join(dir, 'filler.bin');
  const handle = await fs.open(filler, 'w');
  try {
    for (const size of [256 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 7);
      for (;;) {
        try {
          await handle.write(chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    await handle.close();
  }
  return filler;
}

/** Health as the disk's refusals make it: the other warnings (a 3 MB disk is also low on space) are health.test.ts's. */
async function health(service: TestService): Promise<{ ok: boolean; warnings: Array<{ code: string; message: string }> }> {
  const reply = await service.anonymous.get('/api/health');
  assert.equal(reply.status, 200);
  const storage = (reply.body.warnings as Array<{ code: string }>).filter((warning) => STORAGE_CODES.has(warning.code));
  return { ...reply.body, warnings: storage };
}

const STORAGE_CODES = new Set(['disk_full', 'storage_error']);

describe('a full disk (3 MB tmpfs)', function () {
  this.timeout(60_000);
  const sandbox = new Sandbox();
  let disk: string | null = null;

  beforeEach(async function () {
    disk = await smallDisk();
    if (!disk) this.skip();
  });
  afterEach(async () => {
    await sandbox.cleanUp();
    if (disk) {
      execFileSync('umount', [disk]);
      await fs.rm(disk, { recursive: true, force: true });
    }
  });

  it('refuses the sync with 507 in Chinese, keeps the 60 acknowledged rows, and recovers when space is freed', async () => {
    const dataDir = disk!;
    const service = await sandbox.startOnDisk(dataDir);
    for (let batch = 0; batch < 3; batch += 1) assert.equal(rowsOf(await service.admin.sync(manyCases(20, 1 + batch * 20))).length, 20);
    assert.deepEqual([(await health(service)).ok, (await health(service)).warnings], [true, []]);

    const filler = await fill(dataDir);
    const refused = await service.admin.sync(manyCases(20, 101));
    assert.match(assertError(refused, 507, 'disk_full'), /服务器磁盘空间不足，本次修改未保存/);
    // Every later try is refused the same way, and nothing of them is kept.
    assertError(await service.admin.sync(manyCases(20, 201)), 507, 'disk_full');
    const sick = await health(service);
    assert.equal(sick.ok, false);
    assert.equal(sick.warnings[0].code, 'disk_full');
    assert.match(sick.warnings[0].message, /磁盘空间已满/);
    assert.equal(rowsOf(await service.admin.rows()).length, 60, 'the acknowledged rows are still served');
    const journal = (await readText(path.join(dataDir, 'ledgers', 'cases.journal.jsonl')))!;
    assert.ok(journal.endsWith('\n'), 'no half-written line is left in the journal');
    assert.deepEqual(
      (await fs.readdir(path.join(dataDir, 'ledgers'))).filter((file) => file.endsWith('.tmp')),
      [],
      'no temporary file is left',
    );

    await fs.rm(filler);
    assert.equal(rowsOf(await service.admin.sync([caseRow({ caseNo: '（2026）豫0102执999号' })])).length, 1);
    assert.deepEqual((await health(service)).warnings, [], 'the next write that succeeds clears the warning');
    await service.close();

    const restarted = await sandbox.startOnDisk(dataDir);
    const rows = rowsOf(await restarted.admin.rows());
    assert.equal(rows.length, 61, 'the 60 rows and the one synced after space returned');
    const audited = new Set((await auditEntries(dataDir)).map((entry) => entry.rowId));
    assert.deepEqual(
      rows.filter((row) => !audited.has(row.rowId)),
      [],
      'every stored row has its audit line',
    );
    assert.equal((await storedRows(dataDir)).length, 61);
  });

  it('starts on a full disk read-only, saying so, and takes changes again once space is freed', async () => {
    const dataDir = disk!;
    const first = await sandbox.startOnDisk(dataDir);
    rowsOf(await first.admin.sync(manyCases(5)));
    await first.close();
    // No backup of the day yet: the start would make one.
    await fs.rm(path.join(dataDir, 'backups'), { recursive: true, force: true });
    const filler = await fill(dataDir);

    const lines: string[] = [];
    const service = await sandbox.startOnDisk(dataDir, { log: (line) => lines.push(line) });
    assert.ok(
      lines.some((line) => /只读/.test(line) && CHINESE.test(line)),
      lines.join('\n'),
    );
    const sick = await health(service);
    assert.equal(sick.ok, false);
    assert.match(sick.warnings[0].message, /只能查看/);
    assert.equal(rowsOf(await service.admin.rows()).length, 5);
    // (A line small enough for the journal's last, partly used block would still fit: 20 rows do not.)
    assertError(await service.admin.sync(manyCases(20, 50)), 507, 'disk_full');
    assertError(await service.admin.put('/api/rules', (await service.admin.get('/api/rules')).body), 507, 'disk_full');

    await fs.rm(filler);
    assert.equal(rowsOf(await service.admin.sync(manyCases(20, 50))).length, 20);
    assert.equal((await health(service)).ok, true);
    assert.equal(rowsOf(await service.admin.rows()).length, 25);
  });

  it('a backup or a weekly report the disk cannot hold leaves nothing half-written and does not stop the service', async () => {
    const dataDir = disk!;
    const service = await sandbox.startOnDisk(dataDir);
    rowsOf(await service.admin.sync(manyCases(30)));
    await fs.rm(path.join(dataDir, 'backups'), { recursive: true, force: true });
    const filler = await fill(dataDir);
    await assert.rejects(service.store.backup('2026-12-01', 30), (error: Error) => CHINESE.test(error.message));
    assert.deepEqual(await fs.readdir(path.join(dataDir, 'backups')).catch(() => []), [], 'no partial backup is left');
    const reports = await service.store.reports.list();
    await assert.rejects(service.store.reports.save('2026-W10', Buffer.alloc(512 * 1024, 1)), (error: Error) =>
      CHINESE.test(error.message),
    );
    assert.deepEqual(await service.store.reports.list(), reports);
    assert.deepEqual(
      (await fs.readdir(path.join(dataDir, 'reports'))).filter((file) => file.endsWith('.tmp')),
      [],
    );
    assert.equal(rowsOf(await service.admin.rows()).length, 30);
    await fs.rm(filler);
    assert.ok(await service.store.backup('2026-12-01', 30));
  });
});
