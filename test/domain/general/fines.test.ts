import assert from 'node:assert/strict';
import { defaultRules } from '../../../service/domain/rules.ts';
import { evaluatorFor, messages } from '../../helpers/ledgers.ts';

const evaluate = evaluatorFor('fines');

describe('fines ledger', () => {
  it('names the value, the bounds for the subject type and the source', () => {
    assert.deepEqual(messages(evaluate({ subject: '王五', subjectType: '个人', amount: '10.5万' }), 'amount', 'error'), [
      '罚款金额（元）「105,000」超出对个人的罚款限额：应不超过 100,000 元（民事诉讼法 (2023) 第一百一十八条）',
    ]);
    assert.deepEqual(messages(evaluate({ subject: '某公司', subjectType: '单位', amount: 10_000 }), 'amount', 'error'), [
      '罚款金额（元）「10,000」低于对单位的罚款限额：应在 50,000 元以上 1,000,000 元以下（民事诉讼法 (2023) 第一百一十八条）',
    ]);
  });

  it('says 低于 for a fine below a 单位’s minimum and 超出 above its maximum', () => {
    assert.match(
      messages(evaluate({ subject: '某公司', subjectType: '单位', amount: '3万' }), 'amount', 'error')[0],
      /「30,000」低于对单位的罚款限额/,
    );
    assert.match(
      messages(evaluate({ subject: '某公司', subjectType: '单位', amount: '120万' }), 'amount', 'error')[0],
      /「1,200,000」超出对单位的罚款限额/,
    );
    assert.deepEqual(messages(evaluate({ subject: '某公司', subjectType: '单位', amount: '5万' }), 'amount', 'error'), []);
  });

  it('takes the bounds from the rules configuration', () => {
    const rules = defaultRules();
    (rules.ledgers.fines as { limits: { 个人: { max: number } } }).limits.个人 = { max: 50_000 };
    assert.equal(evaluate({ subject: '王五', subjectType: '个人', amount: 60_000 }, { rules }).state, 'invalid');
    assert.equal(evaluate({ subject: '王五', subjectType: '个人', amount: 50_000 }, { rules }).state, 'ok');
  });

  describe('a second fine of the same person in the same case', () => {
    const CASE = '（2026）豫0102执100号';
    const FINE = { caseNo: CASE, subject: '王五', subjectType: '个人', amount: 10_000, decidedOn: '2026-03-04' };
    const earlier = { ...FINE, decidedOn: '2026-02-10', amount: 5_000 };
    const warned = (row: Record<string, unknown>, others: Array<Record<string, unknown>>) =>
      messages(
        evaluate(row as never, {
          stored: { fines: others as never, cases: [{ caseNo: CASE, filedOn: '2026-01-02', respondent: '王五' }] },
        }),
        'subject',
        'warning',
      );

    it('warns the later one with the warning detentions give, naming the earlier decision and the rule', () => {
      assert.deepEqual(warned(FINE, [earlier]), [
        '本案已对被罚款人「王五」罚款过（罚款决定日期 2026-02-10）：对同一妨害民事诉讼行为不得连续罚款，如系新的妨害行为方可重新罚款，请核实（民诉法解释 (2022) 第一百八十四条）',
      ]);
    });

    it('does not warn the earlier one, nor once the other row is gone', () => {
      assert.deepEqual(warned(earlier, [FINE]), []);
      assert.deepEqual(warned(FINE, []), []);
    });

    it('warns both when their order cannot be told', () => {
      assert.equal(warned({ ...FINE, decidedOn: null }, [earlier]).length, 1);
      assert.equal(warned(earlier, [{ ...FINE, decidedOn: '2026-02-10' }]).length, 1);
    });

    it('does not warn for another subject or another case, and takes the source from the rules', () => {
      assert.deepEqual(warned(FINE, [{ ...earlier, subject: '王五五' }]), []);
      assert.deepEqual(warned(FINE, [{ ...earlier, caseNo: '（2026）豫0102执101号' }]), []);
      const rules = defaultRules();
      (rules.ledgers.fines as { repeatSource: string }).repeatSource = '某地规定';
      const [message] = messages(
        evaluate(FINE as never, { rules, stored: { fines: [earlier] as never, cases: [{ caseNo: CASE, filedOn: '2026-01-02' }] } }),
        'subject',
        'warning',
      );
      assert.match(message ?? '', /（某地规定）$/);
    });
  });
});
