// The shared client against the real service: every failure a ServiceError a clerk can read.

import assert from 'node:assert/strict';
import { fetchLedgers, syncRows, templateFile } from '../../client/api.ts';
import { callService, ServiceError } from '../../client/service.ts';
import { ADMIN_TOKEN, Sandbox, type TestService } from '../helpers/service.ts';

describe('the shared service client', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  it('reads the ledgers, each with its columns and, where rows go to teams, its assignment', async () => {
    const ledgers = await fetchLedgers({ baseUrl: `${service.url}/`, token: ADMIN_TOKEN });
    assert.ok(ledgers.length > 1);
    const assigned = ledgers.filter((ledger) => ledger.assignment);
    assert.ok(assigned.length > 0);
    for (const ledger of assigned) {
      const ids = new Set(ledger.columns.map((column) => column.id));
      assert.ok(ledger.assignment!.teams.length > 0, ledger.id);
      assert.deepEqual(
        ledger.assignment!.listColumns.filter((id) => !ids.has(id)),
        [],
        ledger.id,
      );
    }
  });

  it('gives the service’s Chinese message with its status and code', async () => {
    const refused = await fetchLedgers({ baseUrl: service.url, token: 'wrong-token' }).catch((error: unknown) => error);
    assert.ok(refused instanceof ServiceError);
    assert.equal(refused.status, 401);
    assert.match(refused.code, /\w/);
    assert.match(refused.message, /[\u4e00-\u9fff]/);
  });

  it('says plainly when the service cannot be reached', async () => {
    const failed = await fetchLedgers({ baseUrl: 'http://127.0.0.1:9', token: ADMIN_TOKEN }).catch((error: unknown) => error);
    assert.ok(failed instanceof ServiceError);
    assert.equal(failed.status, 0);
    assert.equal(failed.message, '无法连接服务 http://127.0.0.1:9，请检查服务地址和网络');
  });

  it('sends a long sync compressed, and the service reads every row of it', async () => {
    const connection = { baseUrl: service.url, token: ADMIN_TOKEN };
    const rows = Array.from({ length: 4_000 }, (_, index) => ({
      values: { caseNo: `（2026）豫0102执${700_000 + index}号`, applicant: `申请人${index}`, remarks: '备注'.repeat(100) },
    }));
    assert.ok(JSON.stringify(rows).length > 1_000_000, 'long enough to go compressed');
    const answer = await syncRows(connection, 'cases', rows);
    assert.equal(answer.rows.length, rows.length);
    assert.ok(answer.rows.every((row) => row.rev === 1 && row.rowId));
  });

  it('refuses a compressed body whose text exceeds the service’s limit, saying so in Chinese', async () => {
    const connection = { baseUrl: service.url, token: ADMIN_TOKEN };
    const body = JSON.stringify({ rows: [], padding: 'x'.repeat(33 * 1024 * 1024) });
    const refused = await callService(connection, '/api/ledgers/cases/sync', { method: 'POST', body }).catch((error: unknown) => error);
    assert.ok(refused instanceof ServiceError);
    assert.equal(refused.status, 413);
    assert.match(refused.message, /请求体超过上限/);
  });

  it('downloads a file under the name the service gives it', async () => {
    const [ledger] = await fetchLedgers({ baseUrl: service.url, token: ADMIN_TOKEN });
    const file = await templateFile({ baseUrl: service.url, token: ADMIN_TOKEN }, ledger);
    assert.equal(file.name, `${ledger.name}（空白模板）.xlsx`);
    assert.equal(
      Buffer.from(await file.blob.arrayBuffer())
        .subarray(0, 2)
        .toString(),
      'PK',
    );
  });
});
