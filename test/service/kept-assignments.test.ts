// The day's 分案清单 made by the service itself and kept on disk like the weekly reports: at 17:30
// of a working day, one xlsx and one docx per team with cases triaged that day, none for a team
// without; made once (a restart makes nothing again); none on a rest day. The clock is the test's.

import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fastTeamCase } from '../helpers/assignments.ts';
import { ADMIN_TOKEN, assertError, Sandbox, type DiskTestService } from '../helpers/service.ts';
import { loadWorkbook } from '../helpers/workbooks.ts';

const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const DAY = '2026-10-20';

describe('the daily 分案清单 kept by the service', function () {
  this.timeout(60_000);
  const sandbox = new Sandbox();
  afterEach(() => sandbox.cleanUp());

  async function start(dataDir: string | undefined, clock: { now: Date }, lines: string[] = []): Promise<DiskTestService> {
    return sandbox.startOnDisk(dataDir, { clock: () => clock.now, listCheckEvery: 20, log: (line) => lines.push(line) });
  }

  async function keptNow(service: DiskTestService) {
    const reply = await service.admin.get('/api/assignments');
    assert.equal(reply.status, 200, reply.text);
    return reply.body as Array<{ team: string; date: string; files: Array<{ format: string; file: string; url: string }> }>;
  }

  it('at 17:30 keeps each team’s day’s list with new cases as xlsx and docx, none for a team without, once', async () => {
    const clock = { now: shanghai(`${DAY} 17:00`) };
    const lines: string[] = [];
    const service = await start(undefined, clock, lines);
    const synced = await service.admin.post(`/api/ledgers/cases/sync?asOf=${DAY}`, {
      rows: [
        fastTeamCase(1, DAY, 0),
        fastTeamCase(2, DAY, 0, { propertyResult: '足额' }),
        fastTeamCase(3, DAY, 0, { amount: 1_000_000 }),
        // Triaged yesterday: on yesterday's list, not today's.
        fastTeamCase(4, DAY, 1),
      ],
    });
    assert.equal(synced.status, 200);
    assert.deepEqual(await keptNow(service), []);

    clock.now = shanghai(`${DAY} 17:30`);
    let kept = await keptNow(service);
    const fileCount = () => kept.reduce((count, entry) => count + entry.files.length, 0);
    for (let tries = 0; fileCount() < 4 && tries < 500; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      kept = await keptNow(service);
    }
    assert.deepEqual(
      kept.map((entry) => [entry.date, entry.team, entry.files.map((file) => file.format)]),
      [
        [DAY, '首执团队', ['xlsx', 'docx']],
        [DAY, '速执团队', ['xlsx', 'docx']],
      ],
    );
    const files = (await fs.readdir(path.join(service.dataDir, 'assignments'))).sort();
    assert.deepEqual(files, [
      `分案清单-速执团队-${DAY}.docx`,
      `分案清单-速执团队-${DAY}.xlsx`,
      `分案清单-首执团队-${DAY}.docx`,
      `分案清单-首执团队-${DAY}.xlsx`,
    ]);

    const xlsx = kept[1].files[0];
    const reply = await fetch(`${service.url}${xlsx.url}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const bytes = Buffer.from(await reply.arrayBuffer());
    assert.deepEqual(bytes, await fs.readFile(path.join(service.dataDir, 'assignments', xlsx.file)));
    const sheet = (await loadWorkbook(bytes)).worksheets[0];
    assert.equal(sheet.getCell('A1').value, '速执团队分案清单');
    assert.match(String(sheet.getCell('A2').value), new RegExp(`分案日期：${DAY}，共 2 件`));
    assert.deepEqual(
      (await service.admin.get('/api/assignments?team=首执团队')).body.map((entry: { team: string }) => entry.team),
      ['首执团队'],
    );
    assertError(await service.admin.get('/api/assignments/..%2Fusers.json'), 404, 'list_not_found');

    // A restart the same evening finds the day's lists kept and makes none again.
    const before = await fs.stat(path.join(service.dataDir, 'assignments', xlsx.file));
    await service.close();
    clock.now = shanghai(`${DAY} 19:00`);
    const again: string[] = [];
    const restarted = await start(service.dataDir, clock, again);
    assert.equal((await keptNow(restarted)).length, 2);
    assert.equal((await fs.stat(path.join(service.dataDir, 'assignments', xlsx.file))).mtimeMs, before.mtimeMs);
    assert.equal(lines.filter((line) => line.includes('分案清单')).length, 1, lines.join('\n'));
    assert.deepEqual(
      again.filter((line) => line.includes('分案清单')),
      [],
    );
  });

  it('makes no list on a rest day, even for cases triaged that day', async () => {
    const saturday = '2026-10-24';
    const clock = { now: shanghai(`${saturday} 10:00`) };
    const service = await start(undefined, clock);
    const synced = await service.admin.post(`/api/ledgers/cases/sync?asOf=${saturday}`, { rows: [fastTeamCase(1, saturday, 0)] });
    assert.equal(synced.status, 200);
    await service.close();
    clock.now = shanghai(`${saturday} 18:00`);
    const restarted = await start(service.dataDir, clock);
    assert.deepEqual(await keptNow(restarted), []);
    assert.equal(existsSync(path.join(service.dataDir, 'assignments')), false);
  });
});
