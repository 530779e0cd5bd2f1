// manifest.xml: the offline check (npm run validate) accepts it, catches what Office would reject,
// and the real service serves every URL it names, the pages' office.js included.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { checkManifest, checkServed } from '../../tools/manifest-check.ts';
import { buildAddin, startTestService } from './browser/harness.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

describe('add-in manifest', () => {
  it('passes the offline check: ribbon tab 「执行台账」 with 打开助手, 同步本表, 周通报, ExcelApi 1.1, one origin', () => {
    const report = checkManifest(MANIFEST);
    assert.deepEqual(report.errors, []);
    assert.equal(report.origin, 'https://localhost:3000');
    for (const label of ['"执行台账"', '"打开助手"', '"同步本表"', '"周通报"'])
      assert.ok(MANIFEST.includes(`DefaultValue=${label}`), label);
    assert.match(MANIFEST, /<Set Name="ExcelApi" MinVersion="1.1" \/>/);
    assert.match(MANIFEST, /<FunctionName>syncActiveTable<\/FunctionName>/);
  });

  it('catches a manifest Office would reject', () => {
    const broken = (from: string, to: string) => checkManifest(MANIFEST.replace(from, to)).errors.join('\n');
    assert.match(
      broken(
        '<Id>6f1c2a4e-8d3b-4c57-9a0e-2b7d5e913c40</Id>\n  <Version>0.1.0.0</Version>',
        '<Version>0.1.0.0</Version>\n  <Id>6f1c2a4e-8d3b-4c57-9a0e-2b7d5e913c40</Id>',
      ),
      /Id：顺序错误/,
    );
    assert.match(broken('<Permissions>ReadWriteDocument</Permissions>', ''), /缺少必需元素 Permissions/);
    assert.match(broken('<Label resid="Sync.Label" />', '<Label resid="Sync.Missing" />'), /资源「Sync.Missing」未定义/);
    assert.match(
      broken('https://localhost:3000/assets/sync-16.png', 'https://appsforoffice.microsoft.com/sync-16.png'),
      /网址应全部来自服务本身/,
    );
    assert.match(broken('https://localhost:3000/commands.html', 'http://localhost:3000/commands.html'), /不是 HTTPS/);
    assert.match(broken('</OfficeApp>', ''), /XML 格式错误/);
  });

  it('names only URLs the service serves: pages, icons and the office.js they load', async function () {
    this.timeout(60_000);
    buildAddin();
    const service = await startTestService();
    try {
      const { urls } = checkManifest(MANIFEST);
      assert.deepEqual(await checkServed(urls, service.url), []);
      const officeJs = await fetch(`${service.url}/office-js/office.js`);
      assert.equal(officeJs.status, 200);
      assert.match(officeJs.headers.get('content-type') ?? '', /javascript/);
      // Without PUBLIC_URL the served manifest names https://localhost:<the port it listens on>.
      const manifest = await fetch(`${service.url}/manifest.xml`);
      const port = new URL(service.url).port;
      assert.equal(await manifest.text(), MANIFEST.replaceAll('https://localhost:3000', `https://localhost:${port}`));
      assert.equal((await fetch(`${service.url}/assets/no-such-icon.png`)).status, 404, 'a missing icon is reported, not served as a page');
    } finally {
      await service.close();
    }
  });
});
