// Requests the service refuses (SPEC §7): each gets { error: { code, message } } in Chinese, no
// stack trace, and nothing of it is stored.

import assert from 'node:assert/strict';
import {
  assertError,
  auditEntries,
  caseNo,
  caseRow,
  problemsOf,
  storedLedgerText,
  onlyRow,
  rowsOf,
  Sandbox,
  type Reply,
  type TestService,
} from '../helpers/service.ts';

const SYNC = '/api/ledgers/cases/sync?asOf=2026-10-05';

describe('refused requests', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  beforeEach(async () => {
    service = await sandbox.start();
    // One stored row, so that "nothing stored" compares a real file.
    rowsOf(await service.admin.sync([caseRow()]));
  });
  afterEach(() => sandbox.cleanUp());

  /** What a refused request must leave as it was: the rows listed, the stored ledger, the audit log. */
  async function storedState() {
    return {
      rows: rowsOf(await service.admin.rows()).map((row) => [row.rowId, row.rev]),
      ledger: await storedLedgerText(service),
      audit: await auditEntries(service),
    };
  }

  /** Sends, checks the refusal, checks nothing changed; returns the message. */
  async function refused(send: () => Promise<Reply>, status: number, code?: string): Promise<string> {
    const before = await storedState();
    const message = assertError(await send(), status, code);
    assert.deepEqual(await storedState(), before, 'a refused request changed the stored data');
    return message;
  }

  const rawSync = (body: string) => service.admin.send('POST', SYNC, body);

  it('refuses malformed JSON with 400 invalid_json', async () => {
    await refused(() => rawSync('{"rows": [{"values": {"caseNo": '), 400, 'invalid_json');
  });

  it('refuses a body over 32 MB with 413', async () => {
    const huge = JSON.stringify({ rows: [caseRow({ cause: 'x'.repeat(33 * 1024 * 1024) })] });
    const message = await refused(() => rawSync(huge), 413);
    assert.match(message, /32/);
  });

  it('refuses 20,001 rows with 413, naming the limit', async () => {
    const rows = Array.from({ length: 20_001 }, () => ({ values: {} }));
    const message = await refused(() => service.admin.sync(rows), 413);
    assert.match(message, /20000/);
  });

  it('refuses a cell of 2,001 characters with 413 naming row and column, and takes 2,000', async () => {
    const rows = [caseRow({ caseNo: caseNo(1) }), caseRow({ caseNo: caseNo(2), cause: '合'.repeat(2_001) })];
    const message = await refused(() => service.admin.sync(rows), 413);
    assert.match(message, /第 2 行/);
    assert.match(message, /cause/);

    const row = onlyRow(await service.admin.sync([caseRow({ caseNo: caseNo(3), cause: '合'.repeat(2_000) })]));
    assert.equal(row.state, 'ok');
  });

  it('refuses more than 200 columns in a row with 413', async () => {
    const values = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`extra${i}`, 'x']));
    await refused(() => service.admin.sync([{ values }]), 413);
  });

  it('refuses a value that is an object or an array with 400 naming the row and column', async () => {
    for (const value of [{ yuan: 50_000 }, ['50000']]) {
      const body = { rows: [caseRow({ caseNo: caseNo(1) }), { values: { ...caseRow().values, amount: value } }] };
      const message = await refused(() => service.admin.post(SYNC, body), 400);
      assert.match(message, /第 2 行/);
      assert.match(message, /amount/);
    }
  });

  it('refuses a body that is not shaped as { rows: [...] }', async () => {
    const shapes: unknown[] = [
      [],
      'rows',
      null,
      { rows: { values: {} } },
      { rows: [null] },
      { rows: [['（2026）豫0102执1号']] },
      { rows: [{ values: null }] },
      { rows: [{}] },
    ];
    for (const shape of shapes) await refused(() => rawSync(JSON.stringify(shape)), 400);
    await refused(() => service.admin.send('POST', SYNC), 400);
  });

  it('refuses a bad mode, row id or revision with 400', async () => {
    const row = caseRow();
    const bodies: unknown[] = [
      { rows: [row], mode: 'replace' },
      { rows: [{ ...row, rowId: 'row-1' }] },
      { rows: [{ ...row, rowId: 42 }] },
      { rows: [{ ...row, rev: -1 }] },
      { rows: [{ ...row, rev: 1.5 }] },
      { rows: [{ ...row, rev: '2' }] },
    ];
    for (const body of bodies) await refused(() => service.admin.post(SYNC, body), 400);
  });

  it('is not polluted by __proto__ or constructor keys, which come back as unknown columns', async () => {
    const body =
      '{"__proto__": {"polluted": "body"}, "rows": [{"__proto__": {"polluted": "row"}, "values": ' +
      `{"caseNo": "${caseNo(9)}", "filedOn": "2026-09-24", "respondent": "王五", ` +
      '"__proto__": "values", "constructor": "x", "prototype": "y"}}]}';
    const reply = await rawSync(body);
    const row = onlyRow(reply);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    for (const column of ['__proto__', 'constructor', 'prototype']) {
      assert.equal(problemsOf(row, column, 'warning').length, 1, `${column}: ${JSON.stringify(row.errors)}`);
    }
    assert.equal(rowsOf(await service.admin.rows()).length, 2);

    const objectUnderProto = '{"rows": [{"values": {"__proto__": {"polluted": "yes"}}}]}';
    await refused(() => rawSync(objectUnderProto), 400);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('refuses a query parameter given twice with 400 naming it, on every route that reads parameters, and stores nothing', async () => {
    const routes = [
      '/api/ledgers/cases/rows?team=速执团队&team=特执团队',
      '/api/ledgers/cases/rows?asOf=2026-10-05&asOf=2026-10-06',
      '/api/reports/weekly?week=2026-W40&week=2026-W41',
      '/api/reports/weekly?format=xlsx&format=json',
      '/api/templates/cases.xlsx?x=1&x=2',
    ];
    for (const route of routes) {
      const name = /\?(\w+)=/.exec(route)![1];
      assert.match(assertError(await service.admin.get(route), 400, 'repeated_parameter'), new RegExp(`参数 ${name} 重复出现了 2 次`));
    }
    const message = await refused(() => service.admin.post(`${SYNC}&asOf=2026-10-06`, { rows: [caseRow({ caseNo: caseNo(9) })] }), 400);
    assert.match(message, /参数 asOf 重复出现了 2 次，只能给一次/);
  });

  it('answers an unknown /api path with 404 JSON', async () => {
    for (const route of ['/api/nope', '/api/ledgers/cases/nope', '/api/ledgers/cases']) {
      assertError(await service.admin.get(route), 404);
    }
    assertError(await service.admin.send('DELETE', '/api/ledgers/cases/rows'), 404);
  });

  it('answers an unknown page with a small Chinese page pointing to the web page, not Express’s English', async () => {
    for (const route of ['/nothing.html', '/web/nothing', '/<script>x</script>']) {
      const response = await fetch(service.url + route);
      const text = await response.text();
      assert.equal(response.status, 404, route);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
      assert.match(text, /<html lang="zh-CN">[\s\S]*找不到页面[\s\S]*href="\/web\/"/);
      assert.doesNotMatch(text, /Cannot GET|<script>/);
    }
    const api = await fetch(`${service.url}/api/nothing`);
    assert.match(api.headers.get('content-type') ?? '', /application\/json/);
  });
});
