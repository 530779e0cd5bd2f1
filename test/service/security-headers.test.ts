// Browser security headers (SPEC §8), read over HTTP: the web page may run only its own scripts and
// styles and may not be framed; the add-in's pages stay framable by Office; nothing is sniffed; API
// answers are never cached, and downloads still arrive.

import assert from 'node:assert/strict';
import { buildAddin } from '../addin/browser/harness.ts';
import { ADMIN_TOKEN, Sandbox, type TestService } from '../helpers/service.ts';

async function headersOf(service: TestService, route: string, token: string | null = null): Promise<{ status: number; headers: Headers }> {
  const response = await fetch(service.url + route, { headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'manual' });
  await response.arrayBuffer();
  return { status: response.status, headers: response.headers };
}

describe('security headers', function () {
  this.timeout(120_000);
  const sandbox = new Sandbox();
  let service: TestService;

  // The service serves the pages webpack built into dist/.
  before(() => buildAddin());
  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  it('the web page: its own scripts and styles only, never framed, never sniffed', async () => {
    const { status, headers } = await headersOf(service, '/web/');
    assert.equal(status, 200);
    const policy = headers.get('content-security-policy') ?? '';
    assert.match(policy, /default-src 'self'/);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    assert.equal(headers.get('x-frame-options'), 'DENY');
    assert.equal(headers.get('x-content-type-options'), 'nosniff');
  });

  it('the add-in pages stay loadable in the Office host’s frame, and are not sniffed', async () => {
    for (const page of ['/taskpane.html', '/commands.html', '/notice.html']) {
      const { status, headers } = await headersOf(service, page);
      assert.equal(status, 200, page);
      assert.doesNotMatch(headers.get('content-security-policy') ?? '', /frame-ancestors/, page);
      assert.equal(headers.get('x-frame-options'), null, page);
      assert.equal(headers.get('x-content-type-options'), 'nosniff', page);
    }
  });

  it('API answers are not cached, errors included, and a template still downloads', async () => {
    for (const [route, token, status] of [
      ['/api/health', null, 200],
      ['/api/ledgers/cases/rows?asOf=2026-10-05', ADMIN_TOKEN, 200],
      ['/api/ledgers/cases/rows', 'wrong-token', 401],
      ['/api/nothing-here', ADMIN_TOKEN, 404],
    ] as const) {
      const reply = await headersOf(service, route, token);
      assert.equal(reply.status, status, route);
      assert.equal(reply.headers.get('cache-control'), 'no-store', route);
      assert.equal(reply.headers.get('x-content-type-options'), 'nosniff', route);
    }
    const template = await fetch(`${service.url}/api/templates/cases.xlsx`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(template.status, 200);
    assert.equal(template.headers.get('cache-control'), 'no-store');
    assert.match(template.headers.get('content-disposition') ?? '', /attachment/);
    assert.equal(
      Buffer.from(await template.arrayBuffer())
        .subarray(0, 2)
        .toString(),
      'PK',
    );
  });
});
