// Tokens (SPEC §8): an address that keeps presenting wrong tokens is locked out for a while and the
// administrator sees it in the log (never a token); an ADMIN_TOKEN too short to be safe is refused at
// start; the files holding token hashes, the audit log and the backups are the service account's only.

import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { configFromEnv } from '../../service/config.ts';
import { FAILED_SIGN_IN_LIMIT, FAILED_SIGN_IN_WINDOW_MS } from '../../service/http/auth.ts';
import { addUser, ADMIN_TOKEN, assertError, caseRow, CHINESE, Client, onlyRow, Sandbox, todayInShanghai } from '../helpers/service.ts';

const GUESSES = 3000;

/** A GET sent from a given local address (another machine, as far as the service can tell). */
function getFrom(localAddress: string, url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(`${url}/api/ledgers`, { localAddress, headers: { authorization: `Bearer ${token}` } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

describe('tokens', function () {
  this.timeout(60_000);
  const sandbox = new Sandbox();
  afterEach(() => sandbox.cleanUp());

  describe('wrong tokens from one address', () => {
    it(`answers 429 in Chinese past ${FAILED_SIGN_IN_LIMIT} of ${GUESSES} wrong tokens, with one log line (no token)`, async () => {
      const started = sandbox.spawn(await sandbox.dataDir(), { ADMIN_TOKEN });
      const url = await started.url();
      const guesses = Array.from({ length: GUESSES }, (_, i) => `guess-${i}-${Math.random().toString(36).slice(2)}`);
      const statuses = new Map<number, number>();
      let message = '';
      for (let first = 0; first < GUESSES; first += 50) {
        const replies = await Promise.all(
          guesses.slice(first, first + 50).map((guess) => new Client(url, `Bearer ${guess}`).get('/api/ledgers')),
        );
        for (const reply of replies) {
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          if (reply.status === 429) message = assertError(reply, 429, 'too_many_attempts');
        }
      }
      assert.deepEqual(Object.fromEntries(statuses), { 401: FAILED_SIGN_IN_LIMIT, 429: GUESSES - FAILED_SIGN_IN_LIMIT });
      assert.match(message, /登录失败次数过多，请 \d+ 秒后再试/);

      // The right token from the same address waits too: a 200 would tell a guesser it found one.
      assertError(await new Client(url, `Bearer ${ADMIN_TOKEN}`).get('/api/ledgers'), 429, 'too_many_attempts');
      assert.equal((await new Client(url, null).get('/api/health')).status, 200, 'the service itself still answers');

      assert.equal(await started.stop(), 0);
      const lockouts = started.stderr.split('\n').filter((line) => line.includes('暂停'));
      assert.equal(lockouts.length, 1, started.stderr.slice(0, 2000));
      assert.match(lockouts[0], /127\.0\.0\.1/);
      assert.ok(lockouts[0].includes(`${FAILED_SIGN_IN_LIMIT} 次`), lockouts[0]);
      const log = started.stdout + started.stderr;
      assert.equal(
        guesses.some((guess) => log.includes(guess)),
        false,
        'no token reaches the log',
      );
      assert.equal(log.includes(ADMIN_TOKEN), false);
    });

    it('locks out only that address, for one window, after which its right token works again', async function () {
      if (process.platform !== 'linux') {
        console.log('      (skipped: sending from a second loopback address 127.0.0.2 needs Linux)');
        return this.skip();
      }
      let now = Date.parse('2026-10-05T09:00:00+08:00');
      const service = await sandbox.start({ clock: () => new Date(now) });
      const token = await addUser(service, '事务中心王五', ['affairs']);
      for (let i = 0; i < FAILED_SIGN_IN_LIMIT; i += 1)
        assertError(await service.as(`wrong-${i}`).get('/api/ledgers'), 401, 'invalid_token');
      const locked = await service.as(token).get('/api/ledgers');
      assert.match(assertError(locked, 429, 'too_many_attempts'), new RegExp(`请 ${FAILED_SIGN_IN_WINDOW_MS / 1000} 秒后再试`));

      assert.equal(await getFrom('127.0.0.2', service.url, token), 200, 'another address signs in as usual');
      assert.equal(await getFrom('127.0.0.2', service.url, 'wrong'), 401, 'and its own wrong token is a plain 401');

      now += FAILED_SIGN_IN_WINDOW_MS - 1000;
      assert.match(assertError(await service.as(token).get('/api/ledgers'), 429), /请 1 秒后再试/);
      now += 1000;
      assert.equal(onlyRow(await service.as(token).sync([caseRow()])).state, 'ok', 'after the window the address signs in again');
      assertError(await service.as('wrong-again').get('/api/ledgers'), 401, 'invalid_token');
    });
  });

  describe('ADMIN_TOKEN', () => {
    it('is refused at start when shorter than 32 characters, in Chinese, naming the rule', async () => {
      const started = sandbox.spawn(await sandbox.dataDir(), { ADMIN_TOKEN: 'x' });
      assert.equal(await started.exited(), 1);
      assert.match(started.stderr, /ADMIN_TOKEN 太短（1 个字符）/);
      assert.match(started.stderr, /至少需要 32 个字符/);
      assert.match(started.stderr, CHINESE);

      const dataDir = await sandbox.dataDir();
      for (const token of ['a'.repeat(31), '令'.repeat(31), ' '.repeat(40), `${'a'.repeat(20)} ${'b'.repeat(20)}`]) {
        assert.throws(
          () => configFromEnv({ DATA_DIR: dataDir, ADMIN_TOKEN: token }),
          (error: Error) => CHINESE.test(error.message),
          token,
        );
      }
      assert.equal(configFromEnv({ DATA_DIR: dataDir, ADMIN_TOKEN: 'a'.repeat(32) }).adminToken, 'a'.repeat(32));
      assert.equal(configFromEnv({ DATA_DIR: dataDir, ADMIN_TOKEN: '' }).adminToken, undefined, 'unset: a random one is made');
    });
  });

  describe('files on disk', function () {
    before(function () {
      if (process.platform === 'win32') {
        console.log('      (skipped: Windows keeps no Unix mode bits; the data directory is protected by its folder permissions)');
        this.skip();
      }
    });

    const modeOf = async (file: string) => (await fs.stat(file)).mode & 0o777;

    it('writes users.json, audit.jsonl, the ledgers and every backup readable by the service account only', async () => {
      const service = await sandbox.startOnDisk();
      await addUser(service.dataDir, '事务中心王五', ['affairs']);
      onlyRow(await service.admin.sync([caseRow()]));
      const backup = path.join(service.dataDir, 'backups', todayInShanghai());

      const files = [
        path.join(service.dataDir, 'users.json'),
        path.join(service.dataDir, 'audit.jsonl'),
        path.join(service.dataDir, 'ledgers', 'cases.journal.jsonl'),
        path.join(backup, 'users.json'),
        ...(await fs.readdir(path.join(backup, 'ledgers'))).map((name) => path.join(backup, 'ledgers', name)),
      ];
      for (const file of files) assert.equal((await modeOf(file)).toString(8), '600', file);
      for (const dir of [path.join(service.dataDir, 'backups'), backup, path.join(backup, 'ledgers')]) {
        assert.equal((await modeOf(dir)).toString(8), '700', dir);
      }
    });

    it('makes users.json and audit.jsonl that an earlier version left readable by everyone private at start', async () => {
      const first = await sandbox.startOnDisk();
      onlyRow(await first.admin.sync([caseRow()]));
      await first.close();
      for (const name of ['users.json', 'audit.jsonl']) await fs.chmod(path.join(first.dataDir, name), 0o644);

      const second = await sandbox.startOnDisk(first.dataDir);
      for (const name of ['users.json', 'audit.jsonl'])
        assert.equal((await modeOf(path.join(second.dataDir, name))).toString(8), '600', name);
      assert.equal((await second.admin.get('/api/ledgers')).status, 200);
    });
  });
});
