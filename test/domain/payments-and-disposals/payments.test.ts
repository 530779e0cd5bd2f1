import assert from 'node:assert/strict';
import { defaultRules, validateRules } from '../../../service/domain/rules.ts';
import { evaluatorFor, messages, nodeOf } from '../../helpers/ledgers.ts';

const evaluate = evaluatorFor('payments');
const ROW = { caseNo: '（2026）豫0102执100号', receiptNo: 'LS1', receivedOn: '2026-03-02', amount: 15_000 };

type PaymentsConfig = {
  nodes: { disburse: { period: { kind: string; n: number }; roll: boolean } };
  aging: { remindFromDay: number; reportFromDay: number; source: string };
};

describe('payments ledger', () => {
  it('explains each node: its source, and the counting steps', () => {
    const result = evaluate(ROW, { asOf: '2026-03-02' });
    assert.equal(nodeOf(result, 'notify').basis, '《执行指挥中心各部门工作职责（试行）》（卷宗管理中心）：到账日期当日');
    assert.equal(nodeOf(result, 'disburse').steps, '到账日期 2026-03-02 起算 30 日，届满日 2026-04-01');
    assert.match(nodeOf(result, 'disburse').basis, /^《最高人民法院关于执行款物管理工作的规定》.*到账日期起30日内$/);
  });

  it('says why a payment is flagged, with the thresholds and their source', () => {
    assert.deepEqual(messages(evaluate({ ...ROW, notifiedOn: '2026-03-02' }, { asOf: '2026-03-05' }), 'disbursedOn', 'warning'), [
      '案款到账已 3 日尚未发放，处于「提醒」阶段（满 3 日提醒、满 7 日通报，《执行指挥中心各部门工作职责（试行）》（卷宗管理中心））',
    ]);
  });

  it('takes the disbursement period and the aging thresholds from the rules configuration', () => {
    const rules = defaultRules();
    const payments = rules.ledgers.payments as PaymentsConfig;
    payments.nodes.disburse.period.n = 5;
    payments.aging = { remindFromDay: 2, reportFromDay: 4, source: '本院案款催办办法' };
    const result = evaluate(ROW, { asOf: '2026-03-04', rules });
    assert.equal(nodeOf(result, 'disburse').dueOn, '2026-03-09', '5 days from Monday is Saturday, rolled to Monday');
    assert.equal(result.status.phase, '提醒');
    assert.equal(evaluate(ROW, { asOf: '2026-03-06', rules }).status.phase, '通报');
    assert.match(
      messages(evaluate(ROW, { asOf: '2026-03-06', rules }), 'disbursedOn', 'warning')[0],
      /满 2 日提醒、满 4 日通报，本院案款催办办法/,
    );
  });

  it('refuses aging thresholds out of order', () => {
    const rules = defaultRules();
    (rules.ledgers.payments as PaymentsConfig).aging.reportFromDay = 3;
    const result = validateRules(rules);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /ledgers\.payments\.aging.*提醒天数应小于通报天数/);
  });
});
