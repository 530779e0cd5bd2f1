// A sync sent in parts (the pane sends a large table so): the service takes the parts of one sync in
// order, whatever order they arrive in, and judges them as one request.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SyncParts } from '../../service/sync-parts.ts';
import { RequestRefused } from '../../service/row-permissions.ts';
import { assertError, caseNo, caseRow, manyCases, rowsOf, Sandbox, storedRows, type TestService } from '../helpers/service.ts';

const STATUS = '/api/ledgers/cases/sync?asOf=2026-10-05&detail=status';

describe('a sync sent in parts', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  /** Six cases, the fifth with the second's case number: a duplicate across the parts [0–2] and [3–5]. */
  function sixRows() {
    const rows = manyCases(6);
    rows[4] = caseRow({ caseNo: caseNo(2), respondent: '另一被执行人' });
    return rows;
  }

  it('answers as one request would, the later part sent first', async () => {
    const rows = sixRows();
    const sync = randomUUID();
    const later = service.admin.post(STATUS, { rows: rows.slice(3), part: { sync, index: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [second, first] = await Promise.all([later, service.admin.post(STATUS, { rows: rows.slice(0, 3), part: { sync, index: 0 } })]);
    const inParts = [...rowsOf(first), ...rowsOf(second)];
    assert.ok(second.body.revision > first.body.revision, 'the first part was saved first');

    const whole = rowsOf(await (await sandbox.start()).admin.post(STATUS, { rows }));
    const judged = (answer: typeof whole) => answer.map((row) => ({ state: row.state, errors: row.errors, status: row.status }));
    assert.deepEqual(judged(inParts), judged(whole));
    const duplicate = inParts[4].errors.find((problem) => problem.message.includes('重复'));
    assert.ok(duplicate, JSON.stringify(inParts[4].errors));
    assert.match(duplicate.message, /与本次提交的第 2 行重复/);
    assert.equal(new Set(inParts.map((row) => row.rowId)).size, 6, 'the duplicate did not take the second row’s identity');
    assert.equal((await storedRows(service)).length, 6);
  });

  it('refuses the parts after a refused one, and keeps the parts before it', async () => {
    const sync = randomUUID();
    const saved = await service.admin.post(STATUS, { rows: manyCases(2), part: { sync, index: 0 } });
    assert.equal(saved.status, 200);
    const bad = caseRow({ caseNo: caseNo(3), respondent: '名'.repeat(2_001) });
    assertError(await service.admin.post(STATUS, { rows: [bad], part: { sync, index: 1 } }), 413, 'cell_too_long');
    const after = await service.admin.post(STATUS, { rows: manyCases(2, 10), part: { sync, index: 2 } });
    assert.match(assertError(after, 409, 'part_after_failure'), /第 3 批未保存.*第 2 批被拒绝.*请重新同步本表/);
    assert.deepEqual(
      (await storedRows(service)).map((row) => row.values.caseNo),
      [caseNo(1), caseNo(2)],
    );
  });

  it('refuses a part sent twice, and one without a valid sync number', async () => {
    const sync = randomUUID();
    assert.equal((await service.admin.post(STATUS, { rows: manyCases(1), part: { sync, index: 0 } })).status, 200);
    assertError(await service.admin.post(STATUS, { rows: manyCases(1), part: { sync, index: 0 } }), 409, 'part_repeated');
    assertError(await service.admin.post(STATUS, { rows: manyCases(1), part: { sync: 'x', index: 0 } }), 400, 'bad_request');
    assertError(await service.admin.post(STATUS, { rows: manyCases(1), part: { sync, index: -1 } }), 400, 'bad_request');
    assertError(
      await service.admin.post(STATUS, {
        rows: manyCases(1),
        mode: 'snapshot',
        confirmDeletes: true,
        part: { sync: randomUUID(), index: 0 },
      }),
      400,
      'bad_request',
    );
    assert.equal((await storedRows(service)).length, 1);
  });
});

describe('the order of a sync’s parts', () => {
  const work = (log: string[], name: string) => async () => {
    log.push(name);
    return name;
  };

  it('takes each part once the one before it is done', async () => {
    const parts = new SyncParts(5_000);
    const log: string[] = [];
    const sync = randomUUID();
    const third = parts.run('甲', 'cases', { sync, index: 2 }, 1, work(log, 'third'));
    const second = parts.run('甲', 'cases', { sync, index: 1 }, 1, work(log, 'second'));
    await parts.run('甲', 'cases', { sync, index: 0 }, 1, work(log, 'first'));
    assert.deepEqual(await Promise.all([second, third]), ['second', 'third']);
    assert.deepEqual(log, ['first', 'second', 'third']);
  });

  it('numbers each part’s rows after the rows of the parts before it', async () => {
    const parts = new SyncParts(5_000);
    const sync = randomUUID();
    const seen: number[] = [];
    for (const [index, rows] of [3, 4, 1].entries()) {
      await parts.run('甲', 'cases', { sync, index }, rows, async (soFar) => seen.push(soFar.rowsBefore));
    }
    assert.deepEqual(seen, [0, 3, 7]);
  });

  it('refuses a part whose earlier part does not come in time, and every part behind it', async () => {
    const parts = new SyncParts(100);
    const sync = randomUUID();
    const log: string[] = [];
    const refusals = await Promise.allSettled([
      parts.run('甲', 'cases', { sync, index: 1 }, 1, work(log, 'second')),
      parts.run('甲', 'cases', { sync, index: 2 }, 1, work(log, 'third')),
    ]);
    for (const refusal of refusals) {
      assert.equal(refusal.status, 'rejected');
      assert.ok(refusal.reason instanceof RequestRefused);
      assert.equal(refusal.reason.code, 'part_after_failure');
      assert.match(refusal.reason.message, /第 1 批未按时到达/);
    }
    assert.deepEqual(log, [], 'nothing was saved');
  });

  it('keeps one user’s sync apart from another’s with the same number', async () => {
    const parts = new SyncParts(100);
    const sync = randomUUID();
    await parts.run('甲', 'cases', { sync, index: 0 }, 1, async () => 'first');
    const other = parts.run('乙', 'cases', { sync, index: 1 }, 1, async () => 'other');
    await assert.rejects(other, (error: RequestRefused) => error.code === 'part_after_failure');
    assert.equal(await parts.run('甲', 'cases', { sync, index: 1 }, 1, async () => 'second'), 'second');
  });

  it('refuses the parts after one whose work failed', async () => {
    const parts = new SyncParts(5_000);
    const sync = randomUUID();
    const failing = parts.run('甲', 'cases', { sync, index: 0 }, 1, async () => {
      throw new Error('磁盘已满');
    });
    const after = parts.run('甲', 'cases', { sync, index: 1 }, 1, async () => 'after');
    await assert.rejects(failing, /磁盘已满/);
    await assert.rejects(after, (error: RequestRefused) => error.code === 'part_after_failure' && /第 1 批未能保存/.test(error.message));
  });
});
