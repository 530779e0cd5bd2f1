// The weekly report as of a day within the week, as of a later day, and at the week's edges.

import assert from 'node:assert/strict';
import { bureau } from './bureau.ts';
import { reportOf } from './rows.ts';

describe('weekly report: the day the figures are taken at', () => {
  it('as of Wednesday, leaves out what happened after it: later closures, triage, receipts and releases', () => {
    const report = reportOf('2026-W20', '2026-05-13', bureau());
    assert.equal(report.asOf, '2026-05-13');
    const team = (name: string) => report.teams.find((figures) => figures.team === name)!;
    // g2 closes on Thursday: open on Wednesday; g4's closing (due 05-19) is 6 days off, not yet 临期; g18 in
    // 中止 since 04-10: 34 days not counted by Wednesday, closing due 05-18, not overdue.
    assert.deepEqual(team('速执团队'), {
      team: '速执团队',
      received: 40,
      closed: 0,
      open: 60,
      overdue: 8,
      dueSoon: 0,
      avgDaysToClose: null,
      closeRate: 0,
    });
    // g5 is triaged on Thursday, g8 on Friday: only g6 has reached 特执团队, and nothing 执恢团队.
    assert.deepEqual([team('特执团队').received, team('特执团队').open, team('执恢团队').received, team('执恢团队').open], [3, 3, 0, 0]);
    assert.deepEqual([team('首执团队').closed, team('首执团队').avgDaysToClose], [4, 72]);
    // p1 (Tue), p6 (Mon), p8 (Wed); p2 arrives on Friday.
    assert.deepEqual([report.payments.received, report.payments.receivedAmount], [9, 96_000]);
    assert.deepEqual(report.archive, { closed: 4, archivedOnTime: 0, archiveOverdue: 7 });
    // The 限制消费 of the case paid in full on Wednesday and the 失信 whose term ended 05-07 (待删除); the g2 closure
    // comes on Thursday, and the 失信 ending on Wednesday 05-13 is 待删除 only from Thursday.
    assert.equal(report.measures.pendingRevocation, 2);
    assert.equal(report.measures.summons, 3);
  });

  it('as of a day after the week, is the report as of its Sunday', () => {
    const rows = bureau();
    assert.deepEqual(reportOf('2026-W20', '2026-11-26', rows), reportOf('2026-W20', '2026-05-17', rows));
  });

  it('refuses a day before the week', () => {
    assert.throws(() => reportOf('2026-W20', '2026-05-10', bureau()), RangeError);
  });

  it('puts Sunday 23:59 at the court in the week and Monday 00:00 in the next, however the time was written', () => {
    const closedAt = (closedOn: string, serial: number) => ({
      caseNo: `（2026）豫0102执保${serial}号`,
      filedOn: '2026-05-06',
      respondent: '甲',
      closedOn,
      closureMode: '执行完毕',
    });
    const rows = {
      cases: [
        closedAt('2026-05-17T15:59:00Z', 1),
        closedAt('2026-05-17T16:00:00Z', 2),
        closedAt('2026-05-17T23:59:00+08:00', 3),
        closedAt('2026-05-18T00:00:00+08:00', 4),
      ],
      summons: [
        {
          caseNo: '（2026）豫0102执保1号',
          person: '甲',
          summonedOn: '2026-05-08',
          arrivedAt: '2026-05-17 23:59',
          endedAt: '2026-05-18 01:00',
        },
        {
          caseNo: '（2026）豫0102执保2号',
          person: '乙',
          summonedOn: '2026-05-08',
          arrivedAt: '2026-05-18 00:00',
          endedAt: '2026-05-18 01:00',
        },
      ],
    };
    const week20 = reportOf('2026-W20', '2026-05-17', rows);
    const week21 = reportOf('2026-W21', '2026-05-24', rows);
    assert.deepEqual([week20.archive.closed, week21.archive.closed], [2, 2]);
    assert.deepEqual([week20.measures.summons, week21.measures.summons], [1, 1]);
  });

  it('counts ISO week 1 from the last Monday of December, and week 53 into January', () => {
    const filed = (filedOn: string, serial: number) => ({
      caseNo: `（2026）豫0102执保${serial}号`,
      filedOn,
      respondent: '甲',
      receptionOn: filedOn,
    });
    const rows = {
      cases: [
        filed('2025-12-28', 1),
        filed('2025-12-29', 2),
        filed('2026-01-04', 3),
        filed('2026-12-27', 4),
        filed('2026-12-28', 5),
        filed('2027-01-03', 6),
        filed('2027-01-04', 7),
      ],
    };
    const reception = (week: string, asOf: string) => reportOf(week, asOf, rows).nodes.find((node) => node.node === '初次接待')!;
    assert.deepEqual([reception('2026-W01', '2026-01-04').dueThisWeek, reception('2026-W01', '2026-01-04').doneOnTime], [2, 2]);
    const week53 = reportOf('2026-W53', '2027-02-01', rows);
    assert.deepEqual([week53.from, week53.to, week53.asOf], ['2026-12-28', '2027-01-03', '2027-01-03']);
    assert.equal(week53.nodes.find((node) => node.node === '初次接待')!.doneOnTime, 2);
  });
});
