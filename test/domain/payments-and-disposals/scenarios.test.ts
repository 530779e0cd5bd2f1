import { evaluateIn } from '../../helpers/ledgers.ts';
import { DISPOSALS_SCENARIOS } from '../../scenarios/disposals.ts';
import { CASE_REGISTER, checkOutcome } from '../../scenarios/fixtures.ts';
import { PAYMENTS_SCENARIOS } from '../../scenarios/payments.ts';

const FILE_CENTER_SCENARIOS = { payments: PAYMENTS_SCENARIOS, disposals: DISPOSALS_SCENARIOS };

describe('payments and disposals: the scenario tables through the core', () => {
  for (const [ledgerId, scenarios] of Object.entries(FILE_CENTER_SCENARIOS)) {
    describe(ledgerId, () => {
      for (const scenario of scenarios) {
        it(scenario.name, () => {
          checkOutcome(
            ledgerId,
            scenario,
            evaluateIn(ledgerId, scenario.values, { asOf: scenario.asOf, stored: { cases: CASE_REGISTER } }),
          );
        });
      }
    });
  }
});
