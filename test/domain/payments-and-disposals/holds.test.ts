// Lawful holds on a disbursement (暂缓发放, 《最高人民法院关于执行款物管理工作的规定》第十五条),
// every date counted by hand from the 2026 calendar: 国庆 is 10-01..10-07 with the make-up working
// days Sunday 09-20 and Saturday 10-10; 中秋 is 09-25..09-27.

import assert from 'node:assert/strict';
import { defaultRules, validateRules } from '../../../service/domain/rules.ts';
import { evaluatorFor, messages, nodeOf } from '../../helpers/ledgers.ts';

const evaluate = evaluatorFor('payments');
const ROW = { caseNo: '（2026）豫0102执100号', receiptNo: 'LS1', amount: 15_000 };
const SOURCE = '《最高人民法院关于执行款物管理工作的规定》(法发〔2017〕6号) 第十五条';

/** Received Thursday 08-20: 30 days end Saturday 09-19, which rolls to Sunday 09-20, a make-up working day. */
const AUGUST = { ...ROW, receivedOn: '2026-08-20', notifiedOn: '2026-08-20' };

describe('payments ledger: lawful holds (暂缓发放)', () => {
  it('without a hold, the end on Saturday 09-19 rolls to the make-up working Sunday 09-20', () => {
    const node = nodeOf(evaluate(AUGUST, { asOf: '2026-09-10' }), 'disburse');
    assert.equal(node.dueOn, '2026-09-20');
    assert.equal(node.steps, '到账日期 2026-08-20 起算 30 日，届满日 2026-09-19 为星期六（休息日），顺延至 2026-09-20');
  });

  it('deducts the 12 days held for a distribution: the end moves into 国庆 and rolls to 10-08', () => {
    // 08-25 → 09-06 is 12 days; 09-19 + 12 = 10-01, 国庆, so 10-08. Ten days from 09-06 (09-16) come earlier.
    const result = evaluate(
      { ...AUGUST, heldOn: '2026-08-25', holdReason: '需要进行案款分配', resumedOn: '2026-09-06' },
      { asOf: '2026-09-10' },
    );
    const node = nodeOf(result, 'disburse');
    assert.equal(node.dueOn, '2026-10-08');
    assert.equal(node.state, '正常');
    assert.equal(node.daysLeft, 28);
    assert.equal(
      node.steps,
      '到账日期 2026-08-20 起算 30 日，届满日 2026-09-19；2026-08-25 暂缓发放、2026-09-06 恢复发放，暂缓发放 12 日（需要进行案款分配），不计入，' +
        '届满日延至 2026-10-01 为法定休假日（国庆节），顺延至 2026-10-08',
    );
    assert.match(
      node.basis,
      /到账日期起30日内；暂缓发放期间不计入（《最高人民法院关于执行款物管理工作的规定》\(法发〔2017〕6号\) 第十五条第二款第（一）项）$/,
    );
    // 21 days on the account, 12 of them held: day 9, 通报, and the warning says what it left out.
    assert.equal(result.status.ageDays, 9);
    assert.equal(result.status.phase, '通报');
    assert.deepEqual(messages(result, 'disbursedOn', 'warning'), [
      '案款到账已 9 日（暂缓发放 12 日不计入）尚未发放，处于「通报」阶段（满 3 日提醒、满 7 日通报，《执行指挥中心各部门工作职责（试行）》（卷宗管理中心））',
    ]);
  });

  it('an end moved onto the make-up working Saturday 10-10 stays there', () => {
    // Received Tuesday 09-01: 30 days end 10-01 (国庆, so 10-08 without a hold). Held 09-10 → 09-19, 9 days: 10-10.
    const held = {
      ...ROW,
      receivedOn: '2026-09-01',
      notifiedOn: '2026-09-01',
      heldOn: '2026-09-10',
      holdReason: '另案冻结',
      resumedOn: '2026-09-19',
    };
    assert.equal(
      nodeOf(evaluate({ ...held, heldOn: '', holdReason: '', resumedOn: '' }, { asOf: '2026-09-02' }), 'disburse').dueOn,
      '2026-10-08',
    );
    const node = nodeOf(evaluate(held, { asOf: '2026-10-09' }), 'disburse');
    assert.equal(node.dueOn, '2026-10-10');
    assert.equal(node.state, '临期');
    assert.equal(node.daysLeft, 1);
    assert.match(node.steps, /暂缓发放 9 日（执行款被另案保全或冻结），不计入，届满日延至 2026-10-10$/);
    assert.match(node.basis, /第十五条第二款第（二）项）$/);
    const after = evaluate(held, { asOf: '2026-10-11' });
    assert.equal(nodeOf(after, 'disburse').state, '超期');
    assert.equal(after.status.alert, '超期');
  });

  it('while held, the clock stands still: phase 暂缓发放, no aging warning, the days left as on the day of the hold', () => {
    // Received 03-02 (due 04-01), held 03-05 with 27 days left, still held.
    const held = { ...ROW, receivedOn: '2026-03-02', notifiedOn: '2026-03-02', heldOn: '2026-03-05', holdReason: '中止执行' };
    for (const [asOf, dueOn] of [
      ['2026-03-20', '2026-04-16'], // 04-01 + 15 held
      ['2026-03-25', '2026-04-21'], // 04-01 + 20 held
    ]) {
      const result = evaluate(held, { asOf });
      assert.deepEqual(
        [result.status.phase, result.status.ageDays, result.status.daysLeft, result.status.alert],
        ['暂缓发放', 3, 27, '正常'],
      );
      assert.equal(nodeOf(result, 'disburse').dueOn, dueOn);
      assert.deepEqual(messages(result, 'disbursedOn', 'warning'), []);
    }
    assert.match(
      nodeOf(evaluate(held, { asOf: '2026-03-20' }), 'disburse').steps,
      /；2026-03-05 起暂缓发放（案件依法中止或暂缓执行），截至 2026-03-20 已暂缓 15 日，不计入，届满日延至 2026-04-16$/,
    );
    // A resumption dated after asOf has not happened yet.
    assert.equal(evaluate({ ...held, resumedOn: '2026-03-25' }, { asOf: '2026-03-20' }).status.phase, '暂缓发放');
    // Once resumed on 03-25 (20 days held), the aging runs on: day 26 − 20 = 6 on 03-28, 提醒.
    const resumed = evaluate({ ...held, resumedOn: '2026-03-25' }, { asOf: '2026-03-28' });
    assert.deepEqual([resumed.status.phase, resumed.status.ageDays, nodeOf(resumed, 'disburse').dueOn], ['提醒', 6, '2026-04-21']);
  });

  it('after a hold near the end of the period, 10 days from the resumption remain (第十五条第三款)', () => {
    // Received 03-02 (due 04-01), held 03-30 with 2 days left, resumed 04-10: 11 days held give 04-12, a
    // Sunday, so 04-13; but 10 days from 04-10 give Monday 04-20.
    const result = evaluate(
      { ...ROW, receivedOn: '2026-03-02', notifiedOn: '2026-03-02', heldOn: '2026-03-30', holdReason: '未领取', resumedOn: '2026-04-10' },
      { asOf: '2026-04-14' },
    );
    const node = nodeOf(result, 'disburse');
    assert.equal(node.dueOn, '2026-04-20');
    assert.equal(node.state, '正常');
    assert.equal(
      node.steps,
      '到账日期 2026-03-02 起算 30 日，届满日 2026-04-01；2026-03-30 暂缓发放、2026-04-10 恢复发放，暂缓发放 11 日（申请执行人经通知未领取），不计入，' +
        '届满日延至 2026-04-12 为星期日（休息日），顺延至 2026-04-13；恢复发放后10日内发放：恢复发放日期 2026-04-10 起算 10 日，届满日 2026-04-20，以此为期限',
    );
    assert.match(node.basis, new RegExp(`情形消失后10日内完成发放（${SOURCE.replace(/[()]/g, '\\$&')}第三款）$`));
    // 43 days on the account, 11 held: day 32.
    assert.deepEqual([result.status.ageDays, result.status.phase], [32, '通报']);
  });

  it('a hold begun after the period ran out stops the clock but does not undo the delay', () => {
    // Due 04-01, held 04-10 (9 days late): on 04-20 it runs to 04-01 + 10 = 04-11, a Saturday, so 04-13: still 超期.
    const result = evaluate(
      { ...ROW, receivedOn: '2026-03-02', notifiedOn: '2026-03-02', heldOn: '2026-04-10', holdReason: '需要进行案款分配' },
      { asOf: '2026-04-20' },
    );
    assert.deepEqual([result.status.phase, result.status.alert, nodeOf(result, 'disburse').state], ['暂缓发放', '超期', '超期']);
    assert.match(nodeOf(result, 'disburse').steps, /（暂缓前原期限 2026-04-01 已届满，暂缓不免除超期）$/);
    assert.deepEqual(messages(result, 'heldOn', 'warning'), [
      `暂缓发放日期「2026-04-10」晚于发放期限「2026-04-01」：暂缓前已超期 9 日，暂缓不免除超期，请核实暂缓审批（${SOURCE}第二款）`,
    ]);
  });

  it('a disbursement ends a hold nobody resumed: the days until it are not counted', () => {
    // Held 03-05, disbursed 04-10 without a resumption: 36 days held, 04-01 + 36 = 05-07; on time.
    const result = evaluate(
      {
        ...ROW,
        receivedOn: '2026-03-02',
        notifiedOn: '2026-03-02',
        heldOn: '2026-03-05',
        holdReason: '其他',
        disbursedOn: '2026-04-10',
        payee: '甲',
      },
      { asOf: '2026-04-20' },
    );
    assert.deepEqual([result.status.phase, result.status.ageDays, nodeOf(result, 'disburse').state], ['已发放', 3, '已完成']);
    assert.match(nodeOf(result, 'disburse').steps, /2026-03-05 暂缓发放、2026-04-10 发放，暂缓发放 36 日（其他正当理由），不计入/);
  });

  describe('what the clerk entered wrong', () => {
    const MARCH = { ...ROW, receivedOn: '2026-03-02', notifiedOn: '2026-03-02' };

    it('a resumption before the hold: error naming both, and the hold does not count', () => {
      const result = evaluate({ ...MARCH, heldOn: '2026-03-10', holdReason: '案款分配', resumedOn: '2026-03-04' }, { asOf: '2026-03-20' });
      assert.deepEqual(messages(result, 'resumedOn', 'error'), ['恢复发放日期「2026-03-04」早于暂缓发放日期「2026-03-10」，日期先后有误']);
      assert.deepEqual([result.status.phase, result.status.ageDays, nodeOf(result, 'disburse').dueOn], ['通报', 18, '2026-04-01']);
    });

    it('a hold without a reason: error, the hold does not count until one is chosen', () => {
      const result = evaluate({ ...MARCH, heldOn: '2026-03-10' }, { asOf: '2026-03-20' });
      assert.equal(result.state, 'invalid');
      assert.deepEqual(messages(result, 'holdReason', 'error'), [
        '已填暂缓发放日期，暂缓原因为空：暂缓未计入发放期限和账龄，请选择暂缓原因，可选：需要进行案款分配、执行款被另案保全或冻结、申请执行人经通知未领取、' +
          `案件依法中止或暂缓执行、其他正当理由（${SOURCE}第二款）`,
      ]);
      assert.deepEqual([result.status.phase, nodeOf(result, 'disburse').dueOn], ['通报', '2026-04-01']);
    });

    it('a reason not in the rules: error listing them', () => {
      const result = evaluate({ ...MARCH, heldOn: '2026-03-10', holdReason: '承办人出差' }, { asOf: '2026-03-20' });
      assert.match(
        messages(result, 'holdReason', 'error')[0],
        /^暂缓原因「承办人出差」不是规则配置的暂缓原因，暂缓未计入，可选：需要进行案款分配、/,
      );
    });

    it('a hold before the receipt: error naming both', () => {
      const result = evaluate({ ...MARCH, heldOn: '2026-03-01', holdReason: '案款分配' }, { asOf: '2026-03-20' });
      assert.deepEqual(messages(result, 'heldOn', 'error'), ['暂缓发放日期「2026-03-01」早于到账日期「2026-03-02」，日期先后有误']);
      assert.equal(result.status.phase, '通报');
    });

    it('a resumption without a hold is an error; a reason without one a warning', () => {
      const result = evaluate({ ...MARCH, resumedOn: '2026-03-10', holdReason: '案款分配' }, { asOf: '2026-03-20' });
      assert.deepEqual(messages(result, 'resumedOn', 'error'), ['已填恢复发放日期，暂缓发放日期为空，请补录暂缓发放日期']);
      assert.deepEqual(messages(result, 'holdReason', 'warning'), ['已填暂缓原因，暂缓发放日期为空，暂缓未计入']);
    });

    it('a disbursement before the resumption or the hold: error', () => {
      const result = evaluate(
        { ...MARCH, heldOn: '2026-03-10', holdReason: '案款分配', resumedOn: '2026-03-20', disbursedOn: '2026-03-15', payee: '甲' },
        { asOf: '2026-03-25' },
      );
      assert.deepEqual(messages(result, 'disbursedOn', 'error'), ['发放日期「2026-03-15」早于恢复发放日期「2026-03-20」，日期先后有误']);
    });
  });

  describe('rules configuration', () => {
    type Holds = { reasons: Array<{ name: string; clause: string; aliases: string[] }>; afterResume: { kind: string; n: number } };
    const holdsOf = (rules: ReturnType<typeof defaultRules>) => (rules.ledgers.payments as { holds: Holds }).holds;

    it('takes the reasons and the days after a resumption from the rules', () => {
      const rules = defaultRules();
      holdsOf(rules).reasons.push({ name: '等待执行异议审查', clause: '第（五）项', aliases: [] });
      holdsOf(rules).afterResume.n = 5;
      const row = {
        ...ROW,
        receivedOn: '2026-03-02',
        notifiedOn: '2026-03-02',
        heldOn: '2026-03-30',
        holdReason: '等待执行异议审查',
        resumedOn: '2026-04-10',
      };
      const result = evaluate(row, { asOf: '2026-04-11', rules });
      assert.deepEqual(messages(result, 'holdReason', 'error'), []);
      // 11 days held give 04-13 (see above); 5 days from 04-10 give 04-15.
      assert.equal(nodeOf(result, 'disburse').dueOn, '2026-04-15');
    });

    it('refuses a word that would name two reasons', () => {
      const rules = defaultRules();
      holdsOf(rules).reasons[1].aliases.push('案款分配');
      const result = validateRules(rules);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, /ledgers\.payments\.holds\.reasons.*暂缓原因及其别称不能重复/);
    });
  });
});
