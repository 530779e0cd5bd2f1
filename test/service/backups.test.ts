// Backups and their restore, on real files: the running service backs up each day at the court,
// `npm run backup` takes one with the service stopped, and `npm run restore` copies the data aside
// first, rolls back the ledgers only (users too only with --all) and writes the restore to the audit log.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readLedger } from '../../service/store/ledger-file.ts';
import type { StoredRow, UserRecord } from '../../service/store/store.ts';
import {
  addUser,
  auditEntries,
  caseNo,
  caseRow,
  CHINESE,
  onlyRow,
  readText,
  ROOT,
  rowsOf,
  Sandbox,
  storedRows,
} from '../helpers/service.ts';

/** An instant given as the time of day at the court. */
const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(script: string, args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'service', 'cli', script), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LEDGER_TZ: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The rows of a backed-up ledger: a backup holds each ledger compacted, as one snapshot (a restore starts its journal anew). */
async function backedUpRows(snapshotFile: string): Promise<StoredRow[]> {
  return (JSON.parse(await fs.readFile(snapshotFile, 'utf8')) as { rows: StoredRow[] }).rows;
}

async function userNames(file: string): Promise<string[]> {
  const text = await readText(file);
  return text === null ? [] : (JSON.parse(text) as { users: UserRecord[] }).users.map((user) => user.name);
}

async function waitForFile(file: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while ((await readText(file)) === null) {
    if (Date.now() > deadline) throw new Error(`${ms} ms 内没有出现 ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('backups and restore', function () {
  this.timeout(60_000);
  const sandbox = new Sandbox();
  afterEach(() => sandbox.cleanUp());

  /**
   * Day 1: one case. Day 2 (a restart): the backup of 2026-10-06 holds it; then a second case and
   * a new user 王五 follow, and the service stops.
   */
  async function afterTheBackup() {
    const dataDir = await sandbox.dataDir();
    const first = await sandbox.startOnDisk(dataDir, { clock: () => shanghai('2026-10-05 10:00:00') });
    const backedUp = onlyRow(await first.admin.sync([caseRow({ caseNo: caseNo(1) })]));
    await first.close();
    const second = await sandbox.startOnDisk(dataDir, { clock: () => shanghai('2026-10-06 09:00:00') });
    onlyRow(await second.admin.sync([caseRow({ caseNo: caseNo(2) })]));
    const token = await addUser(dataDir, '执行事务中心王五', ['affairs']);
    const before = await storedRows(dataDir);
    await second.close();
    return { dataDir, backedUp, token, before };
  }

  it('restores the ledgers only (a user added since keeps working), copies the data aside first and audits the restore', async () => {
    const { dataDir, backedUp, token, before } = await afterTheBackup();

    const run = await runCli('restore.ts', ['2026-10-06'], dataDir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /已从备份 2026-10-06 恢复：.*ledgers\/cases\.json/);
    assert.match(run.stdout, /未恢复、保持现状：users\.json/);
    const safety = /恢复前的数据已另存到：(.+)/.exec(run.stdout)?.[1] ?? '';
    assert.match(path.basename(safety), /^恢复前-\d{4}-\d{2}-\d{2}-\d{6}$/);
    assert.equal(path.dirname(safety), path.join(dataDir, 'backups'));

    // The safety copy holds both cases and the new user, as they stood before the restore.
    const aside = await readLedger(path.join(safety, 'ledgers', 'cases.json'), path.join(safety, 'ledgers', 'cases.journal.jsonl'));
    assert.deepEqual([...aside.rows.values()], before);
    assert.ok((await userNames(path.join(safety, 'users.json'))).includes('执行事务中心王五'));

    const restarted = await sandbox.startOnDisk(dataDir);
    assert.deepEqual(
      rowsOf(await restarted.admin.rows()).map((row) => row.rowId),
      [backedUp.rowId],
    );
    assert.equal((await restarted.as(token).rows()).status, 200, '王五的令牌在恢复后仍然有效');

    const restore = (await auditEntries(dataDir)).filter((entry) => entry.action === 'restore');
    assert.equal(restore.length, 1);
    const { from, restored, kept, safetyCopy } = restore[0].after as {
      from: string;
      restored: string[];
      kept: string[];
      safetyCopy: string;
    };
    assert.deepEqual([from, kept, safetyCopy], ['2026-10-06', ['users.json'], safety]);
    assert.ok(restored.includes('ledgers/cases.json'), restored.join(', '));
    assert.ok(
      restored.every((file) => file.startsWith('ledgers/')),
      restored.join(', '),
    );
  });

  it('with --all also rolls back the users, and the restore can be undone from the safety copy', async () => {
    const { dataDir, token, before } = await afterTheBackup();

    const run = await runCli('restore.ts', ['2026-10-06', '--all'], dataDir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /已从备份 2026-10-06 恢复：.*users\.json/);
    assert.deepEqual(await userNames(path.join(dataDir, 'users.json')), ['admin']);
    const restarted = await sandbox.startOnDisk(dataDir);
    assert.equal((await restarted.as(token).rows()).status, 401);
    assert.equal(rowsOf(await restarted.admin.rows()).length, 1);
    await restarted.close();

    const undo = /如需撤销本次恢复：npm run restore -- (\S+) --all/.exec(run.stdout)?.[1] ?? '';
    const undone = await runCli('restore.ts', [undo, '--all'], dataDir);
    assert.equal(undone.code, 0, undone.stdout + undone.stderr);
    assert.deepEqual(await storedRows(dataDir), before);
    assert.ok((await userNames(path.join(dataDir, 'users.json'))).includes('执行事务中心王五'));
  });

  it('refuses a backup that does not exist, in Chinese, changing nothing', async () => {
    const { dataDir, before } = await afterTheBackup();
    const run = await runCli('restore.ts', ['2026-01-01'], dataDir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /恢复失败：没有 2026-01-01 的备份/);
    assert.deepEqual(await storedRows(dataDir), before);
    assert.ok(!(await fs.readdir(path.join(dataDir, 'backups'))).some((entry) => entry.startsWith('恢复前')));
  });

  it('takes the next day’s backup while the service keeps running, with the audit log in it', async () => {
    let now = shanghai('2026-10-05 23:59:00');
    const service = await sandbox.startOnDisk(undefined, { clock: () => now, backupCheckEvery: 20 });
    const backups = path.join(service.dataDir, 'backups');
    assert.deepEqual(await fs.readdir(backups), ['2026-10-05']);
    const { rowId } = onlyRow(await service.admin.sync([caseRow()]));

    now = shanghai('2026-10-06 00:00:30');
    await waitForFile(path.join(backups, '2026-10-06', 'audit.jsonl'));
    const backedUp = await backedUpRows(path.join(backups, '2026-10-06', 'ledgers', 'cases.json'));
    assert.deepEqual(
      backedUp.map((row) => row.rowId),
      [rowId],
    );
    const audit = (await readText(path.join(backups, '2026-10-06', 'audit.jsonl'))) ?? '';
    assert.ok(audit.includes(rowId), audit);
    assert.deepEqual((await fs.readdir(backups)).sort(), ['2026-10-05', '2026-10-06']);
    assert.equal(rowsOf(await service.admin.rows()).length, 1, 'the service keeps answering');
  });

  it('npm run backup refuses while the service runs, saying why, and backs up everything once it is stopped', async () => {
    const service = await sandbox.startOnDisk();
    onlyRow(await service.admin.sync([caseRow()]));

    const refused = await runCli('backup.ts', [], service.dataDir);
    assert.equal(refused.code, 1, refused.stdout + refused.stderr);
    assert.match(refused.stderr, /备份失败：.*占用.*请先停止服务/);
    assert.match(refused.stderr, CHINESE);
    await service.close();

    const run = await runCli('backup.ts', [], service.dataDir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const target = /已备份到：(.+?)（/.exec(run.stdout)?.[1] ?? '';
    assert.match(path.basename(target), /^手动-\d{4}-\d{2}-\d{2}-\d{6}$/);
    assert.deepEqual(await backedUpRows(path.join(target, 'ledgers', 'cases.json')), await storedRows(service.dataDir));
    assert.equal(await readText(path.join(target, 'audit.jsonl')), await readText(path.join(service.dataDir, 'audit.jsonl')));
    assert.ok((await userNames(path.join(target, 'users.json'))).includes('admin'));
  });
});
