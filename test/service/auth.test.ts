// Sign-in and roles (SPEC §7, §8): bearer tokens, who may write the cases ledger and the settings,
// and the users file that holds token hashes only.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  addUser,
  ADMIN_TOKEN,
  assertError,
  caseNo,
  caseRow,
  Client,
  readText,
  rowsOf,
  Sandbox,
  storedRows,
  type Reply,
  type TestService,
} from '../helpers/service.ts';

interface UsersFile {
  users: Array<{ name: string; roles: string[]; tokenHash: string }>;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Every route but health, each with a body a signed-in admin could send. */
const ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/api/ledgers'],
  ['POST', '/api/ledgers/cases/sync?asOf=2026-10-05', { rows: [caseRow()] }],
  ['GET', '/api/ledgers/cases/rows?asOf=2026-10-05'],
  ['GET', '/api/rules'],
  ['PUT', '/api/rules', {}],
  ['GET', '/api/calendar'],
  ['PUT', '/api/calendar', { years: {} }],
  ['GET', '/api/no-such-route'],
];

const call = (client: Client, [method, route, body]: [string, string, unknown?]) =>
  client.send(method, route, body === undefined ? undefined : JSON.stringify(body));

describe('sign-in and roles', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  it('answers GET /api/health without a token', async () => {
    const reply = await service.anonymous.get('/api/health');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.ok, true);
    assert.equal(typeof reply.body.version, 'string');
  });

  it('refuses every other route with 401 and a Chinese message without a token or with a wrong one', async () => {
    const strangers = [null, 'Bearer not-a-token', `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}`, 'Bearer'];
    for (const authorization of strangers) {
      // A service each: more wrong tokens from one address than these are a lockout (tokens.test.ts).
      const fresh = await sandbox.start();
      for (const route of ROUTES) assertError(await call(new Client(fresh.url, authorization), route), 401);
      assert.deepEqual(await storedRows(fresh), []);
    }
  });

  describe('writing the cases ledger', () => {
    let serial = 0;
    async function syncAs(roles: string[], name = roles.join('+')): Promise<Reply> {
      const token = await addUser(service, name, roles);
      serial += 1;
      return service.as(token).sync([caseRow({ caseNo: caseNo(serial), respondent: name })]);
    }

    it('lets a viewer read but not sync, naming the user and the ledger', async () => {
      const token = await addUser(service, '查询员', ['viewer']);
      const viewer = service.as(token);
      for (const route of ['/api/ledgers', '/api/ledgers/cases/rows?asOf=2026-10-05', '/api/rules', '/api/calendar']) {
        assert.equal((await viewer.get(route)).status, 200, route);
      }
      const message = assertError(await viewer.sync([caseRow()]), 403);
      assert.match(message, /查询员/);
      assert.match(message, /执行案件流转台账/);
      assert.deepEqual(await storedRows(service), []);
    });

    it('refuses general affairs and the disposal task force', async () => {
      for (const role of ['general', 'disposal']) assertError(await syncAs([role]), 403);
      assert.deepEqual(await storedRows(service), []);
    });

    it('lets the affairs center, the file center, a team and an admin write', async () => {
      for (const roles of [['affairs'], ['files'], ['team:速执团队'], ['admin']]) {
        const reply = await syncAs(roles, `writer-${roles[0]}`);
        assert.equal(rowsOf(reply)[0].state, 'ok', roles[0]);
      }
      assert.equal((await storedRows(service)).length, 4);
    });
  });

  it('lets only an admin change the rules and the calendar', async () => {
    const rules = (await service.admin.get('/api/rules')).body;
    const calendar = { years: { '2027': { holidays: { '2027-01-01': '元旦' }, workdays: {} } } };
    for (const role of ['viewer', 'affairs', 'files', 'general', 'disposal', 'team:速执团队']) {
      const other = service.as(await addUser(service, `user-${role}`, [role]));
      assert.match(assertError(await other.put('/api/rules', rules), 403), /管理员/);
      assert.match(assertError(await other.put('/api/calendar', calendar), 403), /管理员/);
    }
    assert.equal(await service.store.documents.read('rules'), null);
    assert.equal(await service.store.documents.read('calendar'), null);

    assert.equal((await service.admin.put('/api/rules', rules)).status, 200);
    assert.equal((await service.admin.put('/api/calendar', calendar)).status, 200);
  });

  it('keeps only token hashes in users.json', async () => {
    const onDisk = await sandbox.startOnDisk();
    const tokens = [onDisk.adminToken ?? '', await addUser(onDisk, '事务中心', ['affairs'])];
    const text = (await readText(path.join(onDisk.dataDir, 'users.json'))) ?? '';
    const file = JSON.parse(text) as UsersFile;

    assert.deepEqual(
      file.users.map((user) => user.tokenHash),
      tokens.map(sha256),
    );
    for (const token of tokens) assert.equal(text.includes(token), false, 'a token is stored in clear text');
  });
});

describe('the first admin', () => {
  const sandbox = new Sandbox();
  afterEach(() => sandbox.cleanUp());

  it('is created with the configured token on the first start only', async () => {
    const dataDir = await sandbox.dataDir();
    const first = await sandbox.startOnDisk(dataDir);
    assert.equal(first.adminToken, ADMIN_TOKEN);
    await first.close();

    const second = await sandbox.startOnDisk(dataDir);
    assert.equal(second.adminToken, null);
    assert.equal((await second.admin.get('/api/ledgers')).status, 200);
    const { users } = JSON.parse((await readText(path.join(dataDir, 'users.json'))) ?? '') as UsersFile;
    assert.equal(users.filter((user) => user.roles.includes('admin')).length, 1);
  });

  it('gets a token printed once by `npm start`, which works; a second start prints none and adds no admin', async () => {
    const dataDir = await sandbox.dataDir();
    const first = sandbox.spawn(dataDir);
    const [, token] = await first.waitFor(/管理员令牌[^\n]*\n(\S+)\n/);
    const admin = new Client(await first.url(), `Bearer ${token}`);
    assert.equal((await admin.get('/api/ledgers')).status, 200);
    assert.equal(await first.stop(), 0);

    const second = sandbox.spawn(dataDir);
    const again = new Client(await second.url(), `Bearer ${token}`);
    assert.equal((await again.get('/api/ledgers')).status, 200);
    assert.doesNotMatch(second.stdout, /管理员令牌/);
    assert.equal(second.stdout.includes(token), false);
    const { users } = JSON.parse((await readText(path.join(dataDir, 'users.json'))) ?? '') as UsersFile;
    assert.deepEqual(
      users.map((user) => [user.name, user.roles]),
      [['admin', ['admin']]],
    );
  });
});
