// The 看板's routes through HTTP over the constructed bureau with one case in every ledger: the team
// cards equal the 周通报's team figures, worst team first; the alerts across every ledger sorted by
// urgency, filtered and paged; the case page holding every ledger's rows of a case.

import assert from 'node:assert/strict';
import { LEDGERS } from '../../service/domain/ledgers/index.ts';
import { GROUPS } from '../domain/report/bureau.ts';
import { DASHBOARD_AS_OF, startDashboardService, WIDE_CASE } from '../helpers/dashboard-bureau.ts';
import { assertError, Sandbox, type TestService } from '../helpers/service.ts';

interface Alert {
  ledgerId: string;
  ledger: string;
  caseNo: string;
  party: string;
  node: string;
  dueOn: string;
  daysLeft: number;
  state: string;
  handler: string;
  team: string;
}

interface Team {
  team: string;
  open: number;
  overdue: number;
  dueSoon: number;
  received: number;
  closed: number;
  closeRate: number | null;
}

const IDENTITY_NUMBER = /\d{17}[\dX]/;

describe('the 看板 through HTTP', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  before(async function () {
    // The start makes up twelve weekly reports (see startDashboardService).
    this.timeout(240_000);
    service = await startDashboardService(sandbox);
  });
  after(() => sandbox.cleanUp());

  async function alerts(
    query = '',
  ): Promise<{ total: number; overdue: number; dueSoon: number; page: number; pages: number; alerts: Alert[]; options: any }> {
    const reply = await service.admin.get(`/api/alerts${query}`);
    assert.equal(reply.status, 200, reply.text.slice(0, 500));
    return reply.body;
  }

  it("gives the team cards this week's figures as of today, exactly the 周通报's, the team with most 超期 first", async () => {
    const cards = await service.admin.get('/api/reports/teams');
    const weekly = await service.admin.get(`/api/reports/weekly?week=2026-W21&asOf=${DASHBOARD_AS_OF}`);
    assert.equal(cards.status, 200, cards.text.slice(0, 500));
    assert.deepEqual([cards.body.week, cards.body.from, cards.body.asOf], ['2026-W21', '2026-05-18', DASHBOARD_AS_OF]);
    const byTeam = (teams: Team[]) => [...teams].sort((a, b) => a.team.localeCompare(b.team));
    assert.deepEqual(byTeam(cards.body.teams), byTeam(weekly.body.teams));
    const overdue = cards.body.teams.map((team: Team) => team.overdue);
    assert.deepEqual(
      overdue,
      [...overdue].sort((a, b) => b - a),
    );
    // 速执: g3's eight cases whose closing fell due on 04-14 and g4's five due on Tuesday 05-19.
    assert.deepEqual([cards.body.teams[0].team, cards.body.teams[0].overdue], ['速执团队', 13]);
    // g11's five cases closed on Tuesday 05-19, in this week.
    assert.equal(cards.body.teams[0].closed, 5);
  });

  it("counts each team's 结案 超期 and 临期 alerts as the cards do", async () => {
    const cards = (await service.admin.get('/api/reports/teams')).body.teams as Team[];
    for (const team of cards) {
      const list = await alerts(`?ledger=cases&node=${encodeURIComponent('结案')}&team=${encodeURIComponent(team.team)}&pageSize=200`);
      assert.deepEqual([team.team, list.overdue, list.dueSoon], [team.team, team.overdue, team.dueSoon]);
    }
  });

  it('lists 超期 and 临期 of every ledger, most overdue first, then fewest days left, case numbers in the official form', async () => {
    const all = await alerts('?pageSize=200');
    assert.ok(all.total > 20 && all.total <= 200, String(all.total));
    assert.equal(all.alerts.length, all.total);
    const days = all.alerts.map((alert) => alert.daysLeft);
    assert.deepEqual(
      days,
      [...days].sort((a, b) => a - b),
    );
    assert.ok(all.alerts.every((alert) => (alert.daysLeft < 0 ? alert.state === '超期' : alert.state === '临期')));
    assert.ok(
      all.alerts.every((alert) => /^（\d{4}）豫0102执[恢保]?\d+号$/.test(alert.caseNo)),
      all.alerts[0].caseNo,
    );
    assert.equal(all.overdue + all.dueSoon, all.total);
    const ledgers = new Set(all.alerts.map((alert) => alert.ledgerId));
    for (const ledger of ['cases', 'payments', 'disposals', 'detentions', 'investigation-orders', 'person-controls'])
      assert.ok(ledgers.has(ledger), ledger);
    assert.doesNotMatch(JSON.stringify(all), IDENTITY_NUMBER);
  });

  it('names the party, the 承办人 (the case’s when the row has none, masked) and the team of each alert', async () => {
    const wide = (await alerts('?pageSize=200')).alerts.filter((alert) => alert.caseNo === WIDE_CASE);
    const detention = wide.find((alert) => alert.ledgerId === 'detentions');
    assert.deepEqual(detention && [detention.ledger, detention.party, detention.node, detention.state, detention.team, detention.handler], [
      '拘留台账',
      '拘留·宽',
      '期满释放',
      '超期',
      '速执团队',
      '张法官 1101**********002X',
    ]);
    const close = wide.find((alert) => alert.ledgerId === 'cases' && alert.node === '结案');
    assert.deepEqual(close && [close.dueOn, close.daysLeft, close.party], ['2026-04-14', -36, GROUPS.g3[0].respondent]);
  });

  it('narrows the list by ledger, team, node and 承办人, offering the choices found in the data', async () => {
    const all = await alerts('?pageSize=200');
    assert.deepEqual(
      all.options.ledgers.map((ledger: { id: string }) => ledger.id),
      LEDGERS.map((ledger) => ledger.id).filter((id) => all.alerts.some((alert) => alert.ledgerId === id)),
    );
    assert.ok(all.options.teams.includes('速执团队') && all.options.teams.includes('首执团队'), all.options.teams.join());
    assert.ok(all.options.nodes.includes('结案') && all.options.handlers.includes('李书记员'));
    for (const [name, field] of [
      ['ledger', 'ledgerId'],
      ['team', 'team'],
      ['node', 'node'],
      ['handler', 'handler'],
    ] as const) {
      const value = name === 'ledger' ? 'payments' : name === 'team' ? '首执团队' : name === 'node' ? '归档' : '李书记员';
      const narrowed = await alerts(`?${name}=${encodeURIComponent(value)}&pageSize=200`);
      const expected = all.alerts.filter((alert) => alert[field] === value);
      assert.ok(expected.length > 0 && expected.length < all.total, `${name}: ${expected.length}`);
      assert.deepEqual(narrowed.alerts, expected, name);
      assert.deepEqual(narrowed.options, all.options, 'the choices stay the same while narrowing');
    }
    const both = await alerts(`?ledger=cases&team=${encodeURIComponent('速执团队')}&pageSize=200`);
    assert.deepEqual(
      both.alerts,
      all.alerts.filter((alert) => alert.ledgerId === 'cases' && alert.team === '速执团队'),
    );
  });

  it('pages on the service, with the total; a page past the last gives the last', async () => {
    const all = await alerts('?pageSize=200');
    const first = await alerts('?pageSize=7');
    assert.deepEqual([first.total, first.page, first.pages, first.alerts.length], [all.total, 1, Math.ceil(all.total / 7), 7]);
    const pages = [first.alerts];
    for (let page = 2; page <= first.pages; page += 1) pages.push((await alerts(`?pageSize=7&page=${page}`)).alerts);
    assert.deepEqual(pages.flat(), all.alerts);
    const past = await alerts(`?pageSize=7&page=${first.pages + 5}`);
    assert.deepEqual([past.page, past.alerts], [first.pages, pages.at(-1)]);
    assert.equal((await alerts('')).alerts.length, 20);
  });

  it('opens the case page of a case typed in any accepted form, with every ledger’s rows and their node timelines', async () => {
    const typed = WIDE_CASE.replace('（', '(').replace('）', ') ');
    const reply = await service.admin.get(`/api/cases/${encodeURIComponent(typed)}`);
    assert.equal(reply.status, 200, reply.text.slice(0, 500));
    const page = reply.body;
    assert.deepEqual([page.caseNo, page.team, page.asOf], [WIDE_CASE, '速执团队', DASHBOARD_AS_OF]);
    assert.deepEqual(
      page.ledgers.map((ledger: { ledgerId: string }) => ledger.ledgerId),
      LEDGERS.map((ledger) => ledger.id),
    );
    const cases = page.ledgers[0].rows[0];
    const close = cases.nodes.find((node: { name: string }) => node.name === '结案');
    assert.deepEqual([close.dueOn, close.state, close.doneOn], ['2026-04-14', '超期', null]);
    assert.match(close.basis, /繁简分流|规则/);
    assert.ok(close.steps.length > 0);
    const dues = cases.nodes.map((node: { dueOn: string }) => node.dueOn);
    assert.deepEqual(dues, [...dues].sort());
    assert.ok(cases.fields.some((field: { header: string; value: string }) => field.header === '承办团队' && field.value === '速执团队'));
    const payment = page.ledgers.find((ledger: { ledgerId: string }) => ledger.ledgerId === 'payments').rows[0];
    assert.ok(payment.fields.some((field: { value: string }) => field.value === 'LS-WIDE'));
    assert.doesNotMatch(reply.text, IDENTITY_NUMBER);
  });

  it('refuses what is not a case number, says when no ledger has the case, and asks for a token', async () => {
    assert.match(
      assertError(await service.admin.get(`/api/cases/${encodeURIComponent('豫0102执1号')}`), 400, 'bad_case_no'),
      /不是有效的执行案号/,
    );
    assert.match(
      assertError(await service.admin.get(`/api/cases/${encodeURIComponent('（2026）豫0102执99999号')}`), 404, 'case_not_found'),
      /（2026）豫0102执99999号/,
    );
    assertError(await service.admin.get('/api/alerts?pageSize=0'), 400, 'bad_paging');
    assertError(await service.admin.get('/api/alerts?page=x'), 400, 'bad_paging');
    assertError(await service.admin.get('/api/alerts?ledger=nope'), 400, 'unknown_ledger');
    assertError(await service.anonymous.get('/api/alerts'), 401);
    assertError(await service.anonymous.get(`/api/cases/${encodeURIComponent(WIDE_CASE)}`), 401);
    assertError(await service.anonymous.get('/api/reports/teams'), 401);
  });
});
