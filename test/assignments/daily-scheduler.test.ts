// The day's 分案清单, driven by a clock the test sets: made once at the set time of a working day,
// never on a rest day (weekends and holidays by the calendar; a 调休 Saturday is a working day),
// missed days made up at the next start. Nothing here waits on real time.

import assert from 'node:assert/strict';
import { DailyListScheduler } from '../../service/assignments/daily-scheduler.ts';
import { packageHolidayData } from '../../service/calendar-source.ts';
import { Calendar } from '../../service/domain/calendar.ts';

/** A moment at the court (UTC+8), e.g. '2026-10-20 17:30'. */
const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const calendar = new Calendar(packageHolidayData());

function scheduler(at: string, kept: string[] = [], listAt = 17 * 60 + 30) {
  const state = { now: shanghai(at), kept: new Set(kept), asked: [] as string[], lines: [] as string[] };
  const instance = new DailyListScheduler({
    clock: () => state.now,
    timeZone: 'Asia/Shanghai',
    calendar: () => calendar,
    listAt: async () => listAt,
    keptDays: async () => [...state.kept],
    // As the service does: a day whose lists are kept saves nothing again.
    keep: async (day) => {
      state.asked.push(day);
      if (state.kept.has(day)) return [];
      state.kept.add(day);
      return [`分案清单-速执团队-${day}.xlsx`];
    },
    log: (line) => state.lines.push(line),
  });
  return { instance, state };
}

describe('the daily 分案清单 schedule', () => {
  it('makes the day’s lists at 17:30 on a working day, not a minute earlier, and once', async () => {
    const { instance, state } = scheduler('2026-10-20 17:29', ['2026-10-19']);
    assert.deepEqual(await instance.run(), []);
    state.now = shanghai('2026-10-20 17:30');
    assert.deepEqual(await instance.run(), ['分案清单-速执团队-2026-10-20.xlsx']);
    state.now = shanghai('2026-10-20 17:31');
    assert.deepEqual(await instance.run(), []);
    state.now = shanghai('2026-10-20 23:59');
    assert.deepEqual(await instance.run(), []);
    // At start the last day due (kept already) is looked at once, and nothing of it saved again.
    assert.deepEqual(state.asked, ['2026-10-19', '2026-10-20']);
    assert.deepEqual(state.lines, ['已生成 2026-10-20 的分案清单：分案清单-速执团队-2026-10-20.xlsx']);
  });

  it('follows the court’s clock and the time set in the report settings', async () => {
    // 17:30 at the court is 09:30 UTC.
    const { instance, state } = scheduler('2026-10-20 17:00', ['2026-10-19'], 17 * 60);
    state.now = new Date('2026-10-20T08:59:00Z');
    assert.deepEqual(await instance.run(), []);
    state.now = new Date('2026-10-20T09:00:00Z');
    assert.deepEqual(await instance.run(), ['分案清单-速执团队-2026-10-20.xlsx']);
  });

  it('makes nothing on a weekend or a holiday, and a 调休 Saturday is a working day', async () => {
    const { instance, state } = scheduler('2026-10-23 18:00', ['2026-10-22']);
    assert.deepEqual(await instance.run(), ['分案清单-速执团队-2026-10-23.xlsx']);
    for (const moment of ['2026-10-24 18:00', '2026-10-25 18:00']) {
      state.now = shanghai(moment);
      assert.deepEqual(await instance.run(), [], moment);
    }
    const holiday = scheduler('2026-10-05 18:00', ['2026-09-30']);
    assert.deepEqual(await holiday.instance.run(), [], '国庆节');
    assert.ok(!holiday.state.asked.some((day) => day >= '2026-10-01'), holiday.state.asked.join());
    // 2026-10-10 is a Saturday worked for the National Day holiday (调休上班).
    const makeUp = scheduler('2026-10-10 17:30', ['2026-10-09']);
    assert.deepEqual(await makeUp.instance.run(), ['分案清单-速执团队-2026-10-10.xlsx']);
  });

  it('after a stop over a weekend, makes up the working days missed since the newest kept list, oldest first', async () => {
    const { instance, state } = scheduler('2026-10-26 09:00', ['2026-10-21']);
    await instance.start();
    await instance.stop();
    assert.deepEqual(state.asked, ['2026-10-22', '2026-10-23']);
  });

  it('on a fresh data directory makes only the last working day’s lists', async () => {
    const { instance, state } = scheduler('2026-10-26 09:00');
    await instance.run();
    assert.deepEqual(state.asked, ['2026-10-23']);
  });
});
