// The host-independent steps of 同步本表 against the real service: rows the service answered ok are
// named unchanged the next time, and one another user changed meanwhile is sent again whole and
// comes back as the conflict it is (issue 15, the unchanged re-sync).

import assert from 'node:assert/strict';
import type { CellInput, LedgerDefinition } from '../../client/contract.ts';
import { templateLayout } from '../../addin/sheet/layout.ts';
import type { SyncPlan } from '../../addin/sheet/rows.ts';
import { SyncMemory } from '../../addin/sheet/sync-memory.ts';
import { remember, sendRows } from '../../addin/sync-steps.ts';
import { ADMIN_TOKEN, caseNo, caseRow, Sandbox, type TestService } from '../helpers/service.ts';

describe('add-in sync steps: rows named unchanged', () => {
  const sandbox = new Sandbox();
  let service: TestService;
  let ledger: LedgerDefinition;

  beforeEach(async () => {
    service = await sandbox.start();
    ledger = ((await service.admin.get('/api/ledgers')).body as LedgerDefinition[]).find((candidate) => candidate.id === 'cases')!;
  });
  afterEach(() => sandbox.cleanUp());

  it('names rows answered ok, resends one changed by another user, and remembers only rows answered ok', async () => {
    const connection = { baseUrl: service.url, token: ADMIN_TOKEN };
    const layout = templateLayout(ledger);
    const values = [1, 2].map((serial) => caseRow({ caseNo: caseNo(serial), handler: '原承办人' }).values as Record<string, CellInput>);
    const plan = (rows: SyncPlan['entries']): SyncPlan => ({ entries: rows, blank: [] });
    const first = plan(values.map((row, position) => ({ position, request: { values: row }, fingerprint: `f${position}` })));
    const memory = new SyncMemory();
    const sync = async (sent: SyncPlan) => {
      const results = await sendRows(connection, ledger, sent, () => {});
      remember(memory, { key: 'T', origin: { bodyRow: 1, bodyColumn: 0 }, layout, full: true, rows: [], plan: sent, results, marks: {} });
      return results;
    };
    const answered = await sync(first);
    assert.deepEqual(
      answered.map((row) => row.state),
      ['ok', 'ok'],
    );
    assert.deepEqual(
      [...(memory.answeredOk.get('T') ?? [])],
      [
        [answered[0].rowId, 'f0'],
        [answered[1].rowId, 'f1'],
      ],
    );

    const other = await service.admin.sync([
      { rowId: answered[0].rowId, rev: answered[0].rev, values: { ...values[0], handler: '另一位' } },
    ]);
    assert.equal(other.status, 200);

    const named = plan(
      first.entries.map((entry, index) => {
        const identity = { rowId: answered[index].rowId, rev: answered[index].rev };
        return { ...entry, request: { ...identity, values: entry.request.values }, unchanged: identity };
      }),
    );
    const again = await sync(named);
    assert.equal(again[0].state, 'conflict', 'sent again whole, over the revision the sheet holds');
    assert.equal(again[0].values?.handler, '另一位');
    assert.deepEqual(again[1], answered[1]);
    assert.deepEqual([...(memory.answeredOk.get('T') ?? [])], [[answered[1].rowId, 'f1']], 'a conflict is sent whole next time');
  });

  it('sends a large table in parts as one sync, and hands on each part’s answer as it comes', async () => {
    const connection = { baseUrl: service.url, token: ADMIN_TOKEN };
    const rows = Array.from({ length: 6_000 }, (_, index) => caseRow({ caseNo: caseNo(index === 5_000 ? 11 : index + 1) }).values);
    const entries = rows.map((row, position) => ({
      position,
      request: { values: row as Record<string, CellInput> },
      fingerprint: `f${position}`,
    }));
    const sent: SyncPlan = { entries, blank: [] };
    const parts: number[] = [];
    const results = await sendRows(
      connection,
      ledger,
      sent,
      () => {},
      (answered) => parts.push(answered.length),
    );
    // The service judges the parts in order; a short answer may be read before a longer one before it.
    assert.deepEqual(
      parts.sort((a, b) => a - b),
      [500, 500, 2_500, 2_500],
    );
    assert.equal(results.length, 6_000);
    assert.ok(
      results[5_000].errors.some((problem) => problem.message.includes('与本次提交的第 11 行重复')),
      JSON.stringify(results[5_000].errors),
    );
    assert.equal(new Set(results.map((row) => row.rowId)).size, 6_000, 'the later duplicate did not take the first row’s identity');
    assert.ok(results.slice(0, 5_000).every((row) => row.state === 'ok'));
  });
});
