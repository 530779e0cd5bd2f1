import assert from 'node:assert/strict';
import {
  evaluationMoment,
  fromMinuteNumber,
  hoursBetween,
  isLocalDateTime,
  localDateTimeAt,
  toMinuteNumber,
} from '../../service/domain/date-time.ts';

describe('local date-times', () => {
  it('round-trips through the minute number, across days and years', () => {
    for (const value of ['1970-01-01 00:00', '2026-03-05 09:30', '2026-12-31 23:59', '1969-12-31 23:59']) {
      assert.equal(fromMinuteNumber(toMinuteNumber(value)), value);
    }
    assert.equal(fromMinuteNumber(toMinuteNumber('2026-12-31 20:00') + 8 * 60), '2027-01-01 04:00');
  });

  it('recognises only the normalised form', () => {
    assert.ok(isLocalDateTime('2026-03-05 09:30'));
    for (const value of ['2026-03-05', '2026-03-05T09:30', '2026-03-05 9:30', 20260305, null])
      assert.ok(!isLocalDateTime(value), String(value));
    assert.throws(() => toMinuteNumber('2026-03-05'), RangeError);
  });

  it('gives durations in hours to two decimals, never rounding an overrun down to the limit', () => {
    assert.equal(hoursBetween('2026-03-05 09:30', '2026-03-05 17:30'), 8);
    assert.equal(hoursBetween('2026-03-05 09:30', '2026-03-05 17:31'), 8.02);
    assert.equal(hoursBetween('2026-03-05 22:00', '2026-03-06 06:15'), 8.25);
  });

  it('reads a clock in the court time zone', () => {
    assert.equal(localDateTimeAt(new Date('2026-03-04T16:30:00Z'), 'Asia/Shanghai'), '2026-03-05 00:30');
    assert.equal(localDateTimeAt(new Date('2026-03-04T16:30:00Z'), 'UTC'), '2026-03-04 16:30');
  });

  describe('evaluationMoment', () => {
    it('is the clock reading when it falls on asOf', () => {
      assert.equal(evaluationMoment({ asOf: '2026-03-05', now: '2026-03-05 10:15' }), toMinuteNumber('2026-03-05 10:15'));
    });

    it('is the end of asOf (24:00) without a clock, or with a clock on another day', () => {
      const end = toMinuteNumber('2026-03-06 00:00');
      assert.equal(evaluationMoment({ asOf: '2026-03-05' }), end);
      assert.equal(evaluationMoment({ asOf: '2026-03-05', now: '2026-11-26 10:00' }), end);
      assert.equal(evaluationMoment({ asOf: '2026-03-05', now: '2026-03-04 23:59' }), end);
    });
  });
});
