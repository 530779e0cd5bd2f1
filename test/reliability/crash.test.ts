import assert from 'node:assert/strict';
import { runCrashCycles } from '../../scripts/crash-cycles.ts';

describe('crash safety', () => {
  it('keeps every acknowledged row through SIGKILLs at random moments (npm run crash-test runs 50 cycles)', async function () {
    this.timeout(120_000);
    const report = await runCrashCycles({ cycles: 4, clients: 3, seed: 20261126 });
    assert.equal(report.cycles, 4);
    assert.ok(report.acknowledged > 0, 'some syncs were acknowledged before each kill');
    assert.deepEqual(report.lost, []);
    assert.deepEqual(report.unaudited, [], 'every acknowledged row has its audit line');
  });
});
