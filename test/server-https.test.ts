// npm start serves HTTPS, which Office add-ins require: with the configured certificate, else a
// development certificate it makes (office-addin-dev-certs), and says so plainly when it falls back.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import https from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv } from '../service/config.ts';
import { startService } from '../service/server.ts';

describe('service start: HTTPS for the add-in', function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-tls-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const base = () => configFromEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'data') });

  it('makes a development certificate when none exists, serves HTTPS with it and says the CA still needs trusting', async () => {
    const certs = path.join(dir, 'certs');
    const lines: string[] = [];
    const service = await startService(
      { ...base(), tlsCert: path.join(certs, 'localhost.crt'), tlsKey: path.join(certs, 'localhost.key'), tlsDevelopment: true },
      (line) => lines.push(line),
    );
    try {
      assert.match(service.url, /^https:\/\/127\.0\.0\.1:\d+$/);
      assert.ok(lines.some((line) => line.includes('已在') && line.includes('npx office-addin-dev-certs install')));
      if (process.platform === 'win32') console.log('      (key mode not checked: Windows keeps no Unix mode bits)');
      else
        assert.equal(
          (fs.statSync(path.join(certs, 'localhost.key')).mode & 0o777).toString(8),
          '600',
          'the private key is the account’s only',
        );
      const ca = fs.readFileSync(path.join(certs, 'ca.crt'));
      const body = await new Promise<string>((resolve, reject) => {
        https
          .get(`${service.url}/api/health`, { ca }, (response) => {
            let text = '';
            response.on('data', (chunk) => (text += chunk));
            response.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      assert.equal(JSON.parse(body).ok, true, 'the certificate is valid for the service under its CA');
    } finally {
      await service.close();
    }
  });

  it('falls back to HTTP and says why when a configured certificate is missing', async () => {
    const lines: string[] = [];
    const service = await startService(
      { ...base(), tlsCert: path.join(dir, 'none.crt'), tlsKey: path.join(dir, 'none.key'), tlsDevelopment: false },
      (line) => lines.push(line),
    );
    try {
      assert.match(service.url, /^http:\/\//);
      assert.ok(lines.some((line) => line.includes('未找到 HTTPS 证书') && line.includes('以 HTTP 启动')));
      assert.equal(
        fs.existsSync(path.join(dir, 'none.crt')),
        false,
        'a configured production path is never filled with a development certificate',
      );
    } finally {
      await service.close();
    }
  });
});
