import assert from 'node:assert/strict';
import { startTestService, syncScenarios, type TestService } from '../helpers/general-service.ts';
import { DISPOSALS_SCENARIOS } from '../scenarios/disposals.ts';
import { CASE_REGISTER, checkOutcome } from '../scenarios/fixtures.ts';
import { PAYMENTS_SCENARIOS } from '../scenarios/payments.ts';

describe('payments and disposals through HTTP', () => {
  let service: TestService;

  before(async () => {
    service = await startTestService();
    await service.sync('cases', CASE_REGISTER, { role: 'affairs', asOf: '2026-05-06' });
  });

  after(async () => {
    await service.close();
  });

  for (const [ledgerId, scenarios] of [
    ['payments', PAYMENTS_SCENARIOS],
    ['disposals', DISPOSALS_SCENARIOS],
  ] as const) {
    it(`${ledgerId}: ${scenarios.length} rows give the phases, due dates and messages the core gives`, async () => {
      await syncScenarios(service, ledgerId, scenarios, 'admin', (scenario, row) => checkOutcome(ledgerId, scenario, row));
    });
  }

  it("makes a measure 待解除 once its case's payments add up to the 执行标的额, and 生效中 again when one is corrected", async () => {
    const caseNo = '（2026）豫0102执800号';
    await service.sync('cases', [{ caseNo, filedOn: '2026-01-05', respondent: '被执行人庚', amount: '10万' }], { role: 'affairs' });
    await service.sync('measures', [{ caseNo, measure: '限制消费', subject: '被执行人庚', effectiveOn: '2026-03-01' }], {
      asOf: '2026-05-06',
    });
    const measure = async () => {
      const { rows } = await service.rows('measures', '2026-05-12');
      assert.equal(rows.length, 1);
      return [rows[0].status.phase, rows[0].status.nextDue];
    };
    assert.deepEqual(await measure(), ['生效中', null]);

    await service.sync('payments', [{ caseNo, receiptNo: 'LS800-1', receivedOn: '2026-05-06', amount: '6万' }], { role: 'admin' });
    assert.deepEqual(await measure(), ['生效中', null]);
    await service.sync('payments', [{ caseNo, receiptNo: 'LS800-2', receivedOn: '2026-05-11', amount: '4万' }], { role: 'admin' });
    assert.deepEqual(await measure(), ['待解除', '2026-05-14']);

    await service.sync('payments', [{ caseNo, receiptNo: 'LS800-2', receivedOn: '2026-05-11', amount: '3万' }], { role: 'admin' });
    assert.deepEqual(await measure(), ['生效中', null]);
  });
});
