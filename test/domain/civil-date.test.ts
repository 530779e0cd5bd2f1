import assert from 'node:assert/strict';
import { asDate } from '../../service/domain/civil-date.ts';

describe('civil dates', () => {
  it('reads a cell as a date only when it is a real day of the calendar', () => {
    assert.equal(asDate('2024-02-29'), '2024-02-29');
    for (const value of ['2026-02-29', '2026-04-31', '2026-13-01', '2026-3-5', '2026-03-05 09:30', 46086, '', null]) {
      assert.equal(asDate(value), null, String(value));
    }
  });
});
