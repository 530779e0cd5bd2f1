// The 看板's alert list and case page over hand-made evaluations: which nodes are alerts, whose team
// and 承办人 they carry, their order, the filter's choices and paging, and what a case row shows.

import assert from 'node:assert/strict';
import { alertPage, alertsOf, caseOwners, type EvaluatedLedgerRow, type LedgerRows } from '../../service/domain/alerts.ts';
import { casePage } from '../../service/domain/case-page.ts';
import type { NodeResult, NodeState } from '../../service/domain/ledger.ts';
import { casesLedger } from '../../service/domain/ledgers/cases/definition.ts';
import { detentionsLedger } from '../../service/domain/ledgers/detentions/definition.ts';
import { disposalsLedger } from '../../service/domain/ledgers/disposals/definition.ts';
import { LEDGERS } from '../../service/domain/ledgers/index.ts';

const A = '（2026）豫0102执1号';
const B = '（2026）豫0102执2号';

function node(id: string, name: string, state: NodeState, dueOn: string, daysLeft: number | null): NodeResult {
  return { id, name, dueOn, doneOn: daysLeft === null ? dueOn : null, state, daysLeft, basis: `${name}的依据`, steps: `${name}的计算过程` };
}

const row = (rowId: string, values: EvaluatedLedgerRow['values'], nodes: NodeResult[], status: EvaluatedLedgerRow['status'] = {}) => ({
  rowId,
  values,
  raw: {},
  status,
  nodes,
});

const ledgers: LedgerRows[] = [
  {
    ledger: casesLedger,
    rows: [
      row(
        'a',
        { caseNo: A, respondent: '甲公司', handler: '张法官 11010519491231002X', triagedOn: '2026-04-07' },
        [node('close', '结案', '超期', '2026-04-14', -36), node('archive', '归档', '正常', '2026-06-01', 12)],
        { team: '速执团队', closeDue: '2026-04-14' },
      ),
      // Proposed to a team but not yet assigned (no 分流日期): no team on the list.
      row('b', { caseNo: B, respondent: '乙', handler: '李法官' }, [node('transfer', '流转', '临期', '2026-05-21', 1)], {
        team: '首执团队',
      }),
    ],
  },
  {
    ledger: detentionsLedger,
    rows: [
      row('d', { caseNo: A, person: '王某', personId: '11010519491231002X', decidedOn: '2026-05-01' }, [
        node('release', '期满释放', '超期', '2026-05-06', -14),
      ]),
    ],
  },
  {
    ledger: disposalsLedger,
    rows: [
      row('p', { caseNo: B, property: '房产' }, [
        node('objection', '异议期', '超期', '2026-05-01', -19),
        node('ruling', '拍卖裁定', '临期', '2026-05-21', 1),
        node('reportService', '报告送达', '已完成', '2026-05-02', null),
      ]),
    ],
  },
];

describe('the 看板’s alerts', () => {
  const alerts = alertsOf(ledgers, caseOwners(ledgers));

  it('lists the open deadline nodes in 超期 or 临期, never an informational one, most overdue first', () => {
    assert.deepEqual(
      alerts.map((alert) => [alert.ledgerId, alert.node, alert.daysLeft]),
      [
        ['cases', '结案', -36],
        ['detentions', '期满释放', -14],
        ['cases', '流转', 1],
        ['disposals', '拍卖裁定', 1],
      ],
    );
  });

  it("gives each the case's team once assigned, the row's 承办人 or else the case's, identity numbers masked", () => {
    const [close, release, transfer, ruling] = alerts;
    assert.deepEqual([close.team, close.party, close.handler], ['速执团队', '甲公司', '张法官 1101**********002X']);
    assert.deepEqual([release.team, release.party, release.handler], ['速执团队', '王某', '张法官 1101**********002X']);
    assert.deepEqual([transfer.team, ruling.team, ruling.party, ruling.handler], ['', '', '', '李法官']);
  });

  it('filters, pages (a page past the last gives the last) and offers the choices found in every alert', () => {
    const page = alertPage(alerts, LEDGERS, { team: '速执团队' }, 9, 1);
    assert.deepEqual([page.total, page.overdue, page.dueSoon, page.page, page.pages], [2, 2, 0, 2, 2]);
    assert.deepEqual(
      page.alerts.map((alert) => alert.node),
      ['期满释放'],
    );
    assert.deepEqual(page.options, {
      ledgers: [
        { id: 'cases', name: casesLedger.name },
        { id: 'disposals', name: disposalsLedger.name },
        { id: 'detentions', name: detentionsLedger.name },
      ],
      teams: ['速执团队'],
      nodes: [...new Set(alerts.map((alert) => alert.node))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
      handlers: ['李法官', '张法官 1101**********002X'],
    });
    assert.deepEqual(alertPage(alerts, LEDGERS, { ledger: 'fines' }, 1, 20).pages, 1);
  });
});

describe('the case page', () => {
  const only = (caseNo: string) =>
    ledgers.map(({ ledger, rows }) => ({ ledger, rows: rows.filter((entry) => entry.values.caseNo === caseNo) }));

  it("holds every ledger's rows of the case, each named by its own columns, its nodes in the order they fall due", () => {
    const page = casePage(A, only(A), caseOwners(only(A)).get(A));
    assert.deepEqual([page.team, page.handler], ['速执团队', '张法官 1101**********002X']);
    assert.deepEqual(
      page.ledgers.map((ledger) => ledger.ledgerId),
      ['cases', 'detentions'],
    );
    const [cases, detentions] = page.ledgers;
    assert.deepEqual(cases.rows[0].fields.slice(0, 2), [
      { header: '被执行人', value: '甲公司' },
      { header: '承办人', value: '张法官 1101**********002X' },
    ]);
    assert.ok(cases.rows[0].fields.some((field) => field.header === '结案期限' && field.value === '2026-04-14'));
    assert.deepEqual(
      detentions.rows[0].fields.map((field) => field.header),
      ['被拘留人', '拘留决定日期'],
    );
    assert.deepEqual(
      cases.rows[0].nodes.map((entry) => [entry.name, entry.basis, entry.steps]),
      [
        ['结案', '结案的依据', '结案的计算过程'],
        ['归档', '归档的依据', '归档的计算过程'],
      ],
    );
  });

  it('marks the informational nodes', () => {
    const page = casePage(B, only(B), undefined);
    const disposal = page.ledgers.find((ledger) => ledger.ledgerId === 'disposals')!;
    assert.deepEqual(
      disposal.rows[0].nodes.map((entry) => [entry.name, entry.informational]),
      [
        ['异议期', true],
        ['报告送达', false],
        ['拍卖裁定', false],
      ],
    );
  });
});
