// The admin's backups through HTTP (issue 13 item 4): the list (name, time, size), one made now
// (audited, kept by the daily rotation), one downloaded as a zip of its files; others get a 403.

import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import {
  addUser,
  ADMIN_TOKEN,
  assertError,
  auditEntries,
  caseRow,
  rowsOf,
  Sandbox,
  todayInShanghai,
  type DiskTestService,
} from '../../helpers/service.ts';

describe('admin: backups through HTTP', function () {
  this.timeout(30_000);
  const sandbox = new Sandbox();
  let service: DiskTestService;
  beforeEach(async () => {
    service = await sandbox.startOnDisk();
  });
  afterEach(() => sandbox.cleanUp());

  it('lists the daily backup made at start with its time and size', async () => {
    const reply = await service.admin.get('/api/backups');
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(
      reply.body.backups.map((backup: { name: string }) => backup.name),
      [todayInShanghai()],
    );
    const [daily] = reply.body.backups;
    assert.match(daily.madeAt, /^\d{4}-\d{2}-\d{2}T/);
    assert.ok(daily.bytes > 0);
  });

  it('makes a backup now, lists it first, audits it, and downloads it as a zip of its files', async () => {
    rowsOf(await service.admin.sync([caseRow()]));
    const made = await service.admin.post('/api/backups', {});
    assert.equal(made.status, 201, made.text);
    assert.match(made.body.backup.name, /^手动-\d{4}-\d{2}-\d{2}-\d{6}$/);
    const listed = (await service.admin.get('/api/backups')).body.backups;
    assert.equal(listed[0].name, made.body.backup.name);
    assert.equal(listed.length, 2);
    const entry = (await auditEntries(service)).find((each) => each.action === 'backup');
    assert.deepEqual([entry?.user, entry?.after], ['admin', { name: made.body.backup.name }]);

    const zipResponse = await fetch(`${service.url}/api/backups/${encodeURIComponent(made.body.backup.name)}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(zipResponse.status, 200);
    assert.equal(zipResponse.headers.get('content-type'), 'application/zip');
    assert.match(decodeURIComponent(zipResponse.headers.get('content-disposition') ?? ''), /执行台账备份-手动-.*\.zip/);
    const zip = await JSZip.loadAsync(Buffer.from(await zipResponse.arrayBuffer()));
    const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
    const prefix = `${made.body.backup.name}/`;
    assert.ok(names.includes(`${prefix}ledgers/cases.json`), names.join(', '));
    assert.ok(names.includes(`${prefix}users.json`), names.join(', '));
    const cases = await zip.file(`${prefix}ledgers/cases.json`)?.async('string');
    const onDisk = await fs.readFile(path.join(service.dataDir, 'backups', made.body.backup.name, 'ledgers', 'cases.json'), 'utf8');
    assert.equal(cases, onDisk);
    assert.ok(cases?.includes('豫0102执1234号'));
  });

  it('gives two backups made within one second names of their own', async () => {
    const [first, second] = await Promise.all([service.admin.post('/api/backups', {}), service.admin.post('/api/backups', {})]);
    assert.notEqual(first.body.backup.name, second.body.backup.name);
  });

  it('answers 404 in Chinese for a backup it does not have, or a name outside backups/', async () => {
    assert.match(assertError(await service.admin.get('/api/backups/1999-01-01'), 404, 'backup_not_found'), /没有名为「1999-01-01」的备份/);
    assertError(await service.admin.get(`/api/backups/${encodeURIComponent('..')}`), 404);
    assertError(await service.admin.get(`/api/backups/${encodeURIComponent('../ledgers')}`), 404);
  });

  it('refuses the list, a new backup and a download to anyone but an admin', async () => {
    const clerk = service.as(await addUser(service, '档案员', ['files']));
    for (const reply of [
      await clerk.get('/api/backups'),
      await clerk.post('/api/backups', {}),
      await clerk.get(`/api/backups/${todayInShanghai()}`),
    ]) {
      assert.match(assertError(reply, 403, 'forbidden'), /只有管理员可以查看和下载备份/);
    }
    assert.equal((await service.admin.get('/api/backups')).body.backups.length, 1);
  });

  it('says so when the service keeps its data in memory only', async () => {
    const memory = await sandbox.start();
    assert.deepEqual((await memory.admin.get('/api/backups')).body, { backups: [] });
    assert.match(assertError(await memory.admin.post('/api/backups', {}), 409, 'no_backups'), /只保存在内存中/);
  });
});
