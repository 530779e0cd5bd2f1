// The bad-input corpus: generated per-cell payloads for every column of every ledger, and hand-made
// request-level payloads. Nothing may answer 5xx, crash, store a refused request, or pollute
// Object.prototype.

import assert from 'node:assert/strict';
import { LEDGERS } from '../../service/domain/ledgers/index.ts';
import type { RawValue } from '../../service/domain/problem.ts';
import { validValue } from '../helpers/sample-rows.ts';
import { ADMIN_TOKEN, CHINESE, storedLedgerText, Sandbox, type TestService } from '../helpers/service.ts';

/** Values that no typed (non-text) column accepts. */
const NEVER_VALID: string[] = [
  '0000-00-00',
  '=SUM(A1:A3)',
  '@cmd',
  'abc',
  '<script>alert(1)</script>',
  '\u0000',
  '🙂🙂',
  "'; DROP TABLE cases; --",
];
/** Odd values that must be handled one way or another, never with a 5xx. */
const ODD: RawValue[] = [
  true,
  false,
  0,
  -1,
  1e308,
  -0.5,
  '',
  '   ',
  'x'.repeat(2000),
  '１２３',
  '\uD800',
  '+86',
  '-',
  '2026-13-45',
  '99999999999999999999',
  '\t\n',
  null,
];

describe('bad input corpus', () => {
  const sandbox = new Sandbox();
  let service: TestService;
  let payloads = 0;

  before(async () => {
    service = await sandbox.start();
  });
  after(async () => {
    console.log(`      （共发送 ${payloads} 个错误输入）`);
    await sandbox.cleanUp();
  });

  describe('every column of every ledger, with values it cannot take', () => {
    for (const ledger of LEDGERS) {
      for (const column of ledger.columns) {
        it(`${ledger.id}.${column.id} (${column.type})`, async () => {
          const bad = [...(column.type === 'text' ? [] : NEVER_VALID), ...ODD];
          const rows = bad.map((value, index) => ({
            values: {
              ...Object.fromEntries(ledger.columns.map((other) => [other.id, validValue(other, payloads + index + 1)])),
              [column.id]: value,
            },
          }));
          payloads += rows.length;
          const reply = await service.admin.post(`/api/ledgers/${ledger.id}/sync?asOf=2026-03-10`, { rows });
          assert.equal(reply.status, 200, reply.text.slice(0, 300));
          assert.equal(reply.body.rows.length, rows.length);
          reply.body.rows.forEach((row: { errors: Array<{ column: string; level: string; message: string }> }, index: number) => {
            for (const problem of row.errors) {
              assert.ok(['error', 'warning'].includes(problem.level));
              assert.match(problem.message, CHINESE, problem.message);
            }
            if (column.type !== 'text' && index < NEVER_VALID.length) {
              const mine = row.errors.filter((problem) => problem.column === column.id && problem.level === 'error');
              assert.ok(mine.length > 0, `${column.header}「${JSON.stringify(bad[index])}」应当报错`);
              assert.ok(mine[0].message.includes(column.header), mine[0].message);
            }
          });
        });
      }
    }
  });

  describe('requests refused whole, with nothing stored', () => {
    const deep = (depth: number) => `{"rows":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const deepValue = (depth: number) => `{"rows":[{"values":{"caseNo":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}]}`;
    const manyRows = (count: number) => `{"rows":[${Array.from({ length: count }, () => '{"values":{}}').join(',')}]}`;
    const row = (fields: string) => `{"rows":[{${fields}}]}`;
    const bodies: Array<[string, string | Blob, Record<string, string>?]> = [
      ['empty body', ''],
      ['an opening brace', '{'],
      ['a cut-off rows array', '{"rows":['],
      ['a stray closing brace', '{"rows":[}'],
      ['single quotes', "{'rows':[]}"],
      ['trailing comma', '{"rows":[],}'],
      ['a NUL byte', '\u0000'],
      ['NaN', 'NaN'],
      ['null', 'null'],
      ['a string', '"rows"'],
      ['a number', '123'],
      ['a boolean', 'true'],
      ['an array', '[]'],
      ['rows as an object', '{"rows":{}}'],
      ['rows as a string', '{"rows":"abc"}'],
      ['rows of numbers', '{"rows":[1,2,3]}'],
      ['rows of nulls', '{"rows":[null]}'],
      ['values as an array', row('"values":[]')],
      ['values as null', row('"values":null')],
      ['missing values', row('"rowId":null')],
      ['a value that is an object', row('"values":{"caseNo":{"a":1}}')],
      ['a value that is an array', row('"values":{"filedOn":[2026,3,2]}')],
      ['__proto__ as an object value', row('"values":{"__proto__":{"polluted":true}}')],
      ['constructor.prototype as a value', row('"values":{"constructor":{"prototype":{"polluted":true}}}')],
      ['a rowId that is not a UUID', row('"rowId":"../../etc/passwd","values":{}')],
      ['a numeric rowId', row('"rowId":123,"values":{}')],
      ['a negative rev', row('"rev":-1,"values":{}')],
      ['a fractional rev', row('"rev":1.5,"values":{}')],
      ['a rev as text', row('"rev":"1","values":{}')],
      ['an unknown mode', '{"rows":[],"mode":"delete-all"}'],
      ['a null mode', '{"rows":[],"mode":null}'],
      ['100,000-deep nesting', deep(100_000)],
      ['10,000-deep nesting inside a value', deepValue(10_000)],
      ['a 2,001-character cell', row(`"values":{"cause":"${'长'.repeat(2001)}"}`)],
      ['a 1 MB cell', row(`"values":{"cause":"${'x'.repeat(1_000_000)}"}`)],
      ['201 columns', row(`"values":{${Array.from({ length: 201 }, (_, i) => `"c${i}":1`).join(',')}}`)],
      ['20,001 rows', manyRows(20_001)],
      ['1,000,000 rows', manyRows(1_000_000)],
      ['a 50 MB body', `{"rows":[],"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`],
      [
        'invalid UTF-8 in the structure',
        new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x22, 0x72, 0x6f, 0x77, 0x73, 0x22, 0x3a, 0x5b, 0x5d, 0x7d])]),
      ],
      ['JSON sent as text/plain', '{"rows":[{"values":{"caseNo":"（2026）豫0102执1号"}}]}', { 'content-type': 'text/plain' }],
      ['a Latin-1 charset', '{"rows":[]}', { 'content-type': 'application/json; charset=latin1' }],
      ['gzip that is not gzip', '{"rows":[]}', { 'content-encoding': 'gzip' }],
      ['an unknown content encoding', '{"rows":[]}', { 'content-encoding': 'br2' }],
    ];
    for (const [title, body, headers] of bodies) {
      it(`refuses ${title}`, async () => {
        payloads += 1;
        const before = await storedLedgerText(service);
        const response = await fetch(`${service.url}/api/ledgers/cases/sync?asOf=2026-03-10`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...headers },
          body,
        });
        const text = await response.text();
        assert.ok(response.status >= 400 && response.status < 500, `${title}: HTTP ${response.status} ${text.slice(0, 200)}`);
        const error = JSON.parse(text).error;
        assert.match(error.message, CHINESE);
        assert.equal(typeof error.code, 'string');
        assert.equal(await storedLedgerText(service), before, 'nothing stored');
      });
    }

    const routes = [
      '/api/ledgers/cases/sync?asOf=0000-00-00',
      '/api/ledgers/cases/sync?asOf=2026-02-30',
      `/api/ledgers/cases/sync?asOf=${'9'.repeat(5000)}`,
      '/api/ledgers/cases/sync?asOf=2026-03-02&asOf=2026-03-03',
      '/api/ledgers/__proto__/sync',
      '/api/ledgers/constructor/sync',
      '/api/ledgers/..%2F..%2Fusers/sync',
      '/api/ledgers/%00/sync',
    ];
    for (const route of routes) {
      it(`refuses ${route.slice(0, 60)}`, async () => {
        payloads += 1;
        const before = await storedLedgerText(service);
        const reply = await service.admin.send('POST', route, '{"rows":[{"values":{"caseNo":"（2026）豫0102执5号"}}]}');
        assert.ok(reply.status >= 400 && reply.status < 500, `${route}: HTTP ${reply.status}`);
        assert.match(reply.body.error.message, CHINESE);
        assert.equal(await storedLedgerText(service), before);
      });
    }
  });

  it('leaves Object.prototype untouched after the whole corpus', () => {
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.keys(Object.prototype), []);
  });
});
