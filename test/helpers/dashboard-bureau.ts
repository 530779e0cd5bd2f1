// The constructed bureau of the weekly report's tests (test/domain/report/bureau.ts) with one case
// present in every ledger, for the 看板 and the case page: synced through HTTP as of 2026-05-20,
// a Wednesday of 2026-W21, after
// every date the bureau holds (the alerts, like a clerk's sheet, read the rows as they are now).

import assert from 'node:assert/strict';
import { bureau, GROUPS } from '../domain/report/bureau.ts';
import type { RawValue } from '../../service/domain/problem.ts';
import type { DiskTestService, Sandbox, TestService } from './service.ts';

export const DASHBOARD_AS_OF = '2026-05-20';

/** The service's clock: 10:00 at the court on that day. */
export const dashboardClock = () => new Date(`${DASHBOARD_AS_OF}T10:00:00+08:00`);

/** A 速执 case past its closing deadline, whose 承办人 was typed with an identity number. */
export const WIDE_CASE = String(GROUPS.g3[0].caseNo);

/** The wide case's rows in every ledger but cases, which holds it already. */
export const WIDE_CASE_ROWS: Record<string, Array<Record<string, RawValue>>> = {
  payments: [{ caseNo: WIDE_CASE, receiptNo: 'LS-WIDE', receivedOn: '2026-04-10', amount: 1_000, notifiedOn: '2026-04-10' }],
  disposals: [{ caseNo: WIDE_CASE, property: '房产·宽', propertyType: '不动产', foundOn: '2026-04-10', seizedOn: '2026-04-10' }],
  summons: [
    {
      caseNo: WIDE_CASE,
      person: '拘传·宽',
      summonedOn: '2026-05-08',
      warrantOn: '2026-05-12',
      arrivedAt: '2026-05-13 09:00',
      endedAt: '2026-05-13 12:00',
    },
  ],
  detentions: [
    {
      caseNo: WIDE_CASE,
      person: '拘留·宽',
      personId: '11010519491231002X',
      decidedOn: '2026-05-01',
      days: 5,
      startOn: '2026-05-02',
      notNotifiedReason: '被拘留人拒绝提供家属联系方式',
    },
  ],
  fines: [{ caseNo: WIDE_CASE, subject: '罚款·宽', subjectType: '个人', amount: 2_000, decidedOn: '2026-05-12' }],
  'investigation-orders': [{ caseNo: WIDE_CASE, lawyer: '律师·宽', target: '某银行', issuedOn: '2026-04-20' }],
  'person-controls': [{ caseNo: WIDE_CASE, subject: '临控·宽', requestedOn: '2026-05-11', expiresOn: '2026-05-20' }],
  'vehicle-controls': [{ caseNo: WIDE_CASE, plate: '豫A54321', requestedOn: '2026-05-11', expiresOn: '2026-08-11' }],
  measures: [{ caseNo: WIDE_CASE, measure: '冻结银行存款', subject: '措施·宽', approvedOn: '2026-05-11', effectiveOn: '2026-05-12' }],
  refusals: [{ caseNo: WIDE_CASE, person: '拒执·宽', route: '移送公安', transferredOn: '2026-05-12' }],
};

/**
 * The service on a data directory holding the bureau, with its clock at 10:00 on DASHBOARD_AS_OF.
 * The bureau is synced into a first run whose clock stands at Monday 2026-03-02 08:00 (its start
 * keeps the report of 2026-W08, the week before the 12 the 看板 shows); the second start makes up
 * the twelve weeks since over the bureau, as the service does after being down (xlsx, docx and
 * figures each: a minute or more on a busy machine), and the trend reads the figures kept with them.
 */
export async function startDashboardService(sandbox: Sandbox): Promise<DiskTestService> {
  const dir = await sandbox.dataDir();
  const first = await sandbox.startOnDisk(dir, { clock: () => new Date('2026-03-02T08:00:00+08:00') });
  await syncDashboardBureau(first);
  await first.close();
  return sandbox.startOnDisk(dir, { clock: dashboardClock });
}

/** Syncs the bureau and the wide case's rows into the service. */
async function syncDashboardBureau(service: TestService): Promise<void> {
  const rows = bureau();
  for (const [ledger, extra] of Object.entries(WIDE_CASE_ROWS)) rows[ledger] = [...(rows[ledger] ?? []), ...extra];
  for (const [ledger, values] of Object.entries(rows)) {
    const synced = await service.admin.post(`/api/ledgers/${ledger}/sync?asOf=${DASHBOARD_AS_OF}`, {
      rows: values.map((row) => ({ values: row })),
    });
    assert.equal(synced.status, 200, synced.text.slice(0, 500));
  }
}
