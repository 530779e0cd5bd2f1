// POST /api/ledgers/cases/sync and GET /api/ledgers/cases/rows through the running service (SPEC §5.1, §7).

import assert from 'node:assert/strict';
import {
  addUser,
  AS_OF,
  assertError,
  auditEntries,
  caseNo,
  caseRow,
  CHECKED_CASE,
  CHINESE,
  nodeOf,
  onlyRow,
  problemsOf,
  rowsOf,
  Sandbox,
  storedRows,
  type TestService,
} from '../helpers/service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('cases sync over HTTP', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  const liveRows = async () => rowsOf(await service.admin.rows());

  describe('a synced case row', () => {
    it('comes back with its team, deadlines, alert and remarks, as counted by hand', async () => {
      const row = onlyRow(await service.admin.sync([caseRow()]));

      assert.equal(row.status.team, '速执团队');
      assert.match(String(row.status.triageBasis), /^规则9「标的额5万元以下」：速执团队，分流之日起60日内结案/);
      assert.match(String(row.status.triageBasis), /2026-09-28 分流确定/);
      // 60 days from triage (2026-09-28) is Friday 2026-11-27, before the statutory 6 months.
      assert.equal(row.status.closeDue, '2026-11-27');
      // 6 months from filing: Wednesday 2027-03-24, a year the package has no holidays for.
      assert.equal(row.status.statutoryDue, '2027-03-24');
      assert.equal(row.status.nextNode, '初次接待');
      assert.equal(row.status.nextDue, '2026-09-24');
      assert.equal(row.status.daysLeft, -11);
      assert.equal(row.status.alert, '超期');
      // The statutory deadline is in 2027, a year without holiday data, but the row's current node is
      // 初次接待: the calendar gap is not this row's concern yet (issue 13).
      assert.doesNotMatch(String(row.status.remarks), /2027年无节假日数据/);
      assert.equal(row.state, 'ok');
    });

    it('lists every node with due date, state, days left, basis and counting steps', async () => {
      const row = onlyRow(await service.admin.sync([caseRow()]));

      assert.deepEqual(
        row.nodes.map((node) => node.id),
        ['reception', 'notice', 'transfer', 'triage', 'close'],
      );
      for (const node of row.nodes) {
        assert.deepEqual(Object.keys(node).sort(), ['basis', 'daysLeft', 'doneOn', 'dueOn', 'id', 'name', 'state', 'steps']);
        assert.match(node.basis, CHINESE);
      }
      assert.deepEqual(nodeOf(row, 'notice'), {
        id: 'notice',
        name: '执行通知',
        dueOn: '2026-10-08',
        doneOn: null,
        state: '临期',
        daysLeft: 3,
        basis: '民诉法解释 (2022) 第四百八十条：立案日期起10日内',
        steps: '立案日期 2026-09-24 起算 10 日，届满日 2026-10-04 为法定休假日（国庆节），顺延至 2026-10-08',
      });
      const reception = nodeOf(row, 'reception');
      assert.deepEqual(
        [reception.name, reception.dueOn, reception.doneOn, reception.state, reception.daysLeft, reception.steps],
        ['初次接待', '2026-09-24', null, '超期', -11, '立案日期 2026-09-24 当日'],
      );
      const summary = (id: string) => {
        const node = nodeOf(row, id);
        return [node.dueOn, node.doneOn, node.state, node.daysLeft];
      };
      assert.deepEqual(summary('transfer'), ['2026-10-08', '2026-09-28', '已完成', null]);
      assert.deepEqual(summary('triage'), ['2026-09-28', '2026-09-28', '已完成', null]);
      assert.deepEqual(summary('close'), ['2026-11-27', null, '正常', 53]);
      assert.equal(nodeOf(row, 'close').steps, '分流日期 2026-09-28 起算 60 日，届满日 2026-11-27');
    });

    it('gets a UUID row id and revision 1', async () => {
      const row = onlyRow(await service.admin.sync([caseRow()]));
      assert.match(row.rowId, UUID);
      assert.equal(row.rev, 1);
    });

    it('keeps its revision when synced again unchanged, and gets a new one when a value changes', async () => {
      const first = await service.admin.sync([caseRow()]);
      const { rowId } = onlyRow(first);

      const again = await service.admin.sync([caseRow({}, { rowId, rev: 1 })]);
      assert.deepEqual([onlyRow(again).rowId, onlyRow(again).rev], [rowId, 1]);
      assert.equal(again.body.revision, first.body.revision);

      const changed = onlyRow(await service.admin.sync([caseRow({ noticeOn: '2026-10-06' }, { rowId, rev: 1 })]));
      assert.deepEqual([changed.rowId, changed.rev], [rowId, 2]);
      assert.equal(nodeOf(changed, 'notice').state, '已完成');
      assert.equal((await liveRows()).length, 1);
    });

    it('is found by its case number when sent without a row id, however the brackets and digits are typed', async () => {
      const { rowId } = onlyRow(await service.admin.sync([caseRow()]));

      for (const typed of ['(2026)豫0102执1234号', '（２０２６）豫０１０２执１２３４号']) {
        const row = onlyRow(await service.admin.sync([caseRow({ caseNo: typed })]));
        assert.equal(row.rowId, rowId, typed);
      }
      assert.deepEqual(
        (await liveRows()).map((row) => row.rowId),
        [rowId],
      );
    });

    it('keeps the values a partial row leaves out', async () => {
      const { rowId } = onlyRow(await service.admin.sync([caseRow()]));

      const row = onlyRow(await service.admin.sync([{ rowId, rev: 1, values: { noticeOn: '2026-10-06' } }]));
      assert.equal(row.state, 'ok');
      assert.equal(row.status.team, '速执团队');
      assert.equal(row.status.closeDue, '2026-11-27');
      assert.equal(nodeOf(row, 'notice').doneOn, '2026-10-06');
      const [stored] = await storedRows(service);
      assert.deepEqual(stored.values, { ...CHECKED_CASE, noticeOn: '2026-10-06' });
    });
  });

  describe('rows with problems', () => {
    it('stores a row with errors as invalid and lists it in GET rows, naming the column and value', async () => {
      const row = onlyRow(await service.admin.sync([caseRow({ filedOn: '2026-02-30', respondent: '' })]));
      assert.equal(row.state, 'invalid');
      const [filedOn] = problemsOf(row, 'filedOn', 'error');
      assert.match(filedOn.message, /立案日期「2026-02-30」/);
      const [respondent] = problemsOf(row, 'respondent', 'error');
      assert.match(respondent.message, /被执行人/);
      assert.match(String(row.status.remarks), /2026-02-30/);

      const [listed] = await liveRows();
      assert.deepEqual([listed.rowId, listed.state], [row.rowId, 'invalid']);
    });

    it('stores a row whose filing date is far in the future instead of failing the request', async () => {
      const reply = await service.admin.sync([caseRow({ caseNo: caseNo(1) }), caseRow({ caseNo: caseNo(2), filedOn: '9999-12-31' })]);
      assert.equal(rowsOf(reply).length, 2);
      assert.equal((await liveRows()).length, 2);
    });

    it('marks a repeated case number as an error on the later row, stores both, and does not add more on a resend', async () => {
      const request = [caseRow({ caseNo: caseNo(7), respondent: '甲' }), caseRow({ caseNo: '(2026)豫0102执7号', respondent: '乙' })];
      const [first, second] = rowsOf(await service.admin.sync(request));

      assert.deepEqual(problemsOf(first, 'caseNo', 'error'), []);
      const [duplicate] = problemsOf(second, 'caseNo', 'error');
      assert.ok(duplicate, JSON.stringify(second.errors));
      assert.match(duplicate.message, /案号「\(2026\)豫0102执7号」/);
      assert.match(duplicate.message, /第 1 行/);
      assert.equal(second.state, 'invalid');
      assert.notEqual(first.rowId, second.rowId);
      assert.equal((await liveRows()).length, 2);

      const resent = rowsOf(await service.admin.sync(request));
      assert.deepEqual(
        resent.map((row) => row.rowId),
        [first.rowId, second.rowId],
      );
      assert.equal((await liveRows()).length, 2);
    });

    it('keeps a row on its own row id when an earlier row of the request has the same case number', async () => {
      const { rowId } = onlyRow(await service.admin.sync([caseRow({ respondent: '甲' })]));

      const [, own] = rowsOf(await service.admin.sync([caseRow({ respondent: '乙' }), caseRow({ respondent: '甲' }, { rowId, rev: 1 })]));
      assert.equal(own.rowId, rowId);
      const stored = (await storedRows(service)).find((row) => row.rowId === rowId);
      assert.equal(stored?.values.respondent, '甲');
    });

    it('ignores an unknown column with a warning naming it', async () => {
      const row = onlyRow(await service.admin.sync([caseRow({ judgeNote: '下周约谈' })]));
      const [unknown] = problemsOf(row, 'judgeNote', 'warning');
      assert.ok(unknown, JSON.stringify(row.errors));
      assert.match(unknown.message, /judgeNote/);
      assert.match(unknown.message, CHINESE);
      assert.equal(row.state, 'ok');
      const [stored] = await storedRows(service);
      assert.equal(Object.hasOwn(stored.values, 'judgeNote'), false);
    });
  });

  describe('revisions and conflicts', () => {
    /** A row stored at revision 2 with amount 6万. */
    async function rowAtRevision2(): Promise<string> {
      const { rowId } = onlyRow(await service.admin.sync([caseRow()]));
      const row = onlyRow(await service.admin.sync([caseRow({ amount: '6万' }, { rowId, rev: 1 })]));
      assert.equal(row.rev, 2);
      return rowId;
    }

    it('refuses a change sent with an older revision and returns the stored values', async () => {
      const rowId = await rowAtRevision2();
      const before = await storedRows(service);

      const row = onlyRow(await service.admin.sync([caseRow({ amount: '7万' }, { rowId, rev: 1 })]));
      assert.equal(row.state, 'conflict');
      assert.equal(row.rev, 2);
      assert.deepEqual(row.values, { ...CHECKED_CASE, amount: '6万' });

      assert.deepEqual(await storedRows(service), before);
      const [listed] = await liveRows();
      assert.equal(listed.rev, 2);
    });

    it('accepts an older revision whose values equal the stored ones', async () => {
      const rowId = await rowAtRevision2();
      const row = onlyRow(await service.admin.sync([caseRow({ amount: '6万' }, { rowId, rev: 1 })]));
      assert.equal(row.state, 'ok');
      assert.equal(row.rev, 2);
    });
  });

  describe('snapshot mode', () => {
    it('soft-deletes stored rows missing from the request, and a later sync of such a row restores it', async () => {
      const [one, two, three] = rowsOf(await service.admin.sync([1, 2, 3].map((serial) => caseRow({ caseNo: caseNo(serial) }))));

      const snapshot = [one, two].map((row, i) => caseRow({ caseNo: caseNo(i + 1) }, { rowId: row.rowId, rev: row.rev }));
      const kept = rowsOf(await service.admin.sync(snapshot, { mode: 'snapshot', confirmDeletes: true }));
      assert.deepEqual(
        kept.map((row) => row.rowId),
        [one.rowId, two.rowId],
      );
      assert.deepEqual(
        (await liveRows()).map((row) => row.rowId),
        [one.rowId, two.rowId],
      );
      const deleted = (await storedRows(service)).find((row) => row.rowId === three.rowId);
      assert.ok(deleted?.deleted, 'the row is kept in the file, marked deleted');
      const deletion = (await auditEntries(service)).find((entry) => entry.action === 'delete');
      assert.equal(deletion?.rowId, three.rowId);

      const restored = onlyRow(await service.admin.sync([caseRow({ caseNo: caseNo(3) })]));
      assert.equal(restored.rowId, three.rowId);
      assert.ok(restored.rev > 2, `rev ${restored.rev}`);
      assert.deepEqual((await liveRows()).map((row) => row.rowId).sort(), [one.rowId, two.rowId, three.rowId].sort());
    });
  });

  describe('终本 screening across the stored ledger', () => {
    const respondent = { respondent: '李四', respondentId: '11010519491231002X' };
    const terminated = (closedOn: string) =>
      caseRow({
        caseNo: caseNo(100, 2025),
        filedOn: '2025-12-01',
        ...respondent,
        closedOn,
        closureMode: '终结本次执行程序',
        triagedOn: '',
        transferredOn: '',
      });

    it('warns on a new case whose respondent had a case closed by 终本 a month before filing', async () => {
      rowsOf(await service.admin.sync([terminated('2026-08-24')]));
      const row = onlyRow(await service.admin.sync([caseRow(respondent)]));
      const warnings = problemsOf(row, 'respondentId', 'warning');
      assert.equal(warnings.length, 1, JSON.stringify(row.errors));
      assert.match(warnings[0].message, /（2025）豫0102执100号/);
      assert.match(warnings[0].message, /2026-08-24/);
    });

    it('does not warn when that case was closed 4 months before filing', async () => {
      rowsOf(await service.admin.sync([terminated('2026-05-24')]));
      const row = onlyRow(await service.admin.sync([caseRow(respondent)]));
      assert.doesNotMatch(JSON.stringify(row.errors), /执100号/);
    });
  });

  describe('the team of a triaged case', () => {
    it('follows the rules while the case is not yet triaged', async () => {
      const untriaged = { triagedOn: '', transferredOn: '' };
      const { rowId } = onlyRow(await service.admin.sync([caseRow(untriaged)]));
      const row = onlyRow(await service.admin.sync([caseRow({ ...untriaged, amount: '100万' }, { rowId, rev: 1 })]));
      assert.equal(row.status.team, '首执团队');
    });

    it('stays fixed after triage when later edits would make the rules pick another team, and remarks say which', async () => {
      const { rowId } = onlyRow(await service.admin.sync([caseRow()]));
      const row = onlyRow(await service.admin.sync([caseRow({ amount: '100万' }, { rowId, rev: 1 })]));
      assert.equal(row.rev, 2);
      assert.equal(row.status.team, '速执团队');
      assert.equal(row.status.closeDue, '2026-11-27');
      assert.match(String(row.status.remarks), /首执团队/);
    });
  });

  describe('GET rows', () => {
    it("returns a team's 分案清单: only that team's cases triaged since the date", async () => {
      const rows = rowsOf(
        await service.admin.sync([
          caseRow({ caseNo: caseNo(1) }),
          caseRow({ caseNo: caseNo(2), filedOn: '2026-08-10', transferredOn: '2026-08-20', triagedOn: '2026-08-20' }),
          caseRow({ caseNo: caseNo(3), amount: '100万' }),
          caseRow({ caseNo: caseNo(4), transferredOn: '', triagedOn: '' }),
        ]),
      );
      assert.deepEqual(
        rows.map((row) => row.status.team),
        ['速执团队', '速执团队', '首执团队', '速执团队'],
      );

      const listed = rowsOf(await service.admin.rows({ team: '速执团队', since: '2026-09-01' }));
      assert.deepEqual(
        listed.map((row) => row.rowId),
        [rows[0].rowId],
      );

      const assigned = rowsOf(await service.admin.rows({ team: '速执团队' }));
      assert.deepEqual(
        assigned.map((row) => row.rowId).sort(),
        [rows[0].rowId, rows[1].rowId].sort(),
        'an untriaged proposal is not on the list',
      );
    });

    it('puts a case on the list of the team 分流调整 chose, from its triage day on (since is inclusive)', async () => {
      const rows = rowsOf(
        await service.admin.sync([
          caseRow({ caseNo: caseNo(11), teamOverride: '特执团队', overrideReason: '涉众案件' }),
          caseRow({ caseNo: caseNo(12), filedOn: '2026-09-25', transferredOn: '2026-09-29', triagedOn: '2026-09-29' }),
        ]),
      );
      const special = rowsOf(await service.admin.rows({ team: '特执团队', since: '2026-09-28' }));
      assert.deepEqual(
        special.map((row) => row.rowId),
        [rows[0].rowId],
      );
      assert.equal(special[0].status.team, '特执团队');
      const fast = rowsOf(await service.admin.rows({ team: '速执团队', since: '2026-09-29' })).map((row) => row.rowId);
      assert.deepEqual(fast, [rows[1].rowId], "the case triaged on 09-28 is before since; the overridden one is not 速执团队's");
      const member = service.as(await addUser(service, '速执团队法官', ['team:速执团队']));
      assert.deepEqual(
        rowsOf(await member.rows({ team: '速执团队', since: '2026-09-29' })).map((row) => row.rowId),
        fast,
        'a team member reads its own list',
      );
    });

    it('refuses a bad asOf, since or team with a Chinese message naming it', async () => {
      const refusals: Array<[Record<string, string>, RegExp]> = [
        [{ asOf: '2026-13-01' }, /asOf.*2026-13-01/],
        [{ asOf: '20261005' }, /asOf/],
        [{ since: '2026/09/01' }, /since.*2026\/09\/01/],
        [{ team: '快执团队' }, /快执团队/],
      ];
      for (const [query, named] of refusals) {
        const message = assertError(await service.admin.rows(query), 400);
        assert.match(message, named);
      }
    });

    it('tells the clients which teams a ledger assigns and what its 分案清单 shows; a ledger without teams has no list', async () => {
      const ledgers = (await service.admin.get('/api/ledgers')).body as Array<{
        id: string;
        assignment?: { teams: string[]; listColumns: string[] };
      }>;
      const cases = ledgers.find((ledger) => ledger.id === 'cases');
      assert.deepEqual(cases?.assignment?.teams, ['速执团队', '特执团队', '首执团队', '执恢团队']);
      assert.deepEqual(cases?.assignment?.listColumns.slice(0, 5), ['caseNo', 'applicant', 'respondent', 'filedOn', 'triagedOn']);
      assert.deepEqual(
        ledgers.filter((ledger) => ledger.assignment).map((ledger) => ledger.id),
        ['cases'],
      );
      const message = assertError(
        await service.admin.get(`/api/ledgers/fines/rows?team=${encodeURIComponent('速执团队')}&asOf=${AS_OF}`),
        400,
      );
      assert.match(message, /罚款台账不分团队/);
      assert.equal((await service.admin.get(`/api/ledgers/fines/rows?asOf=${AS_OF}`)).status, 200, 'every row of it can still be read');
    });

    it('refuses a sync with a bad asOf and stores nothing', async () => {
      const message = assertError(await service.admin.sync([caseRow()], { asOf: '2026-02-30' }), 400);
      assert.match(message, /2026-02-30/);
      assert.deepEqual(await storedRows(service), []);
    });

    it('answers 404 for a ledger that does not exist', async () => {
      assertError(await service.admin.get('/api/ledgers/nope/rows'), 404);
      assertError(await service.admin.post('/api/ledgers/nope/sync', { rows: [caseRow()] }), 404);
    });
  });
});

describe('rows with no column of the ledger', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  it('stores and audits nothing for them, says so per row, and names only a few unknown columns', async () => {
    const unknownOnly = Array.from({ length: 2_000 }, (_, row) => ({
      values: Object.fromEntries(Array.from({ length: 150 }, (_, column) => [`自定义列${column}`, `第${row}行`])),
    }));
    const reply = await service.admin.sync([caseRow(), ...unknownOnly]);
    const rows = rowsOf(reply);
    assert.equal(rows.length, 2_001);
    assert.equal(rows[0].state, 'ok');
    for (const row of rows.slice(1)) {
      assert.equal(row.state, 'invalid');
      assert.ok(row.errors.some((problem) => problem.message === '本行没有可识别的列，未保存'));
    }
    const unknownWarnings = rows.flatMap((row) => row.errors).filter((problem) => /未知列/.test(problem.message));
    assert.equal(unknownWarnings.length, 6, '五个列名和一句「还有其他未知列」');
    assert.ok(reply.text.length < 10_000_000, `answer of ${reply.text.length} characters`);
    const stored = await storedRows(service);
    assert.deepEqual(
      stored.map((row) => row.rowId),
      [rows[0].rowId],
    );
    const audited = (await auditEntries(service)).filter((entry) => entry.ledger === 'cases');
    assert.deepEqual([...new Set(audited.map((entry) => entry.rowId))], [rows[0].rowId]);
  });
});
