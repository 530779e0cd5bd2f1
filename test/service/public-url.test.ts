// PUBLIC_URL, the one setting for the address: checked at start (a Chinese message when it is not
// an address), filled into the served manifest.xml, named by the web page's install section
// (/api/install), the default CORS origin, and printed at start. Unset: https://localhost:<port>.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { configFromEnv } from '../../service/config.ts';
import { startService, type RunningService } from '../../service/server.ts';
import { MemoryStore } from '../../service/store/memory-store.ts';
import { checkManifest } from '../../tools/manifest-check.ts';
import { CHINESE, ROOT, Sandbox } from '../helpers/service.ts';

const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

describe('PUBLIC_URL', function () {
  this.timeout(30_000);
  const sandbox = new Sandbox();
  let running: RunningService[] = [];
  let lines: string[];

  beforeEach(() => {
    lines = [];
  });
  afterEach(async () => {
    for (const service of running) await service.close();
    running = [];
    await sandbox.cleanUp();
  });

  async function start(env: Record<string, string>): Promise<RunningService> {
    const config = configFromEnv({ HTTPS: '0', PORT: '0', HOST: '127.0.0.1', ...env });
    const service = await startService(config, (line) => lines.push(line), { store: async (ids) => new MemoryStore(ids) });
    running.push(service);
    return service;
  }

  it('accepts an IP or a name with its port, and several comma-separated (the first is the one named)', () => {
    const urls = (text: string) => configFromEnv({ PUBLIC_URL: text }).publicUrls;
    assert.deepEqual(urls('https://10.1.2.3:3000'), ['https://10.1.2.3:3000']);
    assert.deepEqual(urls('https://ZXZH.court.local:3000/'), ['https://zxzh.court.local:3000']);
    assert.deepEqual(urls('https://zxzh.court.local:443'), ['https://zxzh.court.local']);
    assert.deepEqual(urls(' https://zxzh.court.local:3000 , https://10.1.2.3:3000 '), [
      'https://zxzh.court.local:3000',
      'https://10.1.2.3:3000',
    ]);
    assert.deepEqual(urls(''), []);
    assert.deepEqual(
      configFromEnv({ HTTPS: '0', PUBLIC_URL: 'http://10.1.2.3:8080' }).publicUrls,
      ['http://10.1.2.3:8080'],
      'behind a proxy, any',
    );
  });

  it('refuses what is not an address, in Chinese, naming what it saw and an example', () => {
    const refused: Array<[string, RegExp]> = [
      ['zxzh.court.local:3000', /应以 https:\/\/ 开头/],
      ['10.1.2.3:3000', /不是有效的服务地址|应以 https:\/\/ 开头/],
      ['https://10.1.2.300:3000', /不是有效的服务地址/],
      ['https://zxzh.court.local:3000/web/', /不能带路径/],
      ['https://admin@zxzh.court.local:3000', /不能带路径、参数或用户名/],
      ['http://10.1.2.3:3000', /服务以 HTTPS 运行/],
      ['https://', /不是有效的服务地址/],
    ];
    for (const [text, message] of refused) {
      assert.throws(
        () => configFromEnv({ PUBLIC_URL: text }),
        (error: Error) =>
          message.test(error.message) &&
          error.message.includes(`PUBLIC_URL「${text}」`) &&
          /https:\/\/10\.1\.2\.3:3000/.test(error.message),
        text,
      );
    }
  });

  it('npm start refuses a malformed one with the message and a non-zero exit', async () => {
    const started = sandbox.spawn(await sandbox.dataDir(), { PUBLIC_URL: 'zxzh.court.local:3000' });
    assert.equal(await started.exited(), 1);
    assert.match(started.stderr, /执行台账助手无法启动：PUBLIC_URL「zxzh\.court\.local:3000」/);
    assert.match(started.stderr, CHINESE);
  });

  it('fills manifest.xml with it: every URL on that address, the offline check passes', async () => {
    const service = await start({ PUBLIC_URL: 'https://10.1.2.3:3000' });
    const reply = await fetch(`${service.url}/manifest.xml`);
    assert.match(reply.headers.get('content-type') ?? '', /^application\/xml/);
    const served = await reply.text();
    const report = checkManifest(served);
    assert.deepEqual(report.errors, []);
    assert.equal(report.origin, 'https://10.1.2.3:3000');
    assert.equal(served, MANIFEST.replaceAll('https://localhost:3000', 'https://10.1.2.3:3000'), 'nothing else changes');
    assert.ok(report.urls.includes('https://10.1.2.3:3000/taskpane.html'));
  });

  it('names the addresses for the web page and prints them at start', async () => {
    const service = await start({ PUBLIC_URL: 'https://zxzh.court.local:3000' });
    const install = await (await fetch(`${service.url}/api/install`)).json();
    assert.deepEqual(install, {
      publicUrl: 'https://zxzh.court.local:3000',
      webUrl: 'https://zxzh.court.local:3000/web/',
      manifestUrl: 'https://zxzh.court.local:3000/manifest.xml',
      wpsInstallUrl: 'https://zxzh.court.local:3000/wps/',
      caCertificateUrl: null,
    });
    assert.ok(lines.includes('服务地址（PUBLIC_URL）：https://zxzh.court.local:3000'), lines.join('\n'));
    assert.ok(lines.some((line) => line.includes('https://zxzh.court.local:3000/manifest.xml')));
  });

  it('unset: https://localhost:<port>, and the console says to set it on a court server', async () => {
    const service = await start({});
    const port = new URL(service.url).port;
    assert.equal(service.publicUrl, `https://localhost:${port}`);
    assert.equal(checkManifest(await (await fetch(`${service.url}/manifest.xml`)).text()).origin, `https://localhost:${port}`);
    assert.ok(
      lines.some((line) => line.startsWith(`服务地址：https://localhost:${port}（未设置 PUBLIC_URL`)),
      lines.join('\n'),
    );
  });

  it('is the default CORS origin; CORS_ORIGINS, when set, replaces it', async () => {
    const preflight = async (service: RunningService, origin: string) =>
      (await fetch(`${service.url}/api/ledgers`, { method: 'OPTIONS', headers: { origin } })).headers.get('access-control-allow-origin');
    const byDefault = await start({ PUBLIC_URL: 'https://zxzh.court.local:3000,https://10.1.2.3:3000' });
    assert.equal(await preflight(byDefault, 'https://zxzh.court.local:3000'), 'https://zxzh.court.local:3000');
    assert.equal(await preflight(byDefault, 'https://10.1.2.3:3000'), 'https://10.1.2.3:3000');
    assert.equal(await preflight(byDefault, 'https://elsewhere.example'), null);
    const listed = await start({ PUBLIC_URL: 'https://zxzh.court.local:3000', CORS_ORIGINS: 'https://addins.court.local' });
    assert.equal(await preflight(listed, 'https://addins.court.local'), 'https://addins.court.local');
    assert.equal(await preflight(listed, 'https://zxzh.court.local:3000'), null);
  });
});
