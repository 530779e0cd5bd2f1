import assert from 'node:assert/strict';
import { packageHolidayData } from '../../service/calendar-source.ts';
import { Calendar } from '../../service/domain/calendar.ts';

describe('Calendar (2026 schedule from chinese-days)', () => {
  const calendar = new Calendar(packageHolidayData());

  it('treats statutory holidays as rest days, also on weekdays', () => {
    assert.equal(calendar.isRestDay('2026-10-01'), true);
    assert.equal(calendar.restDayReason('2026-10-01'), '法定休假日（国庆节）');
    assert.equal(calendar.restDayReason('2026-02-16'), '法定休假日（春节）');
  });

  it('names a holiday that falls on a weekend as the holiday', () => {
    assert.equal(calendar.restDayReason('2026-10-04'), '法定休假日（国庆节）');
  });

  it('treats ordinary weekends as rest days named by weekday', () => {
    assert.equal(calendar.restDayReason('2026-09-12'), '星期六');
    assert.equal(calendar.restDayReason('2026-09-13'), '星期日');
    assert.equal(calendar.isRestDay('2026-09-13'), true);
  });

  it('treats a make-up workday (调休上班) on a weekend as a working day', () => {
    assert.equal(calendar.isRestDay('2026-09-20'), false);
    assert.equal(calendar.restDayReason('2026-09-20'), null);
  });

  it('treats an ordinary weekday as a working day', () => {
    assert.equal(calendar.isRestDay('2026-09-14'), false);
    assert.equal(calendar.restDayReason('2026-09-14'), null);
  });

  it('knows weekends in a year without data', () => {
    assert.equal(calendar.hasDataFor(2027), false);
    assert.equal(calendar.restDayReason('2027-01-02'), '星期六');
    assert.equal(calendar.isRestDay('2027-01-01'), false);
  });

  it('knows which years it has data for', () => {
    assert.equal(calendar.hasDataFor(2026), true);
    assert.equal(calendar.hasDataFor(2004), true);
    assert.equal(calendar.hasDataFor(2003), false);
  });

  it('finds the next working day strictly after a date', () => {
    assert.equal(calendar.nextWorkingDay('2026-09-14'), '2026-09-15');
    assert.equal(calendar.nextWorkingDay('2026-09-11'), '2026-09-14');
    assert.equal(calendar.nextWorkingDay('2026-09-30'), '2026-10-08');
    assert.equal(calendar.nextWorkingDay('2026-09-18'), '2026-09-20');
  });
});
