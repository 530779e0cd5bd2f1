// Writes by row (issue 11, part 5): a team writes only its own cases, whole-sheet deletes belong to
// the ledger's owning unit and the admin and need a confirmation when they are many, and deleted
// rows are listed and restored, audited.

import assert from 'node:assert/strict';
import { findLedger } from '../../service/domain/ledgers/index.ts';
import { sampleRow } from '../helpers/sample-rows.ts';
import {
  addUser,
  assertError,
  auditEntries,
  caseNo,
  caseRow,
  manyCases,
  onlyRow,
  problemsOf,
  rowsOf,
  Sandbox,
  storedRows,
  type Client,
  type TestService,
} from '../helpers/service.ts';

/** A 特执团队 case (rule 1: the respondent is a party or government organ), triaged on 2026-09-28. */
const SPECIAL_CASE = caseRow({ caseNo: caseNo(2), respondent: '某区人民政府', respondentType: '党政机关' });

describe('writes by row', () => {
  const sandbox = new Sandbox();
  let service: TestService;
  let files: Client;
  let affairs: Client;
  let fast: Client;
  let viewer: Client;

  beforeEach(async () => {
    service = await sandbox.start();
    files = service.as(await addUser(service, '卷宗管理中心', ['files']));
    affairs = service.as(await addUser(service, '事务中心', ['affairs']));
    fast = service.as(await addUser(service, '速执团队', ['team:速执团队']));
    viewer = service.as(await addUser(service, '查询员', ['viewer']));
  });
  afterEach(() => sandbox.cleanUp());

  const live = async () => (await storedRows(service)).filter((row) => !row.deleted);
  const storedCase = async (serial: number) => (await storedRows(service)).find((row) => row.values.caseNo === caseNo(serial));

  describe('a team', () => {
    it("may not close or reassign another team's case; the row says why and the rest of the request is applied", async () => {
      const [own, special] = rowsOf(await files.sync([caseRow(), SPECIAL_CASE]));
      assert.equal(own.status.team, '速执团队');
      assert.equal(special.status.team, '特执团队');
      const before = await storedCase(2);

      const [closed, handled] = rowsOf(
        await fast.sync([
          caseRow({ ...SPECIAL_CASE.values, closedOn: '2026-10-01', closureMode: '执行完毕' }),
          caseRow({ handler: '李法官' }),
        ]),
      );
      assert.equal(closed.state, 'invalid');
      assert.match(problemsOf(closed, 'team', 'error')[0].message, /本案由特执团队承办，速执团队不能修改；本行未保存/);
      assert.equal(handled.state, 'ok');
      assert.equal((await storedCase(1234))?.values.handler, '李法官');

      const reassigned = onlyRow(await fast.sync([caseRow({ ...SPECIAL_CASE.values, teamOverride: '速执团队', overrideReason: '简单' })]));
      assert.equal(reassigned.state, 'invalid');
      assert.match(problemsOf(reassigned, 'teamOverride', 'error')[0].message, /「分流调整」由卷宗管理中心填写/);
      assert.deepEqual(await storedCase(2), before, 'the 特执团队 case is as the file center left it');
    });

    it('may not set 分流调整 on its own case, nor take a case out of triage', async () => {
      rowsOf(await files.sync([caseRow()]));
      const moved = onlyRow(await fast.sync([caseRow({ teamOverride: '首执团队', overrideReason: '复杂' })]));
      assert.match(problemsOf(moved, 'teamOverride', 'error')[0].message, /分流调整/);
      const untriaged = onlyRow(await fast.sync([caseRow({ triagedOn: '' })]));
      assert.match(problemsOf(untriaged, 'team', 'error')[0].message, /尚未分流，由卷宗管理中心分流/);
      assert.equal((await storedCase(1234))?.rev, 1);
    });

    it('may neither edit nor register a case not yet triaged', async () => {
      rowsOf(await affairs.sync([caseRow({ triagedOn: '', transferredOn: '' })]));
      const edited = onlyRow(await fast.sync([caseRow({ triagedOn: '', transferredOn: '', handler: '李法官' })]));
      assert.equal(edited.state, 'invalid');
      assert.match(edited.errors.map((problem) => problem.message).join(), /尚未分流/);
      const registered = onlyRow(await fast.sync([caseRow({ caseNo: caseNo(3), triagedOn: '' })]));
      assert.equal(registered.state, 'invalid');
      assert.equal(registered.rev, 0);
      assert.equal((await storedRows(service)).length, 1);
      assert.equal((await storedCase(1234))?.values.handler, undefined);
    });

    it('may register a case that the rules triage to it, not one they give another team', async () => {
      assert.equal(onlyRow(await fast.sync([caseRow()])).state, 'ok');
      const other = onlyRow(await fast.sync([SPECIAL_CASE]));
      assert.match(problemsOf(other, 'team', 'error')[0].message, /本案由特执团队承办，速执团队不能登记/);
      assert.deepEqual(
        (await storedRows(service)).map((row) => row.values.caseNo),
        [caseNo(1234)],
      );
    });

    it('writes a case the file center has reassigned to it', async () => {
      rowsOf(await files.sync([SPECIAL_CASE]));
      const reassigned = onlyRow(
        await files.sync([caseRow({ ...SPECIAL_CASE.values, teamOverride: '速执团队', overrideReason: '交速执办理' })]),
      );
      assert.equal(reassigned.state, 'ok');
      assert.equal(reassigned.status.team, '速执团队');
      const closed = onlyRow(
        await fast.sync([
          caseRow({
            ...SPECIAL_CASE.values,
            teamOverride: '速执团队',
            overrideReason: '交速执办理',
            closedOn: '2026-10-02',
            closureMode: '执行完毕',
          }),
        ]),
      );
      assert.equal(closed.state, 'ok', JSON.stringify(closed.errors));
      assert.equal((await storedCase(2))?.values.closedOn, '2026-10-02');
    });
  });

  describe('snapshot deletes', () => {
    it('are refused to a team and to a unit that does not own the ledger, deleting nothing', async () => {
      rowsOf(await files.sync([caseRow(), ...manyCases(6, 10)]));
      for (const [client, who] of [
        [fast, '速执团队'],
        [affairs, '事务中心'],
      ] as const) {
        const message = assertError(await client.sync([caseRow()], { mode: 'snapshot', confirmDeletes: true }), 403, 'forbidden');
        assert.match(message, /整表同步/);
        assert.match(message, /管理员和卷宗管理中心/);
        assert.match(message, new RegExp(who));
      }
      assert.equal((await live()).length, 7);
    });

    it('that would empty a ledger need a confirmation naming how many rows go; with it they go', async () => {
      const general = service.as(await addUser(service, '综合事务中心', ['general']));
      const fines = findLedger('fines');
      assert.ok(fines);
      const url = '/api/ledgers/fines/sync?asOf=2026-10-05';
      rowsOf(await general.post(url, { rows: [1, 2, 3].map((serial) => ({ values: sampleRow(fines, serial) })) }));

      const message = assertError(await general.post(url, { mode: 'snapshot', rows: [] }), 409, 'confirm_deletes');
      assert.match(message, /罚款台账中的 3 行/);
      assert.match(message, /未作任何修改/);
      assert.equal([...service.store.rows('fines').values()].filter((row) => !row.deleted).length, 3);
      assert.equal((await auditEntries(service)).filter((entry) => entry.action === 'delete').length, 0);

      assertError(await general.post(url, { mode: 'snapshot', rows: [], confirmDeletes: 'yes' }), 400);
      assert.equal((await general.post(url, { mode: 'snapshot', rows: [], confirmDeletes: true })).status, 200);
      assert.equal([...service.store.rows('fines').values()].filter((row) => !row.deleted).length, 0);
    });

    it('of up to 20 rows and a tenth of the ledger need no confirmation, more do', async () => {
      const rows = rowsOf(await files.sync(manyCases(40)));
      const keep = (count: number) =>
        rows.slice(0, count).map((row, i) => caseRow({ caseNo: caseNo(i + 1), respondent: `被执行人${i + 1}` }, { rowId: row.rowId }));
      assert.equal((await files.sync(keep(36), { mode: 'snapshot' })).status, 200);
      assert.equal((await live()).length, 36);
      const message = assertError(await files.sync(keep(32), { mode: 'snapshot' }), 409, 'confirm_deletes');
      assert.match(message, /删除执行案件流转台账中的 4 行（现有 36 行）/);
      assert.equal((await live()).length, 36);
    });
  });

  describe('deleted rows', () => {
    async function deleteTwo(): Promise<string[]> {
      const rows = rowsOf(await files.sync([caseRow(), ...manyCases(2, 10)]));
      rowsOf(await files.sync([caseRow()], { mode: 'snapshot', confirmDeletes: true }));
      return rows.slice(1).map((row) => row.rowId);
    }

    it('are listed to the owning unit and the admin, with who deleted them and when, and the listing is audited', async () => {
      const deleted = await deleteTwo();
      for (const client of [files, service.admin]) {
        const reply = await client.get('/api/ledgers/cases/deleted');
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body.rows.map((row: { rowId: string }) => row.rowId).sort(), [...deleted].sort());
        const [first] = reply.body.rows;
        assert.equal(first.deleted.by, '卷宗管理中心');
        assert.match(first.deleted.at, /^\d{4}-\d{2}-\d{2}T/);
        assert.equal(first.rev, 2);
        assert.match(first.values.respondent, /被执行人1[01]/);
      }
      const listings = (await auditEntries(service)).filter((entry) => entry.action === 'list-deleted');
      assert.deepEqual(
        listings.map((entry) => [entry.user, entry.ledger, entry.after]),
        [
          ['卷宗管理中心', 'cases', { count: 2 }],
          ['admin', 'cases', { count: 2 }],
        ],
      );
    });

    it('are restored, evaluated as a sync answers, and audited as a restore; a second restore is refused', async () => {
      const [rowId] = await deleteTwo();
      const reply = await files.post(`/api/ledgers/cases/rows/${rowId}/restore?asOf=2026-10-05`, {});
      const restored = onlyRow(reply);
      assert.equal(restored.rowId, rowId);
      assert.equal(restored.rev, 3);
      assert.equal(restored.status.team, '速执团队');
      assert.ok(restored.nodes.length > 0);
      assert.equal((await storedRows(service)).find((row) => row.rowId === rowId)?.deleted, undefined);
      assert.equal((await live()).length, 2);
      const audit = (await auditEntries(service)).filter((entry) => entry.action === 'restore');
      assert.deepEqual(
        audit.map((entry) => [entry.user, entry.rowId]),
        [['卷宗管理中心', rowId]],
      );

      assert.match(assertError(await files.post(`/api/ledgers/cases/rows/${rowId}/restore`, {}), 409, 'not_deleted'), /没有被删除/);
      const unknown = '00000000-0000-4000-8000-000000000000';
      assert.match(assertError(await files.post(`/api/ledgers/cases/rows/${unknown}/restore`, {}), 404), /没有这一行/);
      assertError(await files.post('/api/ledgers/cases/rows/not-a-row/restore', {}), 404);
    });

    it('refuses to restore a row whose case number another live row now has', async () => {
      // The same case entered twice is stored twice (the later row flagged); the earlier one is then deleted.
      const [earlier, later] = rowsOf(await files.sync([caseRow(), caseRow()]));
      rowsOf(await files.sync([caseRow({}, { rowId: later.rowId })], { mode: 'snapshot', confirmDeletes: true }));
      const message = assertError(await files.post(`/api/ledgers/cases/rows/${earlier.rowId}/restore`, {}), 409, 'key_in_use');
      assert.match(message, /案号「（2026）豫0102执1234号」与台账中现有的一行重复，不能恢复/);
      assert.ok((await storedRows(service)).find((row) => row.rowId === earlier.rowId)?.deleted);
    });

    it('are neither listed nor restored to a team, another unit or a viewer', async () => {
      const [rowId] = await deleteTwo();
      for (const client of [fast, affairs, viewer]) {
        assert.match(assertError(await client.get('/api/ledgers/cases/deleted'), 403, 'forbidden'), /管理员和卷宗管理中心/);
        assertError(await client.post(`/api/ledgers/cases/rows/${rowId}/restore`, {}), 403, 'forbidden');
      }
      assert.equal((await live()).length, 1);
    });
  });

  it('tells a signed-in user who they are and which ledgers they keep', async () => {
    const me = await files.get('/api/me');
    assert.equal(me.status, 200);
    assert.deepEqual(me.body, { name: '卷宗管理中心', roles: ['files'], roleNames: ['卷宗管理中心'], manages: ['cases', 'payments'] });
    const team = (await fast.get('/api/me')).body;
    assert.deepEqual(team.manages, []);
    assert.deepEqual(
      team.roleNames,
      team.roles.map((role: string) => role.replace(/^team:/, '')),
    );
  });
});
