// GET /api/health tells the administrator what to act on, in one list { code, message }: a year
// without holiday data (the current one always, the next from 1 November), space running out in
// DATA_DIR, backups that stopped (the disk's refusals, disk_full and storage_error, are in
// test/reliability/disk-full.test.ts; the certificate's expiry in test/tls/configured.test.ts).
// The console says the same at start and daily. "Today" is the service's injected clock.

import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import type { DiskSpace } from '../../service/health.ts';
import { CHINESE, Sandbox, type TestService } from '../helpers/service.ts';

/** An instant given as the time of day at the court. */
const shanghai = (local: string) => new Date(`${local}T09:00:00+08:00`);
const GB = 1024 ** 3;

interface Warning {
  code: string;
  message: string;
}

async function warnings(service: TestService): Promise<Warning[]> {
  const reply = await service.anonymous.get('/api/health');
  assert.equal(reply.status, 200);
  assert.deepEqual(Object.keys(reply.body).sort(), ['ok', 'version', 'warnings']);
  for (const warning of reply.body.warnings) {
    assert.deepEqual(Object.keys(warning).sort(), ['code', 'message']);
    assert.match(warning.message, CHINESE);
  }
  return reply.body.warnings;
}

const codes = async (service: TestService) => (await warnings(service)).map((warning) => warning.code);
const plenty: DiskSpace = { free: 200 * GB, total: 500 * GB };

describe('GET /api/health: warnings for the administrator', function () {
  this.timeout(30_000);
  const sandbox = new Sandbox();
  afterEach(() => sandbox.cleanUp());

  describe('calendar-missing', () => {
    it('on 2026-11-01 names 2027, and goes once 2027 is entered; on 2026-10-31 says nothing', async () => {
      let now = shanghai('2026-10-31');
      const service = await sandbox.start({ clock: () => now, diskSpace: async () => plenty });
      assert.deepEqual(await codes(service), []);

      now = shanghai('2026-11-01');
      const [warning] = await warnings(service);
      assert.deepEqual(warning, {
        code: 'calendar-missing',
        message: '2027年的法定节假日和调休安排尚未录入，落在2027年的期限暂按周末推算。请管理员按国务院办公厅公布的放假安排录入。',
      });
      const health = (await service.anonymous.get('/api/health')).body;
      assert.equal(health.ok, true, 'the service works: ok is about saving changes');

      const year2027 = { holidays: { '2027-01-01': '元旦', '2027-02-08': '春节' }, workdays: { '2027-02-06': '春节' } };
      assert.equal((await service.admin.put('/api/calendar', { years: { 2027: year2027 } })).status, 200);
      assert.deepEqual(await codes(service), []);
    });

    it('always names the current year when it has no data, and both years in one warning from November', async () => {
      let now = shanghai('2028-03-01');
      const service = await sandbox.start({ clock: () => now, diskSpace: async () => plenty });
      const [march] = await warnings(service);
      assert.equal(march.code, 'calendar-missing');
      assert.match(march.message, /^2028年的法定节假日/);
      now = shanghai('2028-11-01');
      const november = (await warnings(service)).filter((warning) => warning.code === 'calendar-missing');
      assert.equal(november.length, 1, 'one banner, not one per year');
      assert.match(november[0].message, /^2028年、2029年的法定节假日和调休安排尚未录入/);
    });
  });

  describe('disk-low', () => {
    it('below 1 GB or below 10 % free in DATA_DIR, and not with room to spare', async () => {
      let space: DiskSpace = { free: 0.5 * GB, total: 500 * GB };
      const service = await sandbox.start({ clock: () => shanghai('2026-06-01'), diskSpace: async () => space });
      const [low] = await warnings(service);
      assert.equal(low.code, 'disk-low');
      assert.match(low.message, /^数据目录 .* 所在磁盘只剩 0\.5 GB 可用（0%），空间用尽后台账修改将无法保存。请清理或扩容该磁盘/);
      space = { free: 9 * GB, total: 100 * GB };
      assert.match((await warnings(service))[0].message, /只剩 9\.0 GB 可用（9%）/);
      space = { free: 10 * GB, total: 100 * GB };
      assert.deepEqual(await codes(service), []);
    });

    it('reads the real disk of a data directory (fs.statfs)', async () => {
      const service = await sandbox.startOnDisk(undefined, { clock: () => shanghai('2026-06-01') });
      const disk = await fs.statfs(service.dataDir);
      const free = disk.bavail * disk.bsize;
      const low = free < GB || free < disk.blocks * disk.bsize * 0.1;
      const said = (await warnings(service)).find((warning) => warning.code === 'disk-low');
      assert.equal(said !== undefined, low, `free ${free} of ${disk.blocks * disk.bsize}`);
      if (said) assert.ok(said.message.includes(`只剩 ${(free / GB).toFixed(1)} GB`));
    });
  });

  describe('backup-old', () => {
    it('from the third day after the last backup, naming its date; a backup made at start counts', async () => {
      let now = shanghai('2026-06-01');
      const service = await sandbox.startOnDisk(undefined, { clock: () => now, diskSpace: async () => plenty });
      assert.deepEqual(await codes(service), []);
      now = shanghai('2026-06-03');
      assert.deepEqual(await codes(service), [], 'two days old is still fine');
      now = shanghai('2026-06-04');
      const [old] = await warnings(service);
      assert.equal(old.code, 'backup-old');
      assert.match(old.message, /^最近一次备份是 2026-06-01（3 天前），每日备份没有完成。请查看服务日志中「备份失败」的原因/);
      await service.close();

      // The next start backs up that day: the warning is gone.
      const again = await sandbox.startOnDisk(service.dataDir, { clock: () => now, diskSpace: async () => plenty });
      assert.deepEqual(await codes(again), []);
    });
  });

  it('the console prints them at start and again each day', async () => {
    const lines: string[] = [];
    let now = shanghai('2026-11-01');
    await sandbox.startOnDisk(undefined, {
      clock: () => now,
      diskSpace: async () => plenty,
      log: (line) => lines.push(line),
      dailyCheckEvery: 20,
    });
    assert.ok(
      lines.some((line) => line.startsWith('注意：2027年的法定节假日和调休安排尚未录入')),
      lines.join('\n'),
    );
    now = shanghai('2026-11-05');
    const deadline = Date.now() + 20_000;
    while (!lines.some((line) => line.startsWith('注意：最近一次备份是 2026-11-01（4 天前）'))) {
      if (Date.now() > deadline) assert.fail(`the daily check printed no backup warning:\n${lines.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
});
