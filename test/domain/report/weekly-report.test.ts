// The weekly report of 2026-W20 over the constructed bureau (bureau.ts), every figure counted by
// hand from the groups of rows. g1…g17 are the case groups, p1…p10 the payment groups.

import assert from 'node:assert/strict';
import { defaultRules } from '../../../service/domain/rules.ts';
import { bureau, GROUPS } from './bureau.ts';
import { reportOf } from './rows.ts';

describe('weekly report: a constructed bureau, 2026-W20 as of Sunday 2026-05-17', () => {
  const report = reportOf('2026-W20', '2026-05-17', bureau());

  it('names the week', () => {
    assert.deepEqual([report.week, report.from, report.to, report.asOf], ['2026-W20', '2026-05-11', '2026-05-17', '2026-05-17']);
  });

  it('counts each team', () => {
    assert.deepEqual(report.teams, [
      // received: g1 30 + g4 5 + g11 5 (closed after Sunday); closed: g2 10; open: g1 30 + g3 8 + g4 5 + g11 5 + g18 2;
      // overdue: g3 (due 04-14), not g18 (in 中止: due 05-22); 临期: g4 (due 05-19, 2 days);
      // g2 took 24 days from filing (04-20 → 05-14); 10 / 40.
      { team: '速执团队', received: 40, closed: 10, open: 50, overdue: 8, dueSoon: 5, avgDaysToClose: 24, closeRate: 0.25 },
      // g5 6 by rule 1 + g6 3 by 分流调整, all open within their period.
      { team: '特执团队', received: 9, closed: 0, open: 9, overdue: 0, dueSoon: 0, avgDaysToClose: null, closeRate: 0 },
      // Nothing triaged to it this week; g7 closed 4 in 72 days (03-02 → 05-13); open: g7 8 + g17 50.
      { team: '首执团队', received: 0, closed: 4, open: 58, overdue: 0, dueSoon: 0, avgDaysToClose: 72, closeRate: null },
      // g8: 4 received, 2 closed; 执恢 cases are not 首执, so no average.
      { team: '执恢团队', received: 4, closed: 2, open: 2, overdue: 0, dueSoon: 0, avgDaysToClose: null, closeRate: 0.5 },
    ]);
  });

  it('counts every node of every ledger', () => {
    const rows = Object.fromEntries(report.nodes.map(({ node, ...figures }) => [node, Object.values(figures)]));
    assert.deepEqual(rows, {
      // [dueThisWeek, doneOnTime, doneLate, openOverdue]
      初次接待: [14, 14, 0, 0], // filed in the week: g5 6, g6 3, g8 4, g14 1
      执行通知: [5, 9, 0, 0], // due: g4 (05-14); done: g5 6, g6 3
      恢复告知: [0, 4, 0, 0], // done: g8 4 (执恢 cases)
      流转: [5, 49, 0, 3], // due: g4; done: g1 30, g4 5, g5 6, g6 3, g11 5; g13 never transferred
      繁简分流: [53, 47, 6, 0], // transferred in the week: g1 30, g4 5, g5 6, g6 3, g8 4, g11 5; g5 triaged a day late
      结案: [0, 16, 0, 8], // closed: g2 10, g7 4, g8 2; g3 overdue
      拍卖裁定: [2, 1, 0, 2], // two g7 cases due 05-11, not ruled; one ruled on time
      归档: [0, 6, 3, 7], // g2 6 on time, g10 3 late, g9 7 overdue
      '案款·到账通知': [11, 7, 2, 2], // received: p1 6, p2 2, p6 2, p8 1; on time p1, p8; late p6; p2 never
      '案款·发放': [3, 6, 0, 3], // p4 due 05-11 and overdue; p5 5 and p8 1 on time
      '财产处置·启动定价': [2, 1, 0, 1], // due 05-11 (房产甲, not started) and 05-13 (车辆乙, started 05-12)
      '财产处置·拍卖裁定': [2, 0, 0, 1], // due 05-11 (房产甲, not ruled) and 05-13 (车辆乙, ruled 05-06, before the week)
      '财产处置·询价/评估报告': [2, 2, 0, 1],
      '财产处置·报告送达': [1, 1, 0, 0],
      '财产处置·启动拍卖': [0, 0, 0, 0],
      '财产处置·再次拍卖': [1, 1, 0, 0], // 车辆戊: due 05-13, announced 05-12
      '拘传·询问时限': [3, 3, 0, 0], // the Sunday 23:59 questioning ends 05-18, after the week
      '拘留·通知家属': [2, 1, 1, 0], // due 05-13: 甲0 told on time, 甲1 late; 乙's (due 05-02) closed by a recorded reason
      '拘留·期满释放': [0, 0, 0, 1],
      '律师调查令·交回': [0, 0, 0, 1],
      '人员临控·布控到期': [0, 0, 0, 0],
      '车辆临控·布控到期': [0, 0, 0, 0],
      '网上查控与惩戒措施·续行': [2, 1, 0, 2], // due: the freezes ending 05-14 and 05-17; the one revoked 05-14; lapsed 04-30 and 05-14
      '网上查控与惩戒措施·解除': [0, 0, 0, 0], // due 05-19 and 05-18, after the week
      '网上查控与惩戒措施·删除': [1, 0, 0, 1], // the 失信 ended 05-07, due 05-11, not deleted; the one ended 05-13 is due 05-18
      '拒执·公安立案决定': [0, 0, 0, 0],
    });
  });

  it('counts the triage of the week by team and rule, in the order of the teams and the rules', () => {
    assert.deepEqual(report.triage, [
      { team: '速执团队', rule: '规则3「财产足额或自动履行」', count: 5 },
      { team: '速执团队', rule: '规则9「标的额5万元以下」', count: 35 },
      { team: '特执团队', rule: '规则1「被执行人为党政机关或涉党政机关」', count: 6 },
      { team: '特执团队', rule: '分流调整', count: 3 },
      { team: '执恢团队', rule: '兜底规则', count: 4 },
    ]);
    assert.equal(report.overrides, 3);
  });

  it('counts the payments', () => {
    assert.deepEqual(report.payments, {
      received: 11, // p1 6, p2 2, p6 2, p8 1
      receivedAmount: 101_001, // 60,000 + 5,001 + 6,000 + 30,000
      unnotified: 2, // p2
      remind: 8, // p1 (day 5), p6 (day 6: disbursed after Sunday)
      report: 8, // p3 (day 13), p4 (day 37), p10 (day 23, its 14 days held not counted); not p9, held
      held: 2, // p9
      over30: 3, // p4; not p9 (held) nor p10 (due 05-25 with its days held)
      over30Amount: 3_000, // p4
      pendingAmount: 114_001, // p1 60,000 + p2 5,001 + p3 32,000 + p4 3,000 + p6 6,000 + p9 4,000 + p10 4,000
    });
  });

  it('counts the compulsory measures', () => {
    assert.deepEqual(report.measures, {
      summons: 4, // three on Wednesday and one at Sunday 23:59; not the one at Monday 00:00
      detentions: 2,
      fines: 2,
      fineAmount: 70_000,
      personControls: 2,
      vehicleControls: 1,
      ordersIssued: 2,
      ordersOverdue: 1,
      refusalsTransferred: 1, // not the one transferred the Monday after
      published: 3,
      revoked: 1,
      // 待解除: the 失信 without a term of a case closed 05-14, the 限制消费 of the case paid in full 05-13, the control of a closed case;
      // the 失信 with a term in the same case (deleted on the closure too, due 05-19); 待删除: the two 失信 whose terms ended 05-07 and 05-13.
      pendingRevocation: 6,
      lapsed: 1, // the freeze ending 05-14; not the one ending 04-30, nor the one ending on Sunday
    });
  });

  it('counts closures and archiving', () => {
    assert.deepEqual(report.archive, { closed: 17, archivedOnTime: 6, archiveOverdue: 7 }); // closed: g2 10, g7 4, g8 2, g14 1
  });

  it('lists every overdue node, longest overdue first, with team and handler, identity numbers masked', () => {
    const lines = report.overdue.map((item) => `${item.ledger}|${item.node}|${item.dueOn}|${item.daysOverdue}|${item.team}`);
    const runs: Array<[string, number]> = [];
    for (const line of lines) {
      if (runs.at(-1)?.[0] === line) runs.at(-1)![1] += 1;
      else runs.push([line, 1]);
    }
    assert.deepEqual(runs, [
      ['执行案件流转台账|归档|2026-03-23|55|速执团队', 7],
      ['执行案件流转台账|结案|2026-04-14|33|速执团队', 8],
      ['网上查控与惩戒措施台账|续行|2026-04-30|17|首执团队', 1],
      ['拘留台账|期满释放|2026-05-05|12|首执团队', 1],
      ['财产处置台账|询价/评估报告|2026-05-06|11|首执团队', 1],
      ['律师调查令台账|交回|2026-05-06|11|首执团队', 1],
      ['执行案件流转台账|流转|2026-05-07|10|', 3],
      ['执行案件流转台账|拍卖裁定|2026-05-11|6|首执团队', 2],
      ['案款台账|发放|2026-05-11|6|速执团队', 3],
      ['财产处置台账|启动定价|2026-05-11|6|首执团队', 1],
      ['财产处置台账|拍卖裁定|2026-05-11|6|首执团队', 1],
      ['网上查控与惩戒措施台账|删除|2026-05-11|6|首执团队', 1],
      ['网上查控与惩戒措施台账|续行|2026-05-14|3|首执团队', 1],
      ['案款台账|到账通知|2026-05-15|2|速执团队', 2],
    ]);
    assert.ok(report.overdue.some((item) => item.handler === '张法官 1101**********002X'));
    assert.ok(!JSON.stringify(report).includes('11010519491231002X'));
    assert.deepEqual(
      new Set(report.overdue.filter((item) => item.ledger === '案款台账').map((item) => item.handler)),
      new Set(['李书记员']),
    );
    assert.deepEqual(new Set(report.overdue.filter((item) => item.node === '流转').map((item) => item.handler)), new Set(['事务中心']));
  });

  it('does not count a case in a running 中止 as 超期未结: g18 is open, not overdue, and not listed; without its 扣除期间 it would be', () => {
    const g18 = new Set(GROUPS.g18.map((row) => String(row.caseNo)));
    assert.ok(!report.overdue.some((item) => g18.has(item.caseNo)));
    const rows = bureau();
    rows.cases = rows.cases.map((row) => (g18.has(String(row.caseNo)) ? { ...row, deductions: null } : row));
    const without = reportOf('2026-W20', '2026-05-17', rows);
    assert.deepEqual([without.teams[0].open, without.teams[0].overdue], [50, 10]);
    assert.equal(without.overdue.filter((item) => g18.has(item.caseNo)).length, 2);
  });

  it('follows the rules configuration, since it counts what each ledger evaluates', () => {
    const rules = defaultRules();
    (rules.ledgers.payments as { nodes: { disburse: { period: { kind: 'days'; n: number } } } }).nodes.disburse.period.n = 5;
    const rule3 = (rules.ledgers.cases as { triage: { rules: Array<{ id: string; close: unknown }> } }).triage.rules.find(
      (rule) => rule.id === '3',
    )!;
    rule3.close = { from: 'triage', period: { kind: 'days', n: 60 }, roll: true };
    const configured = reportOf('2026-W20', '2026-05-17', bureau(), rules);
    // p3 (05-04 + 5 = 05-09, a make-up working Saturday) is now past its period too; p1 and p6 roll to 05-18.
    // p9 was held 04-20, after its 5 days ran out on 04-15: the hold does not undo the delay. p10 was
    // held in time (04-13): 04-15 + 14 held = 04-29, but 10 days from its resumption on 04-27 give
    // 05-07, also past.
    assert.equal(configured.payments.over30, 10);
    assert.equal(configured.payments.held, 2);
    // g3 has 60 days from 04-07 now: no longer overdue; g4 no longer 临期.
    const fast = configured.teams.find((team) => team.team === '速执团队')!;
    assert.deepEqual([fast.overdue, fast.dueSoon], [0, 0]);
  });
});
