// The administrator's certificate (TLS_CERT/TLS_KEY): served as it is; missing, unreadable, broken,
// expired or not matching its key, it refuses the start with a Chinese message and the process
// exits non-zero. Never plain HTTP instead: that is only HTTPS=0.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv } from '../../service/config.ts';
import { startService, type RunningService } from '../../service/server.ts';
import { issueServerCertificate, makeCa, type KeyPair } from '../../service/tls/issue.ts';
import { CHINESE, Sandbox } from '../helpers/service.ts';
import { handshake } from '../helpers/tls.ts';

const DAY = 86_400_000;

describe('service start: the administrator’s certificate (TLS_CERT, TLS_KEY)', function () {
  this.timeout(60_000);
  const sandbox = new Sandbox();
  let dir: string;
  let running: RunningService[] = [];
  let lines: string[];
  const courtCa = makeCa(new Date());
  const good = issueServerCertificate(courtCa, ['zxzh.court.local'], new Date());
  const other = issueServerCertificate(courtCa, ['zxzh.court.local'], new Date());

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-configured-tls-'));
    lines = [];
  });
  afterEach(async () => {
    for (const service of running) await service.close();
    running = [];
    await sandbox.cleanUp();
    await rm(dir, { recursive: true, force: true });
  });

  /** Writes the pair (a null part is not written) and returns the environment naming them. */
  function files(pair: { cert: string | null; key: string | null }, env: Record<string, string> = {}): Record<string, string> {
    const cert = path.join(dir, 'court.crt');
    const key = path.join(dir, 'court.key');
    if (pair.cert !== null) fs.writeFileSync(cert, pair.cert);
    if (pair.key !== null) fs.writeFileSync(key, pair.key);
    return { PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'data'), TLS_CERT: cert, TLS_KEY: key, ...env };
  }

  async function start(env: Record<string, string>, clock?: () => Date): Promise<RunningService> {
    const service = await startService(configFromEnv(env), (line) => lines.push(line), { clock });
    running.push(service);
    return service;
  }

  it('serves it, makes no CA of its own and offers none at /ca.crt', async () => {
    const service = await start(files(good, { PUBLIC_URL: 'https://zxzh.court.local:3000' }));
    const served = await handshake(Number(new URL(service.url).port), { host: 'zxzh.court.local', ca: courtCa.cert });
    assert.equal(served.subjectAltName, 'DNS:zxzh.court.local');
    assert.equal(fs.existsSync(path.join(dir, 'data', 'tls')), false);
    assert.deepEqual(
      lines.filter((line) => line.includes('不含')),
      [],
    );
    const ca = await getOver(service, '/ca.crt', courtCa.cert);
    assert.equal(ca.status, 404);
    assert.match(ca.text, /管理员配置的证书（或由反向代理提供 HTTPS），没有需要安装的根证书/);
    assert.equal(JSON.parse((await getOver(service, '/api/install', courtCa.cert)).text).caCertificateUrl, null);
  });

  it('says at start when PUBLIC_URL’s host is not in it', async () => {
    await start(files(good, { PUBLIC_URL: 'https://10.1.2.3:3000' }));
    assert.ok(
      lines.some((line) => line.startsWith('注意：证书') && line.includes('不含 PUBLIC_URL 的主机 10.1.2.3')),
      lines.join('\n'),
    );
  });

  const refusals: Array<[string, () => Record<string, string>, RegExp]> = [
    ['a missing certificate file', () => files({ cert: null, key: good.key }), /TLS_CERT 指定的证书文件 .*court\.crt 不存在/],
    ['a missing key file', () => files({ cert: good.cert, key: null }), /TLS_KEY 指定的私钥文件 .*court\.key 不存在/],
    ['an unreadable certificate (a folder)', () => unreadable(), /无法读取 TLS_CERT 指定的证书文件 .*（EISDIR）/],
    ['a file that is no certificate', () => files({ cert: 'not a certificate', key: good.key }), /不是有效的证书/],
    ['a file that is no key', () => files({ cert: good.cert, key: 'not a key' }), /TLS_KEY 指定的文件 .* 不是有效的私钥/],
    ['an expired certificate', () => files(expired()), /TLS_CERT 指定的证书 .* 已于 \d{4}-\d{2}-\d{2} 过期/],
    ['a key of another certificate', () => files({ cert: good.cert, key: other.key }), /TLS_KEY 的私钥 .* 与 TLS_CERT 的证书 .* 不匹配/],
  ];
  for (const [what, env, message] of refusals) {
    it(`refuses to start with ${what}, and names HTTPS=0 as the only way to HTTP`, async () => {
      const error = await startService(configFromEnv(env()), () => undefined).then(
        (service) => {
          running.push(service);
          return null;
        },
        (refused: Error) => refused,
      );
      assert.ok(error, 'the service started');
      assert.match(error.message, message);
      assert.match(error.message, /服务不会改用 HTTP 启动.*HTTPS=0/);
      assert.equal(fs.existsSync(path.join(dir, 'data', 'service.lock')), false, 'the data directory was never opened');
    });
  }

  function unreadable(): Record<string, string> {
    const env = files({ cert: null, key: good.key });
    fs.mkdirSync(env.TLS_CERT);
    return env;
  }

  function expired(): KeyPair {
    return issueServerCertificate(courtCa, ['zxzh.court.local'], new Date(Date.now() - 30 * DAY), 10);
  }

  it('refuses one of the two without the other', () => {
    assert.throws(() => configFromEnv({ TLS_CERT: path.join(dir, 'court.crt') }), /已设置 TLS_CERT.*没有设置 TLS_KEY/);
    assert.throws(() => configFromEnv({ TLS_KEY: path.join(dir, 'court.key') }), /已设置 TLS_KEY.*没有设置 TLS_CERT/);
  });

  it('npm start exits non-zero with the message, and never listens', async () => {
    const env = files({ cert: null, key: good.key });
    const started = sandbox.spawn(path.join(dir, 'data'), { HTTPS: '1', TLS_CERT: env.TLS_CERT, TLS_KEY: env.TLS_KEY });
    assert.equal(await started.exited(), 1);
    assert.match(started.stderr, /执行台账助手无法启动：TLS_CERT 指定的证书文件 .* 不存在/);
    assert.match(started.stderr, CHINESE);
    assert.doesNotMatch(started.stdout, /服务已启动/);
  });

  it('with HTTPS=0 starts plain HTTP without reading them', async () => {
    const service = await start(files({ cert: null, key: null }, { HTTPS: '0' }));
    assert.match(service.url, /^http:\/\//);
  });

  it('warns in health from 30 days before it expires (certificate-expiring), not before', async () => {
    const soon = issueServerCertificate(courtCa, ['zxzh.court.local'], new Date(Date.now() - 377 * DAY));
    const service = await start(files(soon));
    const warnings = await healthOver(service, courtCa.cert);
    const warning = warnings.find((entry) => entry.code === 'certificate-expiring');
    assert.ok(warning, JSON.stringify(warnings));
    assert.match(
      warning.message,
      /服务证书 .*court\.crt 将于 \d{4}-\d{2}-\d{2} 到期（还有 2\d 天）.*替换 TLS_CERT、TLS_KEY 所指的文件后重启服务/,
    );
    assert.ok(
      lines.some((line) => line === `注意：${warning.message}`),
      'the console says it at start',
    );
    await running.pop()?.close();

    const fine = await start(files(good));
    assert.equal((await healthOver(fine, courtCa.cert)).filter((entry) => entry.code === 'certificate-expiring').length, 0);
  });
});

async function healthOver(service: RunningService, ca: string): Promise<Array<{ code: string; message: string }>> {
  return JSON.parse((await getOver(service, '/api/health', ca)).text).warnings;
}

/** A GET trusting the court's CA, as zxzh.court.local (Node's fetch takes no CA of its own). */
async function getOver(service: RunningService, route: string, ca: string): Promise<{ status: number; text: string }> {
  const https = await import('node:https');
  return new Promise((resolve, reject) => {
    https
      .get(`${service.url}${route}`, { ca, servername: 'zxzh.court.local', checkServerIdentity: () => undefined }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      })
      .on('error', reject);
  });
}
