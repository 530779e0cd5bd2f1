// Rows named unchanged (`{ rowId, rev }` without values): what the pane's 同步本表 sends for rows the
// service answered ok and the clerk has not touched since (issue 15, the unchanged re-sync).

import assert from 'node:assert/strict';
import { assertError, auditEntries, caseNo, caseRow, rowsOf, Sandbox, type TestService } from '../helpers/service.ts';

const STATUS = '/api/ledgers/cases/sync?asOf=2026-10-05&detail=status';

describe('rows named unchanged by 行ID and version', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  /** Three cases synced whole, then once more whole so their answers come from the kept evaluations. */
  async function threeCases() {
    const rows = [1, 2, 3].map((serial) => caseRow({ caseNo: caseNo(serial), handler: `承办人${serial}` }));
    const first = rowsOf(await service.admin.post(STATUS, { rows }));
    const again = await service.admin.post(STATUS, {
      rows: rows.map((row, index) => ({ ...row, rowId: first[index].rowId, rev: first[index].rev })),
    });
    return { rows, answered: rowsOf(again), revision: again.body.revision as number };
  }

  it('answers them as if sent whole, and stores and audits nothing', async () => {
    const { answered, revision } = await threeCases();
    const audited = (await auditEntries(service)).length;
    for (let round = 0; round < 2; round++) {
      const named = await service.admin.post(STATUS, { rows: answered.map(({ rowId, rev }) => ({ rowId, rev })) });
      assert.equal(named.status, 200);
      assert.deepEqual(rowsOf(named), answered, 'the same rowId, rev, state, errors and status columns');
      assert.equal(named.body.revision, revision);
    }
    assert.equal((await auditEntries(service)).length, audited);
  });

  it('answers resend for a row changed, deleted or unknown since, and judges it as any row once sent whole', async () => {
    const { rows, answered } = await threeCases();
    const [first, second, third] = answered;
    await service.admin.post(STATUS, {
      rows: [{ ...rows[0], rowId: first.rowId, rev: first.rev, values: { ...rows[0].values, handler: '别人' } }],
    });
    const snapshot = await service.admin.post('/api/ledgers/cases/sync?asOf=2026-10-05', {
      mode: 'snapshot',
      confirmDeletes: true,
      rows: [0, 2].map((index) => ({ ...rows[index], rowId: answered[index].rowId, rev: answered[index].rev })),
    });
    assert.equal(snapshot.status, 200, 'the second case is deleted');
    const unknown = '0f0e0d0c-0b0a-4908-8706-050403020100';
    const named = rowsOf(
      await service.admin.post(STATUS, {
        rows: [...answered.map(({ rowId, rev }) => ({ rowId, rev })), { rowId: unknown, rev: 1 }],
      }),
    );
    assert.deepEqual(
      named.map((row) => [row.rowId, row.state]),
      [
        [first.rowId, 'resend'],
        [second.rowId, 'resend'],
        [third.rowId, 'ok'],
        [unknown, 'resend'],
      ],
    );
    assert.deepEqual(named[2], third);
    // Sent again whole, as the pane does: the row another user changed is a conflict, as it would have been.
    const resent = rowsOf(await service.admin.post(STATUS, { rows: [{ ...rows[0], rowId: first.rowId, rev: first.rev }] }));
    assert.equal(resent[0].state, 'conflict');
    assert.equal(resent[0].values?.handler, '别人');
  });

  it('names a later row of the same case a duplicate even when the first was named unchanged', async () => {
    const { rows, answered } = await threeCases();
    const reply = await service.admin.post(STATUS, { rows: [{ rowId: answered[0].rowId, rev: answered[0].rev }, rows[0]] });
    const [named, copy] = rowsOf(reply);
    assert.equal(named.state, 'ok');
    assert.equal(copy.state, 'invalid');
    assert.match(String(copy.status.remarks), /与本次提交的第 1 行重复/);
  });

  it('refuses a row without values that does not name both its 行ID and version', async () => {
    const { answered } = await threeCases();
    const reply = await service.admin.post(STATUS, { rows: [{ rowId: answered[0].rowId }] });
    assert.match(assertError(reply, 400, 'bad_request'), /第 1 行缺少 values 对象（只有写明行ID和版本、未改动的行可以不带）/);
  });
});
