// The admin's calendar through HTTP (issue 13 item 4): which years have holiday data, a year entered
// as the State Council's notice writes it, previewed as twelve months, saved (audited) and then in
// force for every due date; mistakes refused in Chinese; PUT /api/calendar unchanged; admins only.

import assert from 'node:assert/strict';
import { addUser, assertError, auditEntries, caseRow, nodeOf, onlyRow, Sandbox, type TestService } from '../../helpers/service.ts';

/** 2027 as a notice might read (the dates are this test's, not the State Council's). */
const FESTIVALS_2027 = [
  { name: '元旦', holidays: '2027-01-01', workdays: '' },
  { name: '春节', holidays: '2027-02-06至02-12', workdays: '2027-02-14、2027-02-20' },
  { name: '清明节', holidays: '2027-04-05', workdays: '' },
  { name: '劳动节', holidays: '2027-05-01至2027-05-05', workdays: '2027-04-25；2027-05-08' },
  { name: '端午节', holidays: '2027-06-09', workdays: '' },
  { name: '中秋节', holidays: '2027-09-15', workdays: '' },
  { name: '国庆节', holidays: '2027-10-01至07\n2027-10-08', workdays: '2027-09-26,2027-10-09' },
];

describe('admin: calendar through HTTP', function () {
  this.timeout(30_000);
  const sandbox = new Sandbox();
  let service: TestService;
  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  it('lists the years the holiday package covers, and not 2027', async () => {
    const reply = await service.admin.get('/api/calendar/years');
    assert.equal(reply.status, 200, reply.text);
    const years = reply.body.years.map((entry: { year: number }) => entry.year);
    assert.ok(years.includes(2026) && years.includes(2004), years.join(','));
    assert.ok(!years.includes(2027));
    const y2026 = reply.body.years.find((entry: { year: number }) => entry.year === 2026);
    assert.equal(y2026.source, 'package');
    assert.ok(y2026.holidays > 20 && y2026.workdays > 3, JSON.stringify(y2026));
  });

  it('shows a year of the package as the form and twelve months', async () => {
    const reply = await service.admin.get('/api/calendar/years/2026');
    assert.equal(reply.body.source, 'package');
    assert.equal(reply.body.months.length, 12);
    const october = reply.body.months[9].days;
    assert.equal(october.length, 31);
    assert.deepEqual([october[0].kind, october[0].name], ['holiday', '国庆节']);
    const national = reply.body.festivals.find((festival: { name: string }) => festival.name === '国庆节');
    assert.match(national.holidays, /^2026-10-01至10-0\d$/);
  });

  it('previews 2027 from ranges and single dates, and saves nothing', async () => {
    const reply = await service.admin.post('/api/calendar/years/2027/preview', { festivals: FESTIVALS_2027 });
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(
      Object.keys(reply.body.holidays).filter((date) => date.startsWith('2027-02')),
      ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
    );
    assert.equal(Object.keys(reply.body.holidays).length, 1 + 7 + 1 + 5 + 1 + 1 + 8);
    assert.deepEqual(Object.keys(reply.body.workdays).sort(), [
      '2027-02-14',
      '2027-02-20',
      '2027-04-25',
      '2027-05-08',
      '2027-09-26',
      '2027-10-09',
    ]);
    const february = reply.body.months[1].days;
    assert.equal(february[5].kind, 'holiday');
    assert.equal(february[13].kind, 'workday', '2027-02-14 is a Sunday worked');
    assert.equal(february[26].kind, 'weekend', '2027-02-27 is a plain Saturday');
    assert.equal(february[14].kind, 'work');
    assert.ok(!(await service.admin.get('/api/calendar/years')).body.years.some((entry: { year: number }) => entry.year === 2027));
  });

  it('saves 2027 (audited): the year is listed, and a due date in it rolls over its holidays', async () => {
    const saved = await service.admin.put('/api/calendar/years/2027', { festivals: FESTIVALS_2027 });
    assert.equal(saved.status, 200, saved.text);
    const listed = (await service.admin.get('/api/calendar/years')).body.years.find((entry: { year: number }) => entry.year === 2027);
    assert.equal(listed.source, 'override');
    assert.equal(listed.holidays, 24);
    const entry = (await auditEntries(service)).find((each) => each.ledger === 'calendar');
    assert.equal(entry?.user, 'admin');
    assert.equal(entry?.action, 'update-year-2027');
    // Read back as the form writes it: ranges joined again.
    const back = (await service.admin.get('/api/calendar/years/2027')).body.festivals;
    assert.equal(back.find((festival: { name: string }) => festival.name === '国庆节').holidays, '2027-10-01至10-08');
    // 执行通知: filed 2027-01-27 + 10 days = 2027-02-06, a holiday now: rolls to 2027-02-13 (a Saturday, not worked) → 02-14 (worked).
    const row = onlyRow(
      await service.admin.sync([caseRow({ caseNo: '（2027）豫0102执1号', filedOn: '2027-01-27', transferredOn: null, triagedOn: null })], {
        asOf: '2027-01-28',
      }),
    );
    assert.equal(nodeOf(row, 'notice').dueOn, '2027-02-14');
    // The whole override as JSON is still there, with 2027 in it.
    assert.ok(Object.hasOwn((await service.admin.get('/api/calendar')).body.override.years, '2027'));
  });

  it('refuses a date outside the year, an end before its start, a day both off and worked, nonsense, in Chinese', async () => {
    const entry = (holidays: string, workdays = '') => ({ festivals: [{ name: '春节', holidays, workdays }] });
    const refused = async (body: unknown) =>
      assertError(await service.admin.post('/api/calendar/years/2027/preview', body), 400, 'invalid_calendar');
    assert.match(await refused(entry('2026-12-31')), /春节的放假日期中的 2026-12-31 不在 2027 年内/);
    assert.match(await refused(entry('2027-02-12至02-06')), /春节的放假日期「2027-02-12至02-06」的结束日早于开始日/);
    assert.match(await refused(entry('2027-02-06至02-12', '2027-02-07')), /2027-02-07 既填为放假日又填为调休上班日/);
    assert.match(await refused(entry('二月六日')), /「二月六日」无法识别，应写成 2027-02-06、2027-02-06至02-12/);
    assert.match(await refused(entry('2027-02-30')), /不存在的日期/);
    assert.match(await refused(entry('2027-02-06', '2027-02-09')), /调休上班日 2027-02-09 是星期二/);
    assert.match(await refused({ festivals: [{ name: '', holidays: '2027-02-06' }] }), /缺少节日名称/);
    assertError(await service.admin.put('/api/calendar/years/2027', entry('2026-12-31')), 400, 'invalid_calendar');
    assert.match(assertError(await service.admin.get('/api/calendar/years/27'), 400, 'invalid_year'), /年份「27」无效/);
    assert.ok(!(await service.admin.get('/api/calendar/years')).body.years.some((each: { year: number }) => each.year === 2027));
  });

  it('refuses every year route to anyone but an admin, with a Chinese 403', async () => {
    const clerk = service.as(await addUser(service, '书记员', ['affairs']));
    for (const reply of [
      await clerk.get('/api/calendar/years'),
      await clerk.get('/api/calendar/years/2027'),
      await clerk.post('/api/calendar/years/2027/preview', { festivals: FESTIVALS_2027 }),
      await clerk.put('/api/calendar/years/2027', { festivals: FESTIVALS_2027 }),
    ]) {
      assert.match(assertError(reply, 403, 'forbidden'), /只有管理员可以录入节假日安排/);
    }
    assert.equal((await clerk.get('/api/calendar')).status, 200, 'everyone still reads the calendar');
  });
});
