// The automatic weekly report, driven by a clock the test sets: Monday 08:30 at the court, the
// make-up of missed Mondays, failures and stopping. Nothing here waits on real time.

import assert from 'node:assert/strict';
import type { IsoWeek } from '../../service/domain/report/week.ts';
import { ReportScheduler } from '../../service/reports/scheduler.ts';

/** A moment at the court (UTC+8), e.g. '2026-11-30 08:30'. */
const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

function scheduler(stored: string[], at: string, make?: (week: IsoWeek) => Promise<void>) {
  const state = { now: shanghai(at), stored: new Set(stored), made: [] as string[], lines: [] as string[] };
  const instance = new ReportScheduler({
    clock: () => state.now,
    timeZone: 'Asia/Shanghai',
    stored: async () => [...state.stored],
    make:
      make ??
      (async (week) => {
        state.made.push(week.id);
        state.stored.add(week.id);
      }),
    log: (line) => state.lines.push(line),
  });
  return { instance, state };
}

const ids = (weeks: IsoWeek[]) => weeks.map((week) => week.id);

describe('weekly report scheduler', () => {
  it('makes the report of the week before on Monday at 08:30 at the court, not a minute earlier', async () => {
    const { instance, state } = scheduler(['2026-W47'], '2026-11-30 08:29');
    assert.deepEqual(await instance.run(), []);
    state.now = shanghai('2026-11-30 08:30');
    assert.deepEqual(await instance.run(), ['2026-W48']);
    assert.deepEqual(await instance.run(), [], 'made once');
    assert.deepEqual(state.lines, ['已生成周通报 2026-W48（2026-11-23 至 2026-11-29）']);
  });

  it('does not count Sunday 23:59 or Monday 00:00 at the court as the time to make it', async () => {
    const { instance, state } = scheduler(['2026-W47'], '2026-11-29 23:59');
    assert.deepEqual(ids(await instance.missing()), []);
    state.now = shanghai('2026-11-30 00:00');
    assert.deepEqual(ids(await instance.missing()), []);
    // 08:30 at the court is 00:30 in UTC: the court's clock decides, not the server's.
    state.now = new Date('2026-11-30T00:30:00Z');
    assert.deepEqual(ids(await instance.missing()), ['2026-W48']);
  });

  it('makes up every Monday missed while the service was down, oldest first', async () => {
    const { instance, state } = scheduler(['2026-W44', '2026-W45'], '2026-12-01 10:00');
    assert.deepEqual(await instance.run(), ['2026-W46', '2026-W47', '2026-W48']);
    assert.deepEqual(state.made, ['2026-W46', '2026-W47', '2026-W48']);
  });

  it('on a fresh data directory makes only the last week due', async () => {
    const { instance } = scheduler([], '2026-12-01 10:00');
    assert.deepEqual(await instance.run(), ['2026-W48']);
  });

  it('makes up across the new year, week 53 included', async () => {
    const { instance } = scheduler(['2026-W52'], '2027-01-11 09:00');
    assert.deepEqual(await instance.run(), ['2026-W53', '2027-W01']);
  });

  it('after a failure waits an hour before trying again, and logs it without stopping', async () => {
    let attempts = 0;
    const errors: string[] = [];
    const original = console.error;
    console.error = (line: string) => errors.push(line);
    try {
      const { instance, state } = scheduler([], '2026-11-30 08:30', async () => {
        attempts += 1;
        throw new Error('磁盘已满');
      });
      assert.deepEqual(await instance.run(), []);
      state.now = shanghai('2026-11-30 09:29');
      assert.deepEqual(await instance.run(), []);
      assert.equal(attempts, 1);
      state.now = shanghai('2026-11-30 09:31');
      await instance.run();
      assert.equal(attempts, 2);
    } finally {
      console.error = original;
    }
    assert.equal(errors.length, 2);
    assert.match(errors[0], /生成周通报失败.*磁盘已满/);
  });

  it('runs one at a time, and stop() waits for the report being made and starts no other', async () => {
    let release!: () => void;
    const started: string[] = [];
    const { instance } = scheduler(['2026-W45'], '2026-12-01 10:00', (week) => {
      started.push(week.id);
      return new Promise<void>((resolve) => (release = resolve));
    });
    const first = instance.run();
    assert.equal(instance.run(), first, 'a second call joins the run under way');
    await new Promise((resolve) => setImmediate(resolve));
    const stopped = instance.stop();
    release();
    await stopped;
    assert.deepEqual(await first, ['2026-W46']);
    assert.deepEqual(started, ['2026-W46'], 'W47 and W48 were not started after stop()');
    assert.deepEqual(await instance.run(), []);
  });
});
