import assert from 'node:assert/strict';
import { defaultRules, validateRules, withNewDefaults } from '../../service/domain/rules.ts';

type Editable = { ledgers: { cases: { triage: { rules: Array<Record<string, unknown>> }; nodes: Record<string, { period: unknown }> } } };

function edited(change: (rules: Editable) => void): unknown {
  const rules = defaultRules() as unknown as Editable;
  change(rules);
  return rules;
}

function rejected(input: unknown, ...fragments: string[]): void {
  const result = validateRules(input);
  assert.equal(result.ok, false);
  if (result.ok) return;
  for (const fragment of fragments) assert.ok(result.message.includes(fragment), `${result.message} should mention ${fragment}`);
}

describe('rules configuration', () => {
  it('takes a rules file saved by an earlier version: settings added since get their defaults, saved ones stay', () => {
    const defaults = defaultRules();
    const saved = structuredClone(defaults) as { ledgers: Record<string, Record<string, unknown>> };
    const cases = saved.ledgers.cases as {
      nodes: Record<string, unknown>;
      offlineInquiryBeforeTransfer?: unknown;
      statutory: { byTag?: unknown; extensionSource?: unknown };
      deductions?: unknown;
    };
    delete cases.nodes.resumeNotice;
    delete cases.offlineInquiryBeforeTransfer;
    delete cases.statutory.byTag;
    delete cases.statutory.extensionSource;
    delete cases.deductions;
    delete (saved.ledgers.refusals as { rollSource?: string }).rollSource;
    delete saved.ledgers.payments.holds;
    const measures = saved.ledgers.measures as { release: { byMeasure?: unknown }; terms: { 纳入失信: { removal?: unknown } } };
    delete measures.release.byMeasure;
    delete measures.terms.纳入失信.removal;
    const disposals = saved.ledgers.disposals;
    delete disposals.settlement;
    delete disposals.reAuction;
    delete disposals.validity;
    delete (disposals.reportPeriods as Record<string, Record<string, unknown>>).委托评估.extension;
    delete (disposals.nodes as Record<string, unknown>).pricingStart;
    (saved.ledgers.fines as { repeatSource?: string }).repeatSource = '本院自定的依据';
    assert.equal(validateRules(saved).ok, false, 'as saved, the file lacks settings the schema requires');
    const result = validateRules(withNewDefaults(saved, defaults));
    assert.ok(result.ok, result.ok ? '' : result.message);
    const filled = result.value.ledgers as Record<string, Record<string, unknown>>;
    const defaultCases = defaults.ledgers.cases as { nodes: Record<string, unknown>; offlineInquiryBeforeTransfer?: unknown };
    assert.deepEqual((filled.cases.nodes as Record<string, unknown>).resumeNotice, defaultCases.nodes.resumeNotice);
    assert.deepEqual(filled.cases.offlineInquiryBeforeTransfer, defaultCases.offlineInquiryBeforeTransfer);
    const filledMeasures = filled.measures as { release: { byMeasure: unknown }; terms: { 纳入失信: { removal: unknown } } };
    const defaultMeasures = defaults.ledgers.measures as typeof filledMeasures;
    assert.deepEqual(filledMeasures.release.byMeasure, defaultMeasures.release.byMeasure);
    assert.deepEqual(filledMeasures.terms.纳入失信.removal, defaultMeasures.terms.纳入失信.removal);
    const defaultTerm = (defaults.ledgers.cases as { statutory: unknown }).statutory;
    assert.deepEqual(filled.cases.statutory, defaultTerm, 'the 非诉执行 term and the extension source come back');
    assert.deepEqual(filled.cases.deductions, (defaults.ledgers.cases as { deductions: unknown }).deductions);
    assert.equal(filled.fines.repeatSource, '本院自定的依据');
    assert.deepEqual(filled.payments.holds, (defaults.ledgers.payments as { holds: unknown }).holds);
    const defaultDisposals = defaults.ledgers.disposals as Record<string, unknown>;
    assert.deepEqual((filled.disposals.nodes as Record<string, unknown>).pricingStart, { period: { kind: 'days', n: 30 }, roll: true });
    assert.deepEqual(filled.disposals.reportPeriods, defaultDisposals.reportPeriods);
    for (const key of ['settlement', 'reAuction', 'validity']) assert.deepEqual(filled.disposals[key], defaultDisposals[key], key);
  });

  it('keeps a check the admin switched off (null) and a saved list whole', () => {
    assert.deepEqual(withNewDefaults({ check: null, list: [1] }, { check: { source: 'x' }, list: [1, 2], added: 3 }), {
      check: null,
      list: [1],
      added: 3,
    });
  });

  it('accepts its own defaults, which hold the SPEC triage table in order', () => {
    const result = validateRules(defaultRules());
    assert.equal(result.ok, true);
    const table = (defaultRules() as unknown as Editable).ledgers.cases.triage.rules;
    assert.deepEqual(
      table.map((rule) => rule.id),
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    );
  });

  it('rejects a negative or zero period, naming the path', () => {
    rejected(
      edited((rules) => (rules.ledgers.cases.nodes.notice.period = { kind: 'days', n: 0 })),
      'ledgers.cases.nodes.notice.period',
    );
  });

  it('rejects unknown keys and missing sections', () => {
    rejected({ ...defaultRules(), surprise: 1 }, '未知项', 'surprise');
    rejected({ warnDefaults: defaultRules().warnDefaults }, 'ledgers');
  });

  it('rejects a triage condition on a column the ledger does not have', () => {
    rejected(
      edited((rules) => (rules.ledgers.cases.triage.rules[0].when = { column: 'salary', atMost: 1 })),
      '分流规则1',
      'salary',
    );
  });

  it('rejects a team that does not exist and duplicate rule ids', () => {
    rejected(
      edited((rules) => (rules.ledgers.cases.triage.rules[0].team = '快速团队')),
      'team',
    );
    rejected(
      edited((rules) => (rules.ledgers.cases.triage.rules[1].id = '1')),
      '不能重复',
    );
  });
});
