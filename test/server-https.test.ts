// npm start serves HTTPS, which Office add-ins require. Without TLS_CERT/TLS_KEY the service makes
// its own CA once in DATA_DIR/tls and a server certificate for PUBLIC_URL's hosts, localhost and
// 127.0.0.1, renewed from the same CA when it nears its end or a host is not covered, at start and
// while running. A clerk's PC that trusts only that CA completes the handshake by IP and by name.

import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkManifest } from '../tools/manifest-check.ts';
import { configFromEnv } from '../service/config.ts';
import { startService, type RunningService, type StartOptions } from '../service/server.ts';
import { issueServerCertificate, makeCa } from '../service/tls/issue.ts';
import { handshake } from './helpers/tls.ts';

const DAY = 86_400_000;
const unix = process.platform !== 'win32';

describe('service start: its own CA and certificate for PUBLIC_URL', function () {
  this.timeout(60_000);
  let dir: string;
  let running: RunningService[] = [];
  let lines: string[];

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-tls-'));
    lines = [];
  });
  afterEach(async () => {
    for (const service of running) await service.close();
    running = [];
    await rm(dir, { recursive: true, force: true });
  });

  const tlsDir = () => path.join(dir, 'data', 'tls');
  const read = (name: string) => fs.readFileSync(path.join(tlsDir(), name), 'utf8');

  async function start(publicUrl: string, options: StartOptions = {}): Promise<{ service: RunningService; port: number }> {
    const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'data'), PUBLIC_URL: publicUrl });
    const service = await startService(config, (line) => lines.push(line), options);
    running.push(service);
    return { service, port: Number(new URL(service.url).port) };
  }

  async function stop(service: RunningService): Promise<void> {
    running = running.filter((other) => other !== service);
    await service.close();
  }

  it('by IP: a CA and a certificate for 10.1.2.3, localhost and 127.0.0.1, a year long, keys private; trusted through the CA', async () => {
    const { service, port } = await start('https://10.1.2.3:3000');
    assert.match(service.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(service.publicUrl, 'https://10.1.2.3:3000');
    const ca = read('ca.crt');
    const served = await handshake(port, { host: '10.1.2.3', ca });
    assert.equal(served.subjectAltName, 'IP Address:10.1.2.3, DNS:localhost, IP Address:127.0.0.1');
    assert.equal(served.verify(new X509Certificate(ca).publicKey), true);
    assert.ok(new Date(served.validTo).getTime() - Date.now() >= 365 * DAY, `valid until ${served.validTo}`);
    assert.equal(served.fingerprint256, new X509Certificate(read('server.crt')).fingerprint256, 'the served one is the one kept');
    await handshake(port, { host: 'localhost', ca });
    await handshake(port, { host: '127.0.0.1', ca });
    await assert.rejects(handshake(port, { host: '10.1.2.4', ca }), /IP: 10\.1\.2\.4 is not in the cert's list/);
    await assert.rejects(handshake(port, { host: '10.1.2.3', ca: makeCa(new Date()).cert }), /self-signed|unable to verify|local issuer/);
    if (unix) {
      const mode = (name: string) => (fs.statSync(path.join(tlsDir(), name)).mode & 0o777).toString(8);
      assert.deepEqual([mode('.'), mode('ca.key'), mode('server.key')], ['700', '600', '600'], 'the keys are the service account’s only');
    } else console.log('      (modes not checked: Windows keeps no Unix mode bits)');
    assert.ok(lines.some((line) => line.startsWith('已生成本服务的根证书') && line.includes('网页版')));
    assert.ok(lines.includes('服务地址（PUBLIC_URL）：https://10.1.2.3:3000'), lines.join('\n'));
    assert.ok(lines.some((line) => line.includes('https://10.1.2.3:3000/ca.crt')));
  });

  it('by name: a DNS name for zxzh.court.local; the same CA when the host changes, and a certificate that covers the new one', async () => {
    const first = await start('https://zxzh.court.local:3000');
    const ca = read('ca.crt');
    const byName = await handshake(first.port, { host: 'zxzh.court.local', ca });
    assert.equal(byName.subjectAltName, 'DNS:zxzh.court.local, DNS:localhost, IP Address:127.0.0.1');
    await assert.rejects(
      handshake(first.port, { host: 'other.court.local', ca }),
      /Host: other\.court\.local\. is not in the cert's altnames/,
    );
    await stop(first.service);

    lines = [];
    const second = await start('https://zxzh.court.local:3000,https://10.1.2.3:3000');
    assert.equal(read('ca.crt'), ca, 'the CA the PCs trust is kept');
    const renewed = await handshake(second.port, { host: '10.1.2.3', ca });
    assert.equal(renewed.subjectAltName, 'DNS:zxzh.court.local, IP Address:10.1.2.3, DNS:localhost, IP Address:127.0.0.1');
    await handshake(second.port, { host: 'zxzh.court.local', ca });
    assert.ok(
      lines.some((line) => line.includes('已生成服务器证书（原证书不含 10.1.2.3）')),
      lines.join('\n'),
    );
    assert.equal(second.service.publicUrl, 'https://zxzh.court.local:3000', 'the first address is the one the manifest names');
  });

  it('keeps a good certificate across restarts, and renews an expired one from the same CA at start', async () => {
    const first = await start('https://10.1.2.3:3000');
    await stop(first.service);
    const kept = read('server.crt');
    lines = [];
    await stop((await start('https://10.1.2.3:3000')).service);
    assert.equal(read('server.crt'), kept, 'nothing to renew');
    assert.ok(!lines.some((line) => line.includes('已生成服务器证书')));

    const ca = { cert: read('ca.crt'), key: read('ca.key') };
    const expired = issueServerCertificate(ca, ['10.1.2.3', 'localhost', '127.0.0.1'], new Date(Date.now() - 10 * DAY), 5);
    fs.writeFileSync(path.join(tlsDir(), 'server.crt'), expired.cert);
    fs.writeFileSync(path.join(tlsDir(), 'server.key'), expired.key);
    lines = [];
    const restarted = await start('https://10.1.2.3:3000');
    const served = await handshake(restarted.port, { host: '10.1.2.3', ca: ca.cert });
    assert.ok(new Date(served.validTo).getTime() - Date.now() >= 365 * DAY);
    assert.equal(read('ca.crt'), ca.cert);
    assert.ok(
      lines.some((line) => line.includes('已生成服务器证书（原证书已过期）')),
      lines.join('\n'),
    );
  });

  it('renews while running when 30 days are left, and serves the new one without a restart', async () => {
    let now = new Date();
    const { port } = await start('https://10.1.2.3:3000', { clock: () => now, dailyCheckEvery: 20 });
    const before = await handshake(port, { host: '10.1.2.3' });
    now = new Date(new Date(before.validTo).getTime() - 29 * DAY);
    await until(() => lines.some((line) => line.includes('已生成服务器证书（原证书将于')));
    const after = await handshake(port, { host: '10.1.2.3' });
    assert.notEqual(after.serialNumber, before.serialNumber);
    assert.ok(new Date(after.validTo).getTime() - now.getTime() >= 365 * DAY);
    assert.equal(after.verify(new X509Certificate(read('ca.crt')).publicKey), true, 'from the same CA');
  });

  it('serves /ca.crt for the clerks’ PCs and manifest.xml with PUBLIC_URL filled in', async () => {
    const { service } = await start('https://zxzh.court.local:3000');
    const ca = read('ca.crt');
    const get = (route: string) => fetchTrusting(`${service.url}${route}`, ca);
    const caReply = await get('/ca.crt');
    assert.equal(caReply.status, 200);
    assert.equal(caReply.type, 'application/x-x509-ca-cert');
    assert.equal(caReply.text, ca);
    const manifest = await get('/manifest.xml');
    const report = checkManifest(manifest.text);
    assert.deepEqual(report.errors, []);
    assert.equal(report.origin, 'https://zxzh.court.local:3000');
    assert.doesNotMatch(manifest.text, /localhost/);
    const install = JSON.parse((await get('/api/install')).text);
    assert.deepEqual(install, {
      publicUrl: 'https://zxzh.court.local:3000',
      webUrl: 'https://zxzh.court.local:3000/web/',
      manifestUrl: 'https://zxzh.court.local:3000/manifest.xml',
      wpsInstallUrl: 'https://zxzh.court.local:3000/wps/',
      caCertificateUrl: 'https://zxzh.court.local:3000/ca.crt',
    });
  });

  it('refuses a CA whose key is gone, rather than make a new one the PCs do not trust', async () => {
    await stop((await start('https://10.1.2.3:3000')).service);
    fs.rmSync(path.join(tlsDir(), 'ca.key'));
    await assert.rejects(start('https://10.1.2.3:3000'), /本服务的根证书 .*ca\.crt 缺少私钥 .*ca\.key。请从备份恢复/);
  });
});

/** A GET over HTTPS trusting only `ca` (Node's fetch takes no CA of its own). */
async function fetchTrusting(url: string, ca: string): Promise<{ status: number; type: string; text: string }> {
  const https = await import('node:https');
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), text }));
      })
      .on('error', reject);
  });
}

async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
