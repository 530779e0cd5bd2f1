import assert from 'node:assert/strict';
import { SettingsHolder } from '../service/settings.ts';
import { Documents } from '../service/store/documents.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mergeHolidayData, packageHolidayData, validateCalendarOverride, type CalendarOverride } from '../service/calendar-source.ts';
import { Calendar } from '../service/domain/calendar.ts';
import { countPeriod } from '../service/domain/periods.ts';

const OVERRIDE_2027: CalendarOverride = {
  years: {
    '2027': {
      holidays: { '2027-01-01': '元旦', '2027-03-01': '测试假日' },
      workdays: { '2027-02-07': '春节' },
    },
  },
};

describe('packageHolidayData', () => {
  const data = packageHolidayData();

  it('takes the Chinese holiday names', () => {
    assert.equal(data.holidays['2026-10-01'], '国庆节');
    assert.equal(data.holidays['2026-02-17'], '春节');
    assert.equal(data.workdays['2026-09-20'], '国庆节');
  });

  it('covers the years present in the package (2004–2026 at 1.5.7)', () => {
    assert.equal(data.years[0], 2004);
    assert.equal(data.years.at(-1), 2026);
    assert.equal(data.years.length, 23);
  });
});

describe('mergeHolidayData', () => {
  const base = packageHolidayData();

  it('adds a year the package does not have and counts it as covered', () => {
    const merged = mergeHolidayData(base, OVERRIDE_2027);
    assert.equal(merged.years.at(-1), 2027);
    assert.equal(merged.holidays['2027-01-01'], '元旦');
    assert.equal(merged.workdays['2027-02-07'], '春节');
    assert.equal(merged.holidays['2026-10-01'], '国庆节');
  });

  it('replaces a year the package has entirely', () => {
    const merged = mergeHolidayData(base, { years: { '2026': { holidays: { '2026-10-01': '国庆节' }, workdays: {} } } });
    const calendar = new Calendar(merged);
    assert.equal(calendar.isRestDay('2026-10-01'), true);
    assert.equal(calendar.isRestDay('2026-10-02'), false);
    assert.equal(calendar.isRestDay('2026-09-20'), true);
    assert.equal(calendar.isRestDay('2025-10-01'), true);
    assert.deepEqual(merged.years, base.years);
  });

  it('leaves the base data untouched', () => {
    mergeHolidayData(base, { years: { '2026': { holidays: {}, workdays: {} } } });
    assert.equal(base.holidays['2026-10-01'], '国庆节');
  });
});

describe('validateCalendarOverride', () => {
  const withYear = (year: string, entry: unknown) => ({ years: { [year]: entry } });
  const rejects = (input: unknown, ...named: string[]) => {
    const result = validateCalendarOverride(input);
    assert.equal(result.ok, false);
    if (!result.ok) for (const text of named) assert.ok(result.message.includes(text), `${result.message} should name ${text}`);
  };

  it('accepts a well-formed override', () => {
    assert.deepEqual(validateCalendarOverride(OVERRIDE_2027), { ok: true, value: OVERRIDE_2027 });
    assert.deepEqual(validateCalendarOverride({ years: {} }), { ok: true, value: { years: {} } });
  });

  it('rejects anything but an object with a years object', () => {
    rejects(null, 'years');
    rejects([], 'years');
    rejects({ years: [] }, 'years');
    rejects({}, 'years');
  });

  it('rejects unknown keys', () => {
    rejects({ years: {}, year: {} }, '“year”');
    rejects(withYear('2027', { holidays: {}, workdays: {}, holiday: {} }), '2027', '“holiday”');
  });

  it('rejects a year outside 2000–2100 or not written as four digits', () => {
    rejects(withYear('1999', { holidays: {}, workdays: {} }), '“1999”');
    rejects(withYear('2101', { holidays: {}, workdays: {} }), '“2101”');
    rejects(withYear('27', { holidays: {}, workdays: {} }), '“27”');
  });

  it('rejects a year without both holidays and workdays objects', () => {
    rejects(withYear('2027', { holidays: {} }), '2027年', 'workdays');
    rejects(withYear('2027', { holidays: [], workdays: {} }), '2027年', 'holidays');
  });

  it('rejects an invalid date or a date outside its year', () => {
    rejects(withYear('2027', { holidays: { '2027-02-30': '春节' }, workdays: {} }), '“2027-02-30”');
    rejects(withYear('2027', { holidays: { '2027-1-1': '元旦' }, workdays: {} }), '“2027-1-1”');
    rejects(withYear('2027', { holidays: {}, workdays: { '2028-01-08': '元旦' } }), '调休上班日', '“2028-01-08”');
  });

  it('rejects an empty or non-text holiday name', () => {
    rejects(withYear('2027', { holidays: { '2027-01-01': ' ' }, workdays: {} }), '2027-01-01');
    rejects(withYear('2027', { holidays: { '2027-01-01': 1 }, workdays: {} }), '2027-01-01', '“1”');
  });

  it('rejects a date that is both a holiday and a make-up workday', () => {
    rejects(withYear('2027', { holidays: { '2027-02-07': '春节' }, workdays: { '2027-02-07': '春节' } }), '2027-02-07');
  });

  it('rejects a make-up workday that is not on a weekend', () => {
    rejects(withYear('2027', { holidays: {}, workdays: { '2027-02-03': '春节' } }), '2027-02-03', '星期三');
  });
});

describe('calendar override file read at start', () => {
  let dataDir: string;
  const file = () => path.join(dataDir, 'calendar.json');
  const load = () => SettingsHolder.load(new Documents(dataDir));

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'calendar-source-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reads no years when the file is missing', async () => {
    assert.deepEqual((await load()).calendarInfo().overrideYears, []);
  });

  it('reads a valid file, also with a byte-order mark', async () => {
    await writeFile(file(), '\uFEFF' + JSON.stringify(OVERRIDE_2027));
    assert.deepEqual((await load()).calendarInfo().override, OVERRIDE_2027);
  });

  it('names the file when it is not JSON', async () => {
    await writeFile(file(), '{ years: ');
    await assert.rejects(load(), (error: Error) => {
      assert.ok(error.message.includes(file()) && error.message.includes('JSON'), error.message);
      return true;
    });
  });

  it('names the file and the bad value when the content is invalid', async () => {
    await writeFile(file(), JSON.stringify({ years: { '2027': { holidays: {}, workdays: { '2027-02-03': '春节' } } } }));
    await assert.rejects(load(), (error: Error) => {
      assert.ok(error.message.includes(file()) && error.message.includes('2027-02-03'), error.message);
      return true;
    });
  });

  it('lets an override for 2027 remove the warning and have its holidays honoured', async () => {
    const filed = { date: '2026-08-31', label: '立案日' };
    const before = countPeriod(new Calendar(packageHolidayData()), filed, { kind: 'months', n: 6 });
    assert.equal(before.dueOn, '2027-03-01');
    assert.equal(before.warnings.length, 1);

    await writeFile(file(), JSON.stringify(OVERRIDE_2027));
    const { calendar } = (await load()).get();
    assert.deepEqual(countPeriod(calendar, filed, { kind: 'months', n: 6 }), {
      dueOn: '2027-03-02',
      steps: '立案日 2026-08-31 起算 6 个月，2027-02 无对应日，以该月末日 2027-02-28 为届满日，该日为星期日（休息日），顺延至 2027-03-02',
      warnings: [],
    });
    assert.equal(calendar.isRestDay('2027-02-07'), false);
  });
});
