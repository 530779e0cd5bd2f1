import assert from 'node:assert/strict';
import { LEDGERS } from '../../service/domain/ledgers/index.ts';
import type { RowResponse } from '../../service/ledger-service.ts';
import { startTestService, syncScenarios, type TestService } from '../helpers/general-service.ts';
import { CASE_REGISTER, checkOutcome, OPEN_CASE } from '../scenarios/fixtures.ts';
import { SCENARIOS } from '../scenarios/index.ts';

const GENERAL_LEDGERS = [
  'summons',
  'detentions',
  'fines',
  'investigation-orders',
  'person-controls',
  'vehicle-controls',
  'measures',
  'refusals',
];
const COMMON = ['phase', 'nextNode', 'nextDue', 'daysLeft', 'alert', 'remarks'];

interface ListedLedger {
  id: string;
  name: string;
  key: string[];
  columns: Array<{ id: string; header: string; type: string; required: boolean; options?: string[]; system: boolean }>;
}

/** A minimal valid row of each ledger, for the role checks. */
const MINIMAL: Record<string, Record<string, string>> = {
  summons: { caseNo: OPEN_CASE, person: '角色甲' },
  detentions: { caseNo: OPEN_CASE, person: '角色乙' },
  fines: { caseNo: OPEN_CASE, subject: '角色丙' },
  'investigation-orders': { caseNo: OPEN_CASE, lawyer: '角色丁' },
  'person-controls': { caseNo: OPEN_CASE, subject: '角色戊' },
  'vehicle-controls': { caseNo: OPEN_CASE, plate: '豫A00000' },
  measures: { caseNo: OPEN_CASE, measure: '划拨', subject: '角色己' },
  refusals: { caseNo: OPEN_CASE, person: '角色庚' },
};

describe('general-affairs ledgers through HTTP', () => {
  let service: TestService;

  before(async () => {
    service = await startTestService();
    await service.sync('cases', CASE_REGISTER, { role: 'affairs', asOf: '2026-05-06' });
  });

  after(async () => {
    await service.close();
  });

  describe('GET /api/ledgers', () => {
    it('lists every ledger: cases, payments, disposals and the eight of 综合事务中心', async () => {
      const { status, body } = await service.call<ListedLedger[]>('GET', '/api/ledgers', 'viewer');
      assert.equal(status, 200);
      assert.deepEqual(
        body.map((ledger) => ledger.id),
        ['cases', 'payments', 'disposals', ...GENERAL_LEDGERS],
      );
      assert.deepEqual(
        body.map((ledger) => ledger.id),
        LEDGERS.map((ledger) => ledger.id),
      );
    });

    it('gives each ledger its own computed columns, then phase and the five common ones, all marked system', async () => {
      const { body } = await service.call<ListedLedger[]>('GET', '/api/ledgers', 'viewer');
      const own: Record<string, string[]> = {
        summons: ['hours', 'limitAt'],
        detentions: ['endOn'],
        fines: [],
        'investigation-orders': ['dueOn'],
        'person-controls': [],
        'vehicle-controls': [],
        measures: ['expiry'],
        refusals: [],
      };
      for (const id of GENERAL_LEDGERS) {
        const ledger = body.find((candidate) => candidate.id === id)!;
        assert.deepEqual(
          ledger.columns.filter((column) => column.system).map((column) => column.id),
          [...own[id], ...COMMON],
          id,
        );
        assert.ok(
          ledger.columns.filter((column) => !column.system).every((column) => !COMMON.includes(column.id)),
          id,
        );
      }
    });

    it('describes the column types and options the add-in needs', async () => {
      const { body } = await service.call<ListedLedger[]>('GET', '/api/ledgers', 'viewer');
      const column = (ledgerId: string, id: string) =>
        body.find((ledger) => ledger.id === ledgerId)!.columns.find((candidate) => candidate.id === id)!;
      assert.deepEqual([column('summons', 'arrivedAt').type, column('summons', 'mayDetain').options], ['datetime', ['是', '否']]);
      assert.equal(column('summons', 'person').required, true);
      assert.equal(column('measures', 'expiresOn').type, 'dateOrNone');
      assert.deepEqual(column('measures', 'expiry'), {
        id: 'expiry',
        header: '到期日（计算）',
        aliases: [],
        type: 'date',
        required: false,
        system: true,
      });
      assert.equal(column('vehicle-controls', 'plate').type, 'plate');
      assert.equal(column('investigation-orders', 'licenseNo').type, 'licenseNo');
      assert.deepEqual(column('refusals', 'route').options, ['移送公安', '自诉']);
      assert.equal(column('detentions', 'phase').header, '羁押状态');
    });
  });

  describe('roles (SPEC §8)', () => {
    for (const id of GENERAL_LEDGERS) {
      it(`综合事务中心 (general) writes ${id}; 事务中心 (affairs) and viewers may only read it`, async () => {
        const synced = await service.sync(id, [MINIMAL[id]], { role: 'general', asOf: '2026-03-05' });
        assert.equal(synced.rows.length, 1);
        for (const role of ['affairs', 'viewer'] as const) {
          const refused = await service.call<{ error: { code: string; message: string } }>('POST', `/api/ledgers/${id}/sync`, role, {
            rows: [{ values: MINIMAL[id] }],
          });
          assert.equal(refused.status, 403, role);
          assert.match(refused.body.error.message, new RegExp(`无权写入${LEDGERS.find((ledger) => ledger.id === id)!.name}`));
        }
        const read = await service.rows(id, '2026-03-05');
        assert.ok(read.rows.length >= 1);
      });
    }

    it('does not let 综合事务中心 write the cases ledger', async () => {
      const refused = await service.call('POST', '/api/ledgers/cases/sync', 'general', { rows: [{ values: CASE_REGISTER[0] }] });
      assert.equal(refused.status, 403);
    });
  });

  describe('the scenario tables', () => {
    for (const [ledgerId, scenarios] of Object.entries(SCENARIOS)) {
      const count = scenarios.filter((scenario) => !scenario.now).length;
      it(`${ledgerId}: ${count} rows give the phases, due dates and messages the core gives`, async () => {
        await syncScenarios(
          service,
          ledgerId,
          scenarios.filter((candidate) => !candidate.now),
          'general',
          (scenario, row) => {
            checkOutcome(ledgerId, scenario, row);
            if (scenario.expect.errors)
              assert.equal(row.state, scenario.expect.errors.length > 0 ? 'invalid' : 'ok', `${ledgerId} · ${scenario.name}: state`);
            assert.equal(row.status.remarks, remarksOf(row), `${ledgerId} · ${scenario.name}: remarks`);
          },
        );
      });
    }
  });
});

/** The 校验意见 the service writes back: every message, errors first. */
function remarksOf(row: RowResponse): string {
  return [...row.errors.filter((p) => p.level === 'error'), ...row.errors.filter((p) => p.level === 'warning')]
    .map((p) => p.message)
    .join('；');
}
