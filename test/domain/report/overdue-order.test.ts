// The order of the 周通报's overdue list (超期节点清单) where many nodes share their days overdue:
// ledger, then case number and node name by plain text order, then the order the rows came in.

import assert from 'node:assert/strict';
import type { NodeResult } from '../../../service/domain/ledger.ts';
import type { EvaluatedRow } from '../../../service/domain/report/evaluation.ts';
import type { CaseFacts } from '../../../service/domain/report/sections/cases.ts';
import { overdueNodes } from '../../../service/domain/report/sections/nodes.ts';

const CASE_NODES = [
  ['close', '结案'],
  ['archive', '归档'],
  ['transfer', '流转'],
  ['notice', '执行通知'],
] as const;

function overdue(id: string, name: string, daysOverdue: number): NodeResult {
  return { id, name, dueOn: '2026-05-01', doneOn: null, state: '超期', daysLeft: -daysOverdue, basis: '', steps: '' };
}

function facts(caseNo: string, team: string): CaseFacts {
  const dates = { filedOn: null, triagedOn: null, closedOn: null };
  return {
    caseNo,
    team,
    handler: '',
    ...dates,
    firstExecution: true,
    overridden: false,
    ruleId: null,
    close: undefined,
    archive: undefined,
  };
}

function row(ledgerId: string, index: number, caseNo: string, handler: string, nodes: NodeResult[]): EvaluatedRow {
  return { row: { rowId: `${ledgerId}-${index}`, values: { caseNo, handler } }, status: {}, nodes, fixed: undefined };
}

describe('weekly report: the overdue list where nodes share their days overdue', () => {
  it('orders by ledger, then case number as text (执10号 before 执2号), then node name, then the rows’ own order', () => {
    const evaluated = new Map<string, EvaluatedRow[]>([
      [
        'cases',
        [
          row('cases', 0, '（2026）豫0102执2号', '甲', [overdue('close', '结案', 5), overdue('archive', '归档', 5)]),
          row('cases', 1, '（2026）豫0102执10号', '乙', [overdue('close', '结案', 5)]),
          // The same case number twice (the cases ledger's own error): both listed, in their order.
          row('cases', 2, '（2026）豫0102执10号', '丙', [overdue('close', '结案', 5)]),
          row('cases', 3, '（2025）豫0102执9号', '丁', [overdue('close', '结案', 9)]),
        ],
      ],
      ['payments', [row('payments', 0, '（2025）豫0102执1号', '戊', [overdue('disburse', '发放', 5)])]],
    ]);
    // Each case row's own team: the second 执10号 row was triaged to another team than the first.
    const teams = ['速执团队', '特执团队', '首执团队', '执恢团队'];
    const caseRows = evaluated.get('cases')!.map(({ row: { values } }, index) => facts(String(values.caseNo), teams[index]));
    const byCaseNo = new Map([['（2025）豫0102执1号', facts('（2025）豫0102执1号', '执恢团队')]]);
    const listed = overdueNodes(evaluated, byCaseNo, caseRows).map(
      (node) => `${node.daysOverdue} ${node.ledger} ${node.caseNo} ${node.node} ${node.handler} ${node.team}`,
    );
    assert.deepEqual(listed, [
      '9 执行案件流转台账 （2025）豫0102执9号 结案 丁 执恢团队',
      '5 执行案件流转台账 （2026）豫0102执10号 结案 乙 特执团队',
      '5 执行案件流转台账 （2026）豫0102执10号 结案 丙 首执团队',
      '5 执行案件流转台账 （2026）豫0102执2号 归档 甲 速执团队',
      '5 执行案件流转台账 （2026）豫0102执2号 结案 甲 速执团队',
      '5 案款台账 （2025）豫0102执1号 发放 戊 执恢团队',
    ]);
  });

  it('lists 3,249 nodes over a few days in the order one stable sort of them by days, ledger, case number and node gives', () => {
    const cases: EvaluatedRow[] = [];
    const payments: EvaluatedRow[] = [];
    for (let index = 0; index < 1_000; index++) {
      // Case numbers repeat and run out of numeric order; each row has two to four overdue nodes.
      const caseNo = `（${2024 + (index % 3)}）豫0102执${(index * 7919) % 613}号`;
      const nodes = CASE_NODES.slice(0, 2 + (index % 3)).map(([id, name], at) => overdue(id, name, (index + at) % 4));
      cases.push(row('cases', index, caseNo, `承办人${index}`, nodes));
      if (index % 4 === 0) payments.push(row('payments', index, caseNo, `书记员${index}`, [overdue('notify', '到账通知', index % 4)]));
    }
    const line = (days: number, ledger: string, caseNo: string, node: string, handler: string) => ({ days, ledger, caseNo, node, handler });
    const given = [
      ...cases.flatMap(({ row: { values }, nodes }) =>
        nodes.map((node) => line(-node.daysLeft!, '执行案件流转台账', String(values.caseNo), node.name, String(values.handler))),
      ),
      ...payments.flatMap(({ row: { values }, nodes }) =>
        nodes.map((node) => line(-node.daysLeft!, '案款台账', String(values.caseNo), node.name, String(values.handler))),
      ),
    ];
    const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const expected = given.sort(
      (a, b) =>
        b.days - a.days ||
        Number(a.ledger === '案款台账') - Number(b.ledger === '案款台账') ||
        plain(a.caseNo, b.caseNo) ||
        plain(a.node, b.node),
    );
    const listed = overdueNodes(
      new Map([
        ['cases', cases],
        ['payments', payments],
      ]),
      new Map(),
    ).map((node) => line(node.daysOverdue, node.ledger, node.caseNo, node.node, node.handler));
    assert.equal(listed.length, 3_249);
    assert.deepEqual(listed, expected);
  });
});
