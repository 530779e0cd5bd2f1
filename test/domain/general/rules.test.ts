import assert from 'node:assert/strict';
import { defaultRules, validateRules } from '../../../service/domain/rules.ts';

type Ledgers = Record<string, Record<string, unknown>>;

function refused(change: (ledgers: Ledgers) => void, ...fragments: string[]): void {
  const rules = defaultRules();
  change(rules.ledgers as Ledgers);
  const result = validateRules(rules);
  assert.equal(result.ok, false);
  if (result.ok) return;
  for (const fragment of fragments) assert.ok(result.message.includes(fragment), `${result.message} should mention ${fragment}`);
}

describe('rules configuration of the general-affairs ledgers', () => {
  it('holds every default limit with its source', () => {
    const ledgers = defaultRules().ledgers as Ledgers;
    assert.deepEqual(
      [ledgers.summons.questioningHours, ledgers.summons.detainableHours, ledgers.summons.source],
      [8, 24, '民诉法解释 (2022) 第四百八十二条'],
    );
    assert.deepEqual(ledgers.fines.limits, { 个人: { max: 100_000 }, 单位: { min: 50_000, max: 1_000_000 } });
    const release = ledgers.measures.release as {
      closureModes: string[];
      byMeasure: Record<string, { closures: Array<{ mode: string }> }>;
    };
    assert.deepEqual(release.closureModes, ['执行完毕']);
    assert.deepEqual(
      release.byMeasure.纳入失信.closures.map((closure) => closure.mode),
      ['执行完毕', '不予执行', '终结执行'],
    );
    assert.deepEqual(
      release.byMeasure.限制消费.closures.map((closure) => closure.mode),
      ['执行完毕'],
    );
    assert.deepEqual((ledgers.measures.terms as Record<string, { removal?: unknown }>).纳入失信.removal, {
      period: { kind: 'workdays', n: 3 },
      source: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第十条第二款',
      closureLifts: true,
    });
    assert.deepEqual((ledgers['person-controls'].revokeOnClosure as string[]).length, 6);
  });

  it('rejects limits that contradict each other, naming the path', () => {
    refused((l) => Object.assign(l.summons, { detainableHours: 6 }), 'ledgers.summons', '询问时限');
    refused((l) => Object.assign(l.detentions, { days: { min: 16, max: 15, source: 'x' } }), 'ledgers.detentions.days', '下限不能大于上限');
    refused(
      (l) => Object.assign(l['investigation-orders'], { validity: { defaultDays: 40, maxDays: 30, roll: true, source: 'x' } }),
      'ledgers.investigation-orders.validity',
    );
  });

  it('rejects unknown measures, closure modes and missing sources', () => {
    refused(
      (l) => ((l.measures.terms as Record<string, unknown>).冻结 = { period: { kind: 'years', n: 1 }, renewable: true, source: 'x' }),
      'ledgers.measures.terms',
    );
    refused((l) => Object.assign(l['vehicle-controls'], { revokeOnClosure: ['已结案'] }), 'ledgers.vehicle-controls.revokeOnClosure');
    refused(
      (l) =>
        ((l.measures.release as { byMeasure: Record<string, unknown> }).byMeasure.限制消费 = {
          closures: [{ mode: '已结案', source: 'x' }],
          paidSource: 'x',
        }),
      'ledgers.measures.release.byMeasure.限制消费.closures',
    );
    refused(
      (l) =>
        ((l.measures.release as { byMeasure: Record<string, unknown> }).byMeasure.纳入失信 = {
          closures: [{ mode: '终结执行', source: '' }],
          paidSource: 'x',
        }),
      'ledgers.measures.release.byMeasure.纳入失信.closures.0.source',
    );
    refused(
      (l) =>
        Object.assign(l.refusals, {
          policeDecision: {
            period: { kind: 'days', n: 7 },
            extendedPeriod: { kind: 'days', n: 30 },
            roll: true,
            source: '',
            rollSource: 'x',
          },
        }),
      'ledgers.refusals.policeDecision.source',
    );
    refused(
      (l) => Object.assign(l.fines, { nodes: { pay: { period: { kind: 'days', n: 7 }, roll: true } } }),
      'ledgers.fines.nodes',
      '未知项',
    );
  });
});
