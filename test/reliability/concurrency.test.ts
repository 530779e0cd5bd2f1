import assert from 'node:assert/strict';
import { caseNo, caseRow, rowsOf, Sandbox, storedRows, type TestService } from '../helpers/service.ts';

const CLIENTS = 20;
const SHARED_ROWS = 30;
const ROUNDS = 5;

describe('concurrency: 20 clients syncing overlapping rows at once', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  before(async () => {
    service = await sandbox.start();
  });
  after(() => sandbox.cleanUp());

  it('loses no acknowledged update: each row stores its last acknowledged write, every other write was a conflict', async () => {
    const created = rowsOf(
      await service.admin.sync(Array.from({ length: SHARED_ROWS }, (_, index) => caseRow({ caseNo: caseNo(index + 1) }))),
    );
    const acknowledged = new Map<string, Array<{ rev: number; handler: string }>>();
    let conflicts = 0;

    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const seen = new Map(created.map((row) => [row.rowId, row.rev]));
        for (let round = 0; round < ROUNDS; round += 1) {
          const handler = `客户端${client}-第${round}轮`;
          const targets = created.map((row, index) => ({ row, index })).filter(({ index }) => (index + client + round) % 3 === 0);
          const writes = targets.map(({ row, index }) =>
            caseRow({ caseNo: caseNo(index + 1), handler }, { rowId: row.rowId, rev: seen.get(row.rowId) }),
          );
          const results = rowsOf(await service.admin.sync(writes));
          results.forEach((result, index) => {
            seen.set(result.rowId, result.rev);
            if (result.state === 'conflict') {
              conflicts += 1;
              return;
            }
            const list = acknowledged.get(result.rowId) ?? [];
            list.push({ rev: result.rev, handler: String(writes[index].values.handler) });
            acknowledged.set(result.rowId, list);
          });
        }
      }),
    );

    const stored = new Map((await storedRows(service)).map((row) => [row.rowId, row]));
    assert.equal(stored.size, SHARED_ROWS, 'no duplicate rows');
    assert.ok(conflicts > 0, 'overlapping writes from stale revisions were reported as conflicts');
    for (const [rowId, writes] of acknowledged) {
      const revs = writes.map((write) => write.rev);
      assert.equal(new Set(revs).size, revs.length, `two acknowledged writes of ${rowId} share a revision: one was lost`);
      const last = writes.reduce((a, b) => (b.rev > a.rev ? b : a));
      assert.equal(stored.get(rowId)!.rev, last.rev);
      assert.equal(stored.get(rowId)!.values.handler, last.handler, `${rowId} holds the last acknowledged write`);
    }
  });

  it('creates one row per case number when 20 clients send the same new cases at once', async () => {
    const fresh = Array.from({ length: 10 }, (_, index) => caseRow({ caseNo: caseNo(5000 + index) }));
    const replies = await Promise.all(Array.from({ length: CLIENTS }, () => service.admin.sync(fresh)));
    const ids = new Set(replies.flatMap((reply) => rowsOf(reply).map((row) => row.rowId)));
    assert.equal(ids.size, fresh.length, 'every client got the same row ids');
    const listed = rowsOf(await service.admin.rows()).filter((row) => ids.has(row.rowId));
    assert.equal(listed.length, fresh.length);
  });
});
