// What an answer carries (detail=status | nodes), one row with its nodes (GET /api/ledgers/:id/rows/:rowId),
// and the evaluations the service keeps between requests: a change of rules, of the calendar or of
// the day gives fresh answers, an unchanged re-sync the same answer (issue 15 items 1 and 2).

import assert from 'node:assert/strict';
import {
  assertError,
  caseNo,
  caseRow,
  CHINESE,
  onlyRow,
  rowsOf,
  Sandbox,
  type RowWithNodes,
  type TestService,
} from '../helpers/service.ts';

describe('detail levels, the single row, and kept evaluations', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  describe('detail=status', () => {
    it('answers a sync with each row’s status columns and problems, without its nodes', async () => {
      const full = onlyRow(await service.admin.sync([caseRow({ caseNo: caseNo(1) })]));
      const reply = await service.admin.post('/api/ledgers/cases/sync?asOf=2026-10-05&detail=status', {
        rows: [caseRow({ caseNo: caseNo(2), closedOn: '2026-10-01' })],
      });
      const [row] = rowsOf(reply);
      assert.equal('nodes' in row, false);
      assert.equal(row.state, 'invalid');
      assert.match(String(row.status.remarks), /结案方式不能为空/);
      assert.equal(row.status.nextNode, full.status.nextNode);
      assert.ok(full.nodes.length > 0, 'the default answer keeps SPEC §7’s nodes');
    });

    it('lists the rows with the same status as the full answer, in a smaller answer', async () => {
      await service.admin.sync(Array.from({ length: 20 }, (_, index) => caseRow({ caseNo: caseNo(index + 1) })));
      const full = await service.admin.rows();
      const brief = await service.admin.rows({ detail: 'status' });
      const strip = (rows: RowWithNodes[]) => rows.map(({ nodes: _nodes, ...rest }) => rest);
      assert.deepEqual(rowsOf(brief), strip(rowsOf(full)));
      assert.ok(brief.text.length < full.text.length / 2, `${brief.text.length} bytes against ${full.text.length}`);
    });

    it('refuses a detail it does not know, in Chinese', async () => {
      assertError(await service.admin.rows({ detail: 'all' }), 400, 'bad_detail');
      const reply = await service.admin.post('/api/ledgers/cases/sync?detail=full', { rows: [caseRow()] });
      assertError(reply, 400, 'bad_detail');
      assert.match(reply.body.error.message, /status 或 nodes/);
    });
  });

  describe('GET /api/ledgers/:id/rows/:rowId', () => {
    it('answers the one row with its nodes (basis, counting steps) and stored values', async () => {
      const [, second] = rowsOf(await service.admin.sync([caseRow({ caseNo: caseNo(1) }), caseRow({ caseNo: caseNo(2) })]));
      const [row] = rowsOf(await service.admin.get(`/api/ledgers/cases/rows/${second.rowId}?asOf=2026-10-05`));
      assert.equal(row.rowId, second.rowId);
      assert.equal(row.values?.caseNo, caseNo(2));
      assert.deepEqual(row.status, second.status);
      assert.deepEqual(
        row.nodes.map((node) => node.id),
        ['reception', 'notice', 'transfer', 'triage', 'close'],
      );
      for (const node of row.nodes) assert.match(node.basis + node.steps, CHINESE);
    });

    it('answers 404 in Chinese for a row that is not there or was deleted', async () => {
      const [kept, gone] = rowsOf(await service.admin.sync([caseRow({ caseNo: caseNo(1) }), caseRow({ caseNo: caseNo(2) })]));
      await service.admin.sync([{ rowId: kept.rowId, values: caseRow({ caseNo: caseNo(1) }).values }], {
        mode: 'snapshot',
        confirmDeletes: true,
      });
      for (const rowId of [gone.rowId, 'not-a-row', '5b0f1a52-4a1e-4c55-9f0e-3a1d2b3c4d5e']) {
        const reply = await service.admin.get(`/api/ledgers/cases/rows/${rowId}`);
        assertError(reply, 404, 'row_not_found');
        assert.match(reply.body.error.message, /执行案件流转台账中没有这一行/);
      }
    });
  });

  describe('kept evaluations', () => {
    const status = async (asOf?: string) => {
      const [row] = rowsOf(await service.admin.rows(asOf === undefined ? {} : { asOf }));
      return row.status;
    };

    it('answers an unchanged re-sync as the first sync did', async () => {
      const rows = Array.from({ length: 5 }, (_, index) => caseRow({ caseNo: caseNo(index + 1), respondent: '同一被执行人' }));
      const first = rowsOf(await service.admin.sync(rows));
      const again = rowsOf(await service.admin.sync(rows));
      assert.deepEqual(again, first);
      assert.deepEqual(rowsOf(await service.admin.rows()), rowsOf(await service.admin.rows()));
    });

    it('counts again with the rules an admin saves', async () => {
      await service.admin.sync([caseRow()]);
      assert.equal((await status()).nextDue, '2026-09-24');
      const rules = (await service.admin.get('/api/rules')).body;
      rules.ledgers.cases.nodes.reception = { period: { kind: 'days', n: 2 }, roll: false };
      assert.equal((await service.admin.put('/api/rules', rules)).status, 200);
      assert.equal((await status()).nextDue, '2026-09-26');
    });

    it('counts again with the holidays an admin enters', async () => {
      await service.admin.sync([caseRow()]);
      // 6 months from filing: Wednesday 2027-03-24, counted on weekends alone while 2027 has no data.
      assert.equal((await status()).statutoryDue, '2027-03-24');
      const calendar = { years: { 2027: { holidays: { '2027-03-24': '测试假日' }, workdays: {} } } };
      assert.equal((await service.admin.put('/api/calendar', calendar)).status, 200);
      assert.equal((await status()).statutoryDue, '2027-03-25');
    });

    it('counts the days left again on a new day', async () => {
      let now = new Date('2026-10-05T02:00:00Z');
      service = await sandbox.start({ clock: () => now });
      await service.admin.sync([caseRow({ receptionOn: '2026-09-24', noticeIssuedOn: '2026-09-25' })]);
      const today = await status('');
      now = new Date('2026-10-06T02:00:00Z');
      const tomorrow = await status('');
      assert.equal(tomorrow.nextNode, today.nextNode);
      assert.equal(Number(tomorrow.daysLeft), Number(today.daysLeft) - 1);
      assert.deepEqual(await status('2026-10-05'), today);
    });

    it('answers a payment again once its case is entered in the cases ledger', async () => {
      const payment = { caseNo: caseNo(77), receiptNo: 'LS77-1', receivedOn: '2026-10-01', amount: '1万' };
      await service.admin.post('/api/ledgers/payments/sync?asOf=2026-10-05', { rows: [{ values: payment }] });
      const remarks = async () => String(rowsOf(await service.admin.get('/api/ledgers/payments/rows?asOf=2026-10-05'))[0].status.remarks);
      assert.match(await remarks(), /在执行案件流转台账中不存在/);
      await service.admin.sync([caseRow({ caseNo: caseNo(77) })]);
      assert.doesNotMatch(await remarks(), /在执行案件流转台账中不存在/);
    });
  });
});
