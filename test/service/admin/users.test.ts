// The admin's users through HTTP (issue 13 item 4): list without tokens or hashes, create with the
// token answered once, roles checked against the configured teams, disable / enable, a new token,
// no admin locked out, every change audited, concurrent adds all kept; nobody else may do any of it.

import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { addUser, assertError, auditEntries, Sandbox, type TestService } from '../../helpers/service.ts';

describe('admin: users through HTTP', function () {
  this.timeout(30_000);
  const sandbox = new Sandbox();
  let service: TestService;
  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  it('lists every user with roles, state, creation and last use, never a token or its hash', async () => {
    const token = await addUser(service, '李四', ['files']);
    assert.equal((await service.as(token).get('/api/ledgers')).status, 200);
    const reply = await service.admin.get('/api/users');
    assert.equal(reply.status, 200, reply.text);
    const names = reply.body.users.map((user: { name: string }) => user.name);
    assert.deepEqual(names.sort(), ['admin', '李四'].sort());
    const lisi = reply.body.users.find((user: { name: string }) => user.name === '李四');
    assert.deepEqual(Object.keys(lisi).sort(), ['createdAt', 'disabled', 'lastSeenAt', 'name', 'roles']);
    assert.deepEqual(lisi.roles, ['files']);
    assert.equal(lisi.disabled, false);
    assert.match(lisi.lastSeenAt, /^\d{4}-\d{2}-\d{2}T/);
    assert.doesNotMatch(reply.text, /tokenHash|ela_|token-/);
  });

  it('creates a user and answers its token once; the token signs in, the list never shows it', async () => {
    const created = await service.admin.post('/api/users', { name: '王五', roles: ['team:速执团队'] });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.user.name, '王五');
    assert.match(created.body.token, /^ela_/);
    const me = await service.as(created.body.token).get('/api/me');
    assert.equal(me.body.name, '王五');
    assert.ok(!(await service.admin.get('/api/users')).text.includes(created.body.token));
    const audit = (await auditEntries(service)).filter((entry) => entry.ledger === 'users');
    assert.deepEqual(
      audit.map((entry) => [entry.action, entry.user]),
      [
        ['add-user', 'system'],
        ['add-user', 'admin'],
      ],
    );
    assert.ok(!JSON.stringify(audit).includes(created.body.token));
    assert.doesNotMatch(JSON.stringify(audit), /tokenHash/);
  });

  it('refuses an unknown role, a team that is not configured, no roles, a bad or taken name, in Chinese', async () => {
    const team = assertError(await service.admin.post('/api/users', { name: '赵六', roles: ['team:速执组'] }), 400, 'user_invalid');
    assert.match(team, /没有名为「速执组」的团队；可用的团队：速执团队、特执团队、首执团队、执恢团队/);
    assert.match(assertError(await service.admin.post('/api/users', { name: '赵六', roles: ['boss'] }), 400), /未知角色「boss」/);
    assert.match(assertError(await service.admin.post('/api/users', { name: '赵六', roles: [] }), 400), /至少需要一个角色/);
    assert.match(assertError(await service.admin.post('/api/users', { name: '赵 六', roles: ['viewer'] }), 400), /不能含有空格/);
    assert.match(assertError(await service.admin.post('/api/users', { roles: ['viewer'] }), 400), /请填写用户名称/);
    assert.match(assertError(await service.admin.post('/api/users', { name: 'admin', roles: ['viewer'] }), 409, 'user_conflict'), /已存在/);
    assert.equal((await service.admin.get('/api/users')).body.users.length, 1);
  });

  it('disables a user, whose token then signs nobody in, and enables them again (audited)', async () => {
    const token = await addUser(service, '钱七', ['viewer']);
    const disabled = await service.admin.patch(`/api/users/${encodeURIComponent('钱七')}`, { disabled: true });
    assert.equal(disabled.status, 200, disabled.text);
    assert.equal(disabled.body.user.disabled, true);
    assertError(await service.as(token).get('/api/ledgers'), 401, 'invalid_token');
    const enabled = await service.admin.patch(`/api/users/${encodeURIComponent('钱七')}`, { disabled: false });
    assert.equal(enabled.body.user.disabled, false);
    assert.equal((await service.as(token).get('/api/ledgers')).status, 200);
    const changes = (await auditEntries(service)).filter((entry) => entry.action === 'update-user');
    assert.deepEqual(
      changes.map((entry) => [(entry.before as { disabled: boolean }).disabled, (entry.after as { disabled: boolean }).disabled]),
      [
        [false, true],
        [true, false],
      ],
    );
  });

  it('changes roles with the same checks', async () => {
    await addUser(service, '孙八', ['viewer']);
    const changed = await service.admin.patch(`/api/users/${encodeURIComponent('孙八')}`, { roles: ['general', 'team:特执团队'] });
    assert.deepEqual(changed.body.user.roles, ['general', 'team:特执团队']);
    assert.match(assertError(await service.admin.patch(`/api/users/${encodeURIComponent('孙八')}`, { roles: ['team:'] }), 400), /团队/);
  });

  it('gives a user a new token: the old one stops working, the new one is answered once', async () => {
    const old = await addUser(service, '周九', ['affairs']);
    const rotated = await service.admin.post(`/api/users/${encodeURIComponent('周九')}/token`, {});
    assert.equal(rotated.status, 200, rotated.text);
    assert.notEqual(rotated.body.token, old);
    assertError(await service.as(old).get('/api/ledgers'), 401);
    assert.equal((await service.as(rotated.body.token).get('/api/me')).body.name, '周九');
    const entry = (await auditEntries(service)).find((each) => each.action === 'rotate-token');
    assert.deepEqual(entry?.after, { name: '周九' });
  });

  it('lets no admin disable themself, drop their own admin role, or leave no admin', async () => {
    assert.match(
      assertError(await service.admin.patch('/api/users/admin', { disabled: true }), 409, 'user_conflict'),
      /不能停用自己的账号/,
    );
    assert.match(assertError(await service.admin.patch('/api/users/admin', { roles: ['viewer'] }), 409), /不能取消自己的管理员角色/);
    const second = service.as(await addUser(service, '吴十', ['admin']));
    // Another admin may disable the first one; then the one left cannot disable themself.
    assert.equal((await second.patch('/api/users/admin', { disabled: true })).status, 200);
    assertError(await service.admin.get('/api/users'), 401);
    assert.match(
      assertError(await second.patch(`/api/users/${encodeURIComponent('吴十')}`, { disabled: true }), 409),
      /不能停用自己的账号/,
    );
    const users = (await second.get('/api/users')).body.users as Array<{ roles: string[]; disabled: boolean }>;
    assert.equal(users.filter((user) => user.roles.includes('admin') && !user.disabled).length, 1);
  });

  it('refuses a change that changes nothing, and signs in despite a damaged seen.json (on disk)', async () => {
    assert.match(assertError(await service.admin.patch('/api/users/admin', {}), 400, 'user_invalid'), /请说明要修改的角色或停用状态/);
    const dataDir = await sandbox.dataDir();
    await fs.writeFile(path.join(dataDir, 'seen.json'), '{"admin":');
    const disk = await sandbox.startOnDisk(dataDir);
    assert.equal((await disk.admin.get('/api/users')).status, 200);
  });

  it('answers 404 in Chinese for an unknown user', async () => {
    assert.match(
      assertError(await service.admin.patch(`/api/users/${encodeURIComponent('无此人')}`, { disabled: true }), 404, 'user_unknown'),
      /没有名为「无此人」的用户/,
    );
    assertError(await service.admin.post(`/api/users/${encodeURIComponent('无此人')}/token`, {}), 404, 'user_unknown');
  });

  it('refuses every user route to anyone but an admin, with a Chinese 403, and changes nothing', async () => {
    const token = await addUser(service, '冯二', ['files']);
    const clerk = service.as(token);
    for (const reply of [
      await clerk.get('/api/users'),
      await clerk.post('/api/users', { name: '新人', roles: ['viewer'] }),
      await clerk.patch('/api/users/admin', { disabled: true }),
      await clerk.post('/api/users/admin/token', {}),
    ]) {
      assert.match(assertError(reply, 403, 'forbidden'), /只有管理员可以管理用户/);
    }
    assert.equal((await service.admin.get('/api/users')).body.users.length, 2);
    assertError(await service.anonymous.get('/api/users'), 401);
  });

  it('keeps every one of 30 users added at once, with their rotations and changes meanwhile (on disk)', async () => {
    const disk = await sandbox.startOnDisk();
    await addUser(disk.dataDir, '命令行用户', ['files']);
    const replies = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => disk.admin.post('/api/users', { name: `书记员${i}`, roles: ['viewer'] })),
      disk.admin.post(`/api/users/${encodeURIComponent('命令行用户')}/token`, {}),
      disk.admin.patch(`/api/users/${encodeURIComponent('命令行用户')}`, { roles: ['files', 'viewer'] }),
    ]);
    assert.deepEqual(
      replies.map((reply) => reply.status),
      [...Array(30).fill(201), 200, 200],
    );
    const stored = JSON.parse(await fs.readFile(path.join(disk.dataDir, 'users.json'), 'utf8')).users;
    assert.equal(stored.length, 32);
    assert.deepEqual(stored.find((user: { name: string }) => user.name === '命令行用户').roles, ['files', 'viewer']);
    assert.equal((await disk.as(replies[30].body.token).get('/api/me')).body.name, '命令行用户');
  });
});
