// `npm run add-user` (issue 13 item 4): the same role checks as the admin page, the data directory
// it wrote named in its answer, and no data directory made where none is (DATA_DIR unset in the
// wrong folder, or mistyped): it refuses in Chinese instead.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { ROOT, Sandbox } from '../helpers/service.ts';

function addUser(cwd: string, args: string[], env: Record<string, string> = {}) {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('DATA_DIR' in env)) delete environment.DATA_DIR;
  // Run from `cwd` as an admin would, with the loader from the project's own node_modules.
  const loader = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs');
  return spawnSync(process.execPath, ['--import', `file://${loader}`, path.join(ROOT, 'service', 'cli', 'add-user.ts'), ...args], {
    cwd,
    env: environment,
    encoding: 'utf8',
  });
}

describe('npm run add-user', function () {
  this.timeout(60_000);
  const sandbox = new Sandbox();
  afterEach(() => sandbox.cleanUp());

  it('refuses, making nothing, when DATA_DIR is unset and there is no ./data', async () => {
    const folder = await sandbox.dataDir();
    const run = addUser(folder, ['张三', 'viewer']);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /未设置 DATA_DIR，当前目录下也没有数据目录 .*data。/);
    assert.match(run.stderr, /npm start/);
    assert.equal(existsSync(path.join(folder, 'data')), false);
  });

  it('refuses a DATA_DIR that does not exist', async () => {
    const missing = path.join(await sandbox.dataDir(), '数据');
    const run = addUser(ROOT, ['张三', 'viewer'], { DATA_DIR: missing });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /DATA_DIR 指向的数据目录 .*数据 不存在，请核对路径/);
    assert.equal(existsSync(missing), false);
  });

  it('refuses a team that is not configured, naming the configured ones', async () => {
    const dataDir = await sandbox.dataDir();
    const run = addUser(ROOT, ['张三', 'team:速执组'], { DATA_DIR: dataDir });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /没有名为「速执组」的团队；可用的团队：速执团队、特执团队、首执团队、执恢团队/);
    assert.equal(existsSync(path.join(dataDir, 'users.json')), false);
  });

  it('adds a user to ./data, saying which directory it wrote, and prints the token once', async () => {
    const folder = await sandbox.dataDir();
    await fs.mkdir(path.join(folder, 'data'));
    const run = addUser(folder, ['张三', 'team:速执团队']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.includes(`已在数据目录 ${path.join(folder, 'data')} 中创建用户「张三」（team:速执团队）`), run.stdout);
    const token = run.stdout.trim().split('\n').at(-1) ?? '';
    assert.match(token, /^ela_/);
    const users = JSON.parse(await fs.readFile(path.join(folder, 'data', 'users.json'), 'utf8')).users;
    assert.deepEqual(
      users.map((user: { name: string; roles: string[] }) => [user.name, user.roles]),
      [['张三', ['team:速执团队']]],
    );
    assert.ok(!JSON.stringify(users).includes(token));
  });
});
