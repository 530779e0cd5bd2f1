// The 周通报's summary sentences, over the constructed bureau's report of 2026-W20 and variations
// of it: each sentence there only when its figure says something, 上升/下降 against last week,
// every number the report's.

import assert from 'node:assert/strict';
import { reportSummary, type SummaryTopic } from '../../../service/domain/report/summary.ts';
import type { WeeklyReport } from '../../../service/domain/report/weekly-report.ts';
import { bureau } from './bureau.ts';
import { reportOf } from './rows.ts';

const topics = (report: WeeklyReport, lastWeek: Parameters<typeof reportSummary>[1] = null) =>
  reportSummary(report, lastWeek).map((sentence) => sentence.topic);
const sentence = (report: WeeklyReport, topic: SummaryTopic, lastWeek: Parameters<typeof reportSummary>[1] = null) =>
  reportSummary(report, lastWeek).find((item) => item.topic === topic)?.text;

/** The report with every team's figures replaced (the others kept). */
const withTeams = (report: WeeklyReport, figures: Partial<WeeklyReport['teams'][number]>) => ({
  ...report,
  teams: report.teams.map((team) => ({ ...team, ...figures })),
});

describe('the 周通报 summary', () => {
  const report = reportOf('2026-W20', '2026-05-17', bureau());
  const received = report.teams.reduce((sum, team) => sum + team.received, 0);
  const closed = report.teams.reduce((sum, team) => sum + team.closed, 0);

  it("says the week's intake, closures and closure rate from the team figures", () => {
    assert.deepEqual(reportSummary(report, null).slice(0, 3), [
      { topic: 'received', text: `本周收案 ${received} 件。` },
      { topic: 'closed', text: `本周结案 ${closed} 件。` },
      { topic: 'closeRate', text: `结案率 ${Math.round((closed / received) * 10_000) / 100}%。` },
    ]);
  });

  it('compares each with last week: 上升, 下降 or 持平, and by how much', () => {
    const lastWeek = { received: received - 5, closed: closed + 2, closeRate: 0.25 };
    assert.equal(sentence(report, 'received', lastWeek), `本周收案 ${received} 件，较上周上升 5 件。`);
    assert.equal(sentence(report, 'closed', lastWeek), `本周结案 ${closed} 件，较上周下降 2 件。`);
    const points = Math.round((closed / received) * 10_000) / 100 - 25;
    assert.equal(
      sentence(report, 'closeRate', lastWeek),
      `结案率 ${Math.round((closed / received) * 10_000) / 100}%，较上周上升 ${Math.round(points * 100) / 100} 个百分点。`,
    );
    assert.equal(sentence(report, 'received', { received, closed, closeRate: null }), `本周收案 ${received} 件，与上周持平。`);
    assert.equal(
      sentence(report, 'closeRate', { received, closed, closeRate: null }),
      `结案率 ${Math.round((closed / received) * 10_000) / 100}%。`,
    );
  });

  it('leaves out intake and closures when neither week had any, and the rate when nothing was received', () => {
    const quiet = withTeams(report, { received: 0, closed: 0 });
    assert.deepEqual(
      topics(quiet, { received: 0, closed: 0, closeRate: null }).filter((topic) => ['received', 'closed', 'closeRate'].includes(topic)),
      [],
    );
    assert.equal(sentence(quiet, 'received', { received: 4, closed: 0, closeRate: 0 }), '本周收案 0 件，较上周下降 4 件。');
  });

  it('names the team with the most 超期未结, both when two share it, and says nothing when none is overdue', () => {
    const total = report.teams.reduce((sum, team) => sum + team.overdue, 0);
    const most = Math.max(...report.teams.map((team) => team.overdue));
    const worst = report.teams.find((team) => team.overdue === most)!.team;
    assert.equal(sentence(report, 'overdue'), `超期未结案件共 ${total} 件，其中${worst}最多，为 ${most} 件。`);
    const tied = { ...report, teams: report.teams.map((team, index) => ({ ...team, overdue: index < 2 ? 7 : 1 })) };
    assert.equal(sentence(tied, 'overdue'), `超期未结案件共 16 件，其中${report.teams[0].team}、${report.teams[1].team}最多，各 7 件。`);
    assert.ok(!topics(withTeams(report, { overdue: 0 })).includes('overdue'));
  });

  it('says the 案款 past their period with their amount, the measures to lift and the detentions to release, only when there are any', () => {
    assert.equal(sentence(report, 'payments'), `超过发放期限未发放的案款 ${report.payments.over30} 笔，金额 3,000 元，请尽快发放。`);
    assert.equal(report.payments.over30Amount, 3_000);
    assert.equal(sentence(report, 'revocation'), `待解除、待删除、待撤控的措施 ${report.measures.pendingRevocation} 项，请及时办理。`);
    const release = report.nodes.find((node) => node.node === '拘留·期满释放')!;
    assert.ok(release.openOverdue > 0);
    assert.equal(sentence(report, 'release'), `拘留期满应释放未释放 ${release.openOverdue} 人，请立即核实并办理解除。`);
    const clear = {
      ...report,
      payments: { ...report.payments, over30: 0, over30Amount: 0 },
      measures: { ...report.measures, pendingRevocation: 0 },
      nodes: report.nodes.map((node) => ({ ...node, openOverdue: 0 })),
    };
    assert.deepEqual(
      topics(clear).filter((topic) => ['payments', 'revocation', 'release'].includes(topic)),
      [],
    );
  });
});
