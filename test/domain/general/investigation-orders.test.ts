import assert from 'node:assert/strict';
import { defaultRules } from '../../../service/domain/rules.ts';
import { evaluatorFor, messages, nodeOf } from '../../helpers/ledgers.ts';

const evaluate = evaluatorFor('investigation-orders');
const ROW = { lawyer: '赵律师', licenseNo: '14101201510123456', issuedOn: '2026-03-02' };

describe('investigation-orders ledger', () => {
  it('says when the default validity was used, and how the return date was counted', () => {
    const node = nodeOf(evaluate(ROW), 'return');
    assert.equal(node.basis, '本院律师调查令实施规定（地方规定）：签发之日起 15 日内交回（未填有效期（日），按默认 15 日）');
    assert.equal(node.steps, '签发日期 2026-03-02 起算 15 日，届满日 2026-03-17');
    assert.equal(nodeOf(evaluate({ ...ROW, validDays: 20 }), 'return').basis, '本院律师调查令实施规定（地方规定）：签发之日起 20 日内交回');
  });

  it('names the maximum and its source when the validity is too long', () => {
    assert.deepEqual(messages(evaluate({ ...ROW, validDays: 45 }), 'validDays', 'error'), [
      '有效期（日）「45」超过 30 日的上限（本院律师调查令实施规定（地方规定））',
    ]);
  });

  it('takes the default, the maximum and the roll from the rules configuration', () => {
    const rules = defaultRules();
    (rules.ledgers['investigation-orders'] as { validity: object }).validity = {
      defaultDays: 10,
      maxDays: 20,
      roll: false,
      source: '某院规定',
    };
    assert.equal(evaluate(ROW, { rules }).status.dueOn, '2026-03-12');
    assert.equal(evaluate({ ...ROW, validDays: 21 }, { rules }).state, 'invalid');
    assert.equal(evaluate({ ...ROW, issuedOn: '2026-09-20' }, { asOf: '2026-09-21', rules }).status.dueOn, '2026-09-30');
    assert.equal(evaluate({ ...ROW, issuedOn: '2026-09-25' }, { asOf: '2026-09-26', rules }).status.dueOn, '2026-10-05');
  });
});
