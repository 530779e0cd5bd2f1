import assert from 'node:assert/strict';
import { findLedger } from '../../../service/domain/ledgers/index.ts';
import { normalizeRow } from '../../../service/domain/row.ts';
import { evaluateIn } from '../../helpers/ledgers.ts';
import { CASE_REGISTER, checkOutcome } from '../../scenarios/fixtures.ts';
import { SCENARIOS } from '../../scenarios/index.ts';

describe('general-affairs ledgers: the scenario tables through the core', () => {
  for (const [ledgerId, scenarios] of Object.entries(SCENARIOS)) {
    describe(ledgerId, () => {
      for (const scenario of scenarios) {
        it(scenario.name, () => {
          const result = evaluateIn(ledgerId, scenario.values, {
            asOf: scenario.asOf,
            now: scenario.now,
            stored: { cases: CASE_REGISTER },
          });
          checkOutcome(ledgerId, scenario, result);
        });
      }
    });
  }

  it('gives every row of a table its own natural key, so the service tests can sync them side by side', () => {
    for (const [ledgerId, scenarios] of Object.entries(SCENARIOS)) {
      const ledger = findLedger(ledgerId)!;
      const keys = scenarios
        .map((scenario) => ledger.key.map((column) => normalizeRow(ledger.columns, scenario.values, 'Asia/Shanghai').values[column]))
        .filter((parts) => parts.every((part) => part !== null))
        .map((parts) => JSON.stringify(parts));
      assert.equal(new Set(keys).size, keys.length, `${ledgerId}: ${keys.join('\n')}`);
    }
  });
});
