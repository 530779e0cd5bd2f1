// The trend through HTTP over the constructed bureau (test/domain/report/bureau.ts): each complete
// week's figures, the last one equal to that week's 周通报, a kept report's figures read back as
// they were sent, and the parameters refused in Chinese.

import assert from 'node:assert/strict';
import { bureau } from '../domain/report/bureau.ts';
import { assertError, Sandbox, type TestService } from '../helpers/service.ts';

const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

interface Figures {
  team?: string;
  received: number;
  closed: number;
  closeRate: number | null;
  open: number;
  overdue: number;
}

/** The trend's figures of a week, as read from that week's weekly report JSON. */
function figuresOf(report: { teams: Figures[]; payments: { over30: number }; measures: { pendingRevocation: number } }) {
  return {
    teams: report.teams.map(({ team, received, closed, closeRate, open, overdue }) => ({
      team,
      received,
      closed,
      closeRate,
      open,
      overdue,
    })),
    paymentsOverdue: report.payments.over30,
    pendingRevocation: report.measures.pendingRevocation,
  };
}

const trendFigures = ({ teams, paymentsOverdue, pendingRevocation }: ReturnType<typeof figuresOf>) => ({
  teams,
  paymentsOverdue,
  pendingRevocation,
});
const weeksOf = (body: Array<{ week: string }>) => body.map((week) => week.week);

describe('the trend of the last weeks through HTTP', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  before(async () => {
    // Monday after 2026-W20, before 08:30: the start makes and keeps the report of 2026-W19 over the
    // store as it is then (empty); the bureau is synced after it.
    service = await sandbox.start({ clock: () => shanghai('2026-05-18 08:00') });
    for (const [ledger, rows] of Object.entries(bureau())) {
      const synced = await service.admin.post(`/api/ledgers/${ledger}/sync?asOf=2026-05-17`, { rows: rows.map((values) => ({ values })) });
      assert.equal(synced.status, 200, synced.text.slice(0, 500));
    }
  });
  after(() => sandbox.cleanUp());

  it('answers 12 complete weeks by default, oldest first, the current week left out', async () => {
    // Measured: 12 weeks over the test bureau's few hundred rows take about 0.8 s (each computed week
    // a full report, the worker's start included).
    const reply = await service.admin.get('/api/reports/trend');
    assert.equal(reply.status, 200, reply.text.slice(0, 500));
    assert.equal(reply.body.length, 12);
    assert.deepEqual(
      [reply.body[0].week, reply.body[0].from, reply.body[11].week, reply.body[11].from, reply.body[11].to],
      ['2026-W09', '2026-02-23', '2026-W20', '2026-05-11', '2026-05-17'],
    );
    assert.deepEqual(weeksOf(reply.body.filter((week: { source: string }) => week.source === 'stored')), ['2026-W19']);
  });

  it("gives 2026-W20 exactly the figures of that week's 周通报, the hand-counted ones", async () => {
    const trend = await service.admin.get('/api/reports/trend?weeks=3&asOf=2026-05-17');
    const weekly = await service.admin.get('/api/reports/weekly?week=2026-W20&asOf=2026-05-17');
    const last = trend.body.at(-1);
    assert.deepEqual(weeksOf(trend.body), ['2026-W18', '2026-W19', '2026-W20']);
    assert.equal(last.source, 'computed');
    assert.deepEqual(trendFigures(last), figuresOf(weekly.body));
    // weekly-report.test.ts: 速执 40 received, 10 closed, 50 open, 8 overdue; 特执 9/0/9/0; 首执 0/4/58/0; 执恢 4/2/2/0.
    assert.deepEqual(last.teams[0], { team: '速执团队', received: 40, closed: 10, closeRate: 0.25, open: 50, overdue: 8 });
    assert.deepEqual(last.bureau, { received: 53, closed: 16, closeRate: 0.3019, open: 119, overdue: 8 });
    assert.equal(last.paymentsOverdue, 3);
  });

  it("gives an earlier week that week's own counts, as of its Sunday", async () => {
    const trend = await service.admin.get('/api/reports/trend?weeks=3&asOf=2026-05-17');
    const weekly = await service.admin.get('/api/reports/weekly?week=2026-W18&asOf=2026-05-03');
    const [w18, , w20] = trend.body;
    assert.deepEqual([w18.week, w18.source], ['2026-W18', 'computed']);
    assert.deepEqual(trendFigures(w18), figuresOf(weekly.body));
    assert.ok(w18.bureau.open > 0);
    assert.notDeepEqual(w18.bureau, w20.bureau);
  });

  it('reads a week whose report was kept from the figures kept with it, not counted again', async () => {
    const trend = await service.admin.get('/api/reports/trend?weeks=2&asOf=2026-05-17');
    const again = await service.admin.get('/api/reports/weekly?week=2026-W19&asOf=2026-05-10');
    const [w19] = trend.body;
    assert.deepEqual([w19.week, w19.source], ['2026-W19', 'stored']);
    // Kept on Monday 05-18 over an empty store; counted now, the same week has the bureau's cases.
    assert.deepEqual(w19.bureau, { received: 0, closed: 0, closeRate: null, open: 0, overdue: 0 });
    assert.ok(figuresOf(again.body).teams.some((team) => team.open > 0));
  });

  it('ends with the week before when asOf is not yet a Sunday', async () => {
    const reply = await service.admin.get('/api/reports/trend?weeks=1&asOf=2026-05-16');
    assert.deepEqual(weeksOf(reply.body), ['2026-W19']);
  });

  it('refuses a number of weeks that is not an integer from 1 to 52, and a repeated one', async () => {
    for (const weeks of ['0', '53', '1.5', 'abc', '-3', '012']) {
      assert.match(assertError(await service.admin.get(`/api/reports/trend?weeks=${weeks}`), 400, 'bad_weeks'), /1 至 52/);
    }
    assertError(await service.admin.get('/api/reports/trend?weeks=3&weeks=4'), 400, 'repeated_parameter');
    assertError(await service.admin.get('/api/reports/trend?asOf=2026-13-01'), 400, 'bad_date');
    assertError(await service.anonymous.get('/api/reports/trend'), 401);
  });
});
