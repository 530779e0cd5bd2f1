// GET|PUT /api/rules and /api/calendar (SPEC §3, §5.1, §7): the bureau's defaults, validation,
// and a change that the next sync follows.

import assert from 'node:assert/strict';
import { assertError, auditEntries, caseRow, nodeOf, onlyRow, Sandbox, type TestService } from '../helpers/service.ts';

/** The GET /api/rules document, loosely typed: the tests change it as an admin would. */
type Rules = any;

const SPEC_TRIAGE_TABLE = [
  ['1', '特执团队', { from: 'triage', period: { kind: 'days', n: 90 }, roll: true }],
  ['2', '特执团队', { from: 'statutory' }],
  ['3', '速执团队', { from: 'triage', period: { kind: 'days', n: 7 }, roll: true }],
  ['4', '速执团队', { from: 'triage', period: { kind: 'days', n: 45 }, roll: true }],
  ['5', '速执团队', { from: 'triage', period: { kind: 'days', n: 60 }, roll: true }],
  ['6', '特执团队', { from: 'triage', period: { kind: 'days', n: 75 }, roll: true }],
  ['7', '速执团队', { from: 'triage', period: { kind: 'days', n: 60 }, roll: true }],
  ['8', '速执团队', { from: 'triage', period: { kind: 'days', n: 60 }, roll: true }],
  ['9', '速执团队', { from: 'triage', period: { kind: 'days', n: 60 }, roll: true }],
  ['10', '速执团队', { from: 'triage', period: { kind: 'days', n: 60 }, roll: true }],
];

/** Not yet triaged, 8万: no rule matches by default, so the 执 fallback 首执团队 is proposed. */
const EIGHTY_THOUSAND = caseRow({ amount: '8万', transferredOn: '', triagedOn: '' });

const OVERRIDE_2027 = { years: { '2027': { holidays: { '2027-01-01': '元旦', '2027-03-24': '测试假日' }, workdays: {} } } };

describe('rules and calendar settings', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  const getRules = async (): Promise<Rules> => (await service.admin.get('/api/rules')).body;
  const settingsAudit = async (ledger: string) => (await auditEntries(service)).filter((entry) => entry.ledger === ledger);

  describe('/api/rules', () => {
    it("returns the bureau's defaults: the triage table in order, 6 months statutory, the node periods", async () => {
      const { cases } = (await getRules()).ledgers;
      assert.deepEqual(
        cases.triage.rules.map((rule: Rules) => [rule.id, rule.team, rule.close]),
        SPEC_TRIAGE_TABLE,
      );
      assert.deepEqual(cases.triage.rules[8].when, { column: 'amount', atMost: 50_000 });
      assert.deepEqual(cases.triage.fallback, { 执: '首执团队', 执恢: '执恢团队' });
      assert.deepEqual(cases.statutory.period, { kind: 'months', n: 6 });
      assert.deepEqual(cases.nodes.notice.period, { kind: 'days', n: 10 });
      assert.deepEqual(cases.nodes.reception.period, { kind: 'sameDay' });
      assert.equal(cases.screeningMonths, 3);
      assert.deepEqual((await getRules()).warnDefaults, { sameDay: 0, short: 3, shortPeriodDays: 30, long: 7 });
    });

    it('refuses an invalid change with 400 naming the path, and changes nothing', async () => {
      const defaults = await getRules();
      const invalid: Array<[(rules: Rules) => void, RegExp]> = [
        [(rules) => (rules.ledgers.cases.nodes.notice.period.n = -5), /ledgers\.cases\.nodes\.notice\.period/],
        [(rules) => (rules.ledgers.cases.nodes.extra = { period: { kind: 'sameDay' }, roll: false }), /ledgers\.cases\.nodes.*extra/],
        [(rules) => (rules.ledgers.cases.triage.rules[8].when = { column: 'amountYuan', atMost: 100_000 }), /规则9.*amountYuan/],
        [(rules) => (rules.ledgers.cases.triage.rules[0].team = '快执团队'), /ledgers\.cases\.triage\.rules\.0\.team/],
      ];
      for (const [spoil, named] of invalid) {
        const rules = structuredClone(defaults);
        spoil(rules);
        assert.match(assertError(await service.admin.put('/api/rules', rules), 400), named);
      }
      assert.deepEqual(await getRules(), defaults);
      assert.equal(await service.store.documents.read('rules'), null);
      assert.deepEqual(await settingsAudit('rules'), []);
    });

    it('applies a new amount threshold to the next sync and records who changed it', async () => {
      assert.equal(onlyRow(await service.admin.sync([EIGHTY_THOUSAND])).status.team, '首执团队');

      const rules = await getRules();
      rules.ledgers.cases.triage.rules[8].when.atMost = 100_000;
      assert.equal((await service.admin.put('/api/rules', rules)).status, 200);

      const row = onlyRow(await service.admin.sync([EIGHTY_THOUSAND]));
      assert.equal(row.status.team, '速执团队');
      assert.match(String(row.status.triageBasis), /规则9/);
      const [entry] = await settingsAudit('rules');
      assert.equal(entry?.action, 'update');
      assert.equal(entry.user, 'admin');
      assert.equal((entry.before as Rules).ledgers.cases.triage.rules[8].when.atMost, 50_000);
      assert.equal((entry.after as Rules).ledgers.cases.triage.rules[8].when.atMost, 100_000);
    });

    it('applies a new notice period to the next sync', async () => {
      const rules = await getRules();
      rules.ledgers.cases.nodes.notice.period.n = 15;
      assert.equal((await service.admin.put('/api/rules', rules)).status, 200);

      const notice = nodeOf(onlyRow(await service.admin.sync([caseRow()])), 'notice');
      assert.equal(notice.dueOn, '2026-10-09');
      assert.match(notice.steps, /起算 15 日/);
    });

    it('keeps a change after a restart', async () => {
      const onDisk = await sandbox.startOnDisk();
      const rules = (await onDisk.admin.get('/api/rules')).body as Rules;
      rules.ledgers.cases.nodes.notice.period.n = 15;
      assert.equal((await onDisk.admin.put('/api/rules', rules)).status, 200);
      await onDisk.close();

      const restarted = await sandbox.startOnDisk(onDisk.dataDir);
      assert.equal(nodeOf(onlyRow(await restarted.admin.sync([caseRow()])), 'notice').dueOn, '2026-10-09');
    });
  });

  describe('/api/calendar', () => {
    it('lists the years the holiday data covers: 2004 to 2026, without overrides', async () => {
      const { body } = await service.admin.get('/api/calendar');
      assert.deepEqual(
        body.years,
        Array.from({ length: 23 }, (_, i) => 2004 + i),
      );
      assert.deepEqual(body.overrideYears, []);
    });

    it('takes a 2027 override: the "no holiday data" warning goes and its holidays count', async () => {
      // Every node done but 结案, whose statutory deadline (2027-03-24) is within 60 days: the row is told of the gap.
      const done = { receptionOn: '2026-09-24', noticeIssuedOn: '2026-09-25' };
      const late = caseRow({ ...done, amount: 200_000 });
      const before = onlyRow(await service.admin.sync([late], { asOf: '2027-02-01' }));
      assert.equal(before.status.nextNode, '结案');
      assert.match(String(before.status.remarks), /2027年无节假日数据/);

      const reply = await service.admin.put('/api/calendar', OVERRIDE_2027);
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.overrideYears, [2027]);

      const after = onlyRow(await service.admin.sync([late], { asOf: '2027-02-01' }));
      assert.doesNotMatch(JSON.stringify(after), /2027年无节假日数据/);
      // 2027-03-24 is now a holiday: the statutory deadline rolls to the next working day.
      assert.equal(after.status.statutoryDue, '2027-03-25');
      const [entry] = await settingsAudit('calendar');
      assert.equal(entry?.action, 'update');
    });

    it('refuses an invalid override with 400 naming the date, and changes nothing', async () => {
      const before = (await service.admin.get('/api/calendar')).body;
      const invalid: Array<[unknown, RegExp]> = [
        [{ years: { '2027': { holidays: { '2028-01-01': '元旦' }, workdays: {} } } }, /2028-01-01/],
        [{ years: { '2027': { holidays: {}, workdays: { '2027-03-24': '春节' } } } }, /2027-03-24/],
        [{ years: { '2027': { holidays: { '2027-02-30': '春节' }, workdays: {} } } }, /2027-02-30/],
        [{ years: { '27': { holidays: {}, workdays: {} } } }, /27/],
        [{ years: [] }, /years/],
      ];
      for (const [override, named] of invalid) {
        assert.match(assertError(await service.admin.put('/api/calendar', override), 400), named);
      }
      assert.deepEqual((await service.admin.get('/api/calendar')).body, before);
      assert.equal(await service.store.documents.read('calendar'), null);
    });
  });
});
