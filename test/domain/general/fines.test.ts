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
      '罚款金额（元）「10,000」超出对单位的罚款限额：应在 50,000 元以上 1,000,000 元以下（民事诉讼法 (2023) 第一百一十八条）',
    ]);
  });

  it('takes the bounds from the rules configuration', () => {
    const rules = defaultRules();
    (rules.ledgers.fines as { limits: { 个人: { max: number } } }).limits.个人 = { max: 50_000 };
    assert.equal(evaluate({ subject: '王五', subjectType: '个人', amount: 60_000 }, { rules }).state, 'invalid');
    assert.equal(evaluate({ subject: '王五', subjectType: '个人', amount: 50_000 }, { rules }).state, 'ok');
  });
});
