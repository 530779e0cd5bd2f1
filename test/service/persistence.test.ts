// Storage (SPEC §8): data survives restarts, one service per data directory, the audit log, daily
// backups and their restore, and a sheet-sized sync.

import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { restoreBackup } from '../../service/store/file-store.ts';
import {
  addUser,
  auditEntries,
  caseNo,
  caseRow,
  CHECKED_CASE,
  CHINESE,
  storedLedgerText,
  manyCases,
  nodeOf,
  onlyRow,
  readText,
  rowsOf,
  Sandbox,
  storedRows,
  todayInShanghai,
} from '../helpers/service.ts';

/** A PID no process runs under (checked in the test itself). */
const DEAD_PID = 999_999;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

describe('storage', () => {
  const sandbox = new Sandbox();
  afterEach(() => sandbox.cleanUp());

  it('keeps rows, revisions and the fixed team across a restart', async () => {
    const service = await sandbox.startOnDisk();
    const { rowId } = onlyRow(await service.admin.sync([caseRow()]));
    onlyRow(await service.admin.sync([caseRow({ amount: '100万' }, { rowId, rev: 1 })]));
    await service.close();

    const restarted = await sandbox.startOnDisk(service.dataDir);
    const row = onlyRow(await restarted.admin.rows());
    assert.deepEqual([row.rowId, row.rev], [rowId, 2]);
    assert.equal(row.status.team, '速执团队');
    assert.equal(row.status.closeDue, '2026-11-27');
    assert.match(String(row.status.remarks), /首执团队/);
  });

  describe('one service per data directory', () => {
    it('refuses a second service on the same directory with a Chinese message naming it', async () => {
      const service = await sandbox.startOnDisk();
      await assert.rejects(sandbox.startOnDisk(service.dataDir), (error: Error) => {
        assert.match(error.message, CHINESE);
        assert.ok(error.message.includes(service.dataDir), error.message);
        return true;
      });
      assert.equal(rowsOf(await service.admin.sync([caseRow()])).length, 1, 'the first service keeps working');
    });

    it('refuses a second service process on the same directory', async () => {
      const service = await sandbox.startOnDisk();
      const second = sandbox.spawn(service.dataDir);
      assert.equal(await second.exited(), 1);
      assert.ok(second.stderr.includes(service.dataDir), second.stderr);
      assert.match(second.stderr, /占用/);
    });

    it('takes over a lock left by a process that no longer runs', async () => {
      assert.equal(isRunning(DEAD_PID), false);
      const dataDir = await sandbox.dataDir();
      await fs.writeFile(path.join(dataDir, 'service.lock'), String(DEAD_PID));

      const service = await sandbox.startOnDisk(dataDir);
      assert.equal(await readText(path.join(dataDir, 'service.lock')), String(process.pid));
      assert.equal(rowsOf(await service.admin.sync([caseRow()])).length, 1);
    });
  });

  describe('audit log', () => {
    it('records each accepted change with time, user, ledger, row id, before and after; an unchanged resync adds none', async () => {
      const service = await sandbox.startOnDisk();
      const clerk = service.as(await addUser(service.dataDir, '事务中心王五', ['affairs']));
      const startedAt = Date.now();

      const { rowId } = onlyRow(await clerk.sync([caseRow()]));
      onlyRow(await clerk.sync([caseRow({ noticeOn: '2026-10-06' }, { rowId, rev: 1 })]));
      const entries = (await auditEntries(service.dataDir)).filter((entry) => entry.ledger === 'cases');

      assert.equal(entries.length, 2);
      const [created, updated] = entries;
      for (const entry of entries) {
        assert.equal(entry.user, '事务中心王五');
        assert.equal(entry.rowId, rowId);
        const time = Date.parse(entry.time);
        assert.ok(time >= startedAt - 1000 && time <= Date.now() + 1000, entry.time);
      }
      assert.deepEqual([created.before, created.after], [null, CHECKED_CASE]);
      assert.deepEqual([updated.before, updated.after], [CHECKED_CASE, { ...CHECKED_CASE, noticeOn: '2026-10-06' }]);

      const lines = await auditEntries(service.dataDir);
      onlyRow(await clerk.sync([caseRow({ noticeOn: '2026-10-06' }, { rowId, rev: 2 })]));
      onlyRow(await clerk.sync([caseRow({ noticeOn: '2026-10-06' })]));
      assert.deepEqual(await auditEntries(service.dataDir), lines);
    });
  });

  describe('daily backups', () => {
    const backupOf = (dataDir: string, ...file: string[]) => path.join(dataDir, 'backups', todayInShanghai(), ...file);

    it('copies every ledger file and users.json into backups/<today in Asia/Shanghai>/ at start', async () => {
      const service = await sandbox.startOnDisk();
      assert.notEqual(await readText(backupOf(service.dataDir, 'users.json')), null, 'users.json');
      assert.notEqual(await readText(backupOf(service.dataDir, 'ledgers', 'cases.json')), null, 'ledgers/cases.json');
    });

    it('restores the backed-up rows after later changes, with the service stopped', async () => {
      const dataDir = await sandbox.dataDir();
      const first = await sandbox.startOnDisk(dataDir);
      const [one, two] = rowsOf(await first.admin.sync([caseRow({ caseNo: caseNo(1) }), caseRow({ caseNo: caseNo(2) })]));
      await first.close();
      // The backup is taken once per date; without today's, the next start takes it as the first
      // start of a new day would.
      await fs.rm(backupOf(dataDir), { recursive: true });

      const second = await sandbox.startOnDisk(dataDir);
      assert.notEqual(await readText(backupOf(dataDir, 'ledgers', 'cases.json')), null);
      rowsOf(
        await second.admin.sync([
          caseRow({ caseNo: caseNo(1), noticeOn: '2026-10-06' }, { rowId: one.rowId, rev: 1 }),
          caseRow({ caseNo: caseNo(3) }),
        ]),
      );
      await second.close();

      const { restored } = await restoreBackup(dataDir, todayInShanghai());
      assert.ok(restored.includes('ledgers/cases.json'), restored.join(', '));

      const third = await sandbox.startOnDisk(dataDir);
      const rows = rowsOf(await third.admin.rows());
      assert.deepEqual(
        rows.map((row) => [row.rowId, row.rev]),
        [
          [one.rowId, 1],
          [two.rowId, 1],
        ],
      );
      assert.equal(nodeOf(rows[0], 'notice').doneOn, null);
    });

    it('refuses to restore while a service holds the data directory', async () => {
      const service = await sandbox.startOnDisk();
      rowsOf(await service.admin.sync([caseRow()]));
      const ledger = await storedLedgerText(service.dataDir);

      await assert.rejects(restoreBackup(service.dataDir, todayInShanghai()), (error: Error) => {
        assert.match(error.message, CHINESE);
        assert.ok(error.message.includes(service.dataDir), error.message);
        return true;
      });
      assert.equal(await storedLedgerText(service.dataDir), ledger);
      assert.equal(rowsOf(await service.admin.rows()).length, 1);
    });
  });

  it('syncs 10,000 rows in one request and lists them all', async () => {
    const service = await sandbox.startOnDisk();
    const started = Date.now();
    const synced = rowsOf(await service.admin.sync(manyCases(10_000)));
    const syncedAt = Date.now();
    const listed = rowsOf(await service.admin.rows());
    console.log(`      10,000 行：同步 ${syncedAt - started} ms，读取 ${Date.now() - syncedAt} ms`);

    assert.equal(synced.length, 10_000);
    assert.equal(new Set(synced.map((row) => row.rowId)).size, 10_000);
    assert.equal(listed.length, 10_000);
    assert.equal((await storedRows(service.dataDir)).length, 10_000);
  });
});
