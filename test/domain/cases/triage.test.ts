import assert from 'node:assert/strict';
import { defaultRules } from '../../../service/domain/rules.ts';
import { casesLedger } from '../../../service/domain/ledgers/cases/definition.ts';
import type { CasesRules } from '../../../service/domain/ledgers/cases/rules.ts';
import { normalizeRow } from '../../../service/domain/row.ts';
import { BASE_CASE, calendar, evaluateCase, viewOf } from '../../helpers/cases.ts';

const RESUMED = '（2026）豫0102执恢88号';

/** Team, basis and closeDue of BASE_CASE with some values changed, triaged on 2026-03-10. */
function triage(changes: Record<string, string | number>, caseNo = BASE_CASE.caseNo) {
  const result = evaluateCase({ ...BASE_CASE, caseNo, triagedOn: '2026-03-10', ...changes }, { asOf: '2026-03-10' });
  return { team: result.status.team, basis: String(result.status.triageBasis), closeDue: result.status.closeDue, result };
}

describe('cases ledger: triage (繁简分流)', () => {
  const cases: Array<[string, Record<string, string | number>, string, string, string | null]> = [
    ['rule 1: respondent is a party/government organ', { respondentType: '党政机关' }, '特执团队', '规则1', '2026-06-08'],
    ['rule 1: tag 涉党政机关', { tags: '涉党政机关' }, '特执团队', '规则1', '2026-06-08'],
    ['rule 2: tag 重大疑难', { tags: '重大疑难' }, '特执团队', '规则2', null],
    ['rule 2: tag 交办', { tags: '交办' }, '特执团队', '规则2', null],
    ['rule 3: property found in full', { propertyResult: '足额' }, '速执团队', '规则3', '2026-03-17'],
    ['rule 3: tag 自动履行', { tags: '自动履行' }, '速执团队', '规则3', '2026-03-17'],
    [
      'rule 4: business environment sale-contract case with a company',
      { tags: '涉营商环境', cause: '买卖合同纠纷', applicantType: '企业' },
      '速执团队',
      '规则4',
      '2026-04-24',
    ],
    ['rule 5: credit-card cause', { cause: '信用卡纠纷' }, '速执团队', '规则5', '2026-05-09'],
    ['rule 5: tag 信用卡', { tags: '信用卡' }, '速执团队', '规则5', '2026-05-09'],
    ['rule 6: applicant is a financial institution', { applicantType: '金融机构' }, '特执团队', '规则6', '2026-05-25'],
    ['rule 6: tag 涉金融', { tags: '涉金融' }, '特执团队', '规则6', '2026-05-25'],
    ['rule 7: first-execution fine, cause exactly 罚金', { cause: '罚金' }, '速执团队', '规则7', '2026-05-09'],
    ['rule 7: first-execution fine, tag 罚金', { tags: '罚金' }, '速执团队', '规则7', '2026-05-09'],
    ['rule 8: tag 过户', { tags: '过户' }, '速执团队', '规则8', '2026-05-09'],
    ['rule 9: amount of exactly 50,000', { amount: '50,000.00' }, '速执团队', '规则9', '2026-05-09'],
    ['rule 10: tag 简易', { tags: '简易' }, '速执团队', '规则10', '2026-05-09'],
    ['rule 10: tag 前置可结案', { tags: '前置可结案' }, '速执团队', '规则10', '2026-05-09'],
  ];
  for (const [title, changes, team, rule, teamDue] of cases) {
    it(`${title} → ${team}`, () => {
      const result = triage(changes);
      assert.equal(result.team, team);
      assert.ok(result.basis.startsWith(`${rule}「`), result.basis);
      // Team deadlines count from 分流日期 2026-03-10; statutory ones end six months after filing.
      assert.equal(result.closeDue, teamDue ?? '2026-09-02');
    });
  }

  it('rule 11: a first-execution case no rule matches goes to 首执团队 with the statutory period', () => {
    const result = triage({});
    assert.equal(result.team, '首执团队');
    assert.match(result.basis, /未符合规则1、2、3、4、5、6、7、8、9、10，首次执行案件由首执团队办理，法定期限内结案/);
    assert.equal(result.closeDue, '2026-09-02');
  });

  it('rule 11: a resumed (执恢) case no rule matches goes to 执恢团队', () => {
    assert.equal(triage({}, RESUMED).team, '执恢团队');
  });

  it('rule 7 does not take resumed cases, nor fines involving organised crime or illegal fund-raising', () => {
    assert.equal(triage({ cause: '罚金' }, RESUMED).team, '执恢团队');
    assert.equal(triage({ cause: '罚金', tags: '涉黑恶' }).team, '首执团队');
    assert.equal(triage({ tags: '罚金、非吸' }).team, '首执团队');
  });

  it('rule 7 applies only when the enforcement content is just a fine; its 60 days end on 调休 Saturday 2026-05-09', () => {
    const fine = triage({ cause: '罚金' });
    assert.equal(
      fine.basis,
      '规则7「首执罚金案件（执行内容仅为罚金，不含涉黑恶、非吸）」：速执团队，分流之日起60日内结案（2026-03-10 分流确定）',
    );
    // 2026-03-10 + 60 days = 2026-05-09, a Saturday worked in lieu of the 劳动节 holiday: no roll.
    assert.equal(fine.closeDue, '2026-05-09');
    const close = fine.result.nodes.find((node) => node.id === 'close');
    assert.equal(close?.steps, '分流日期 2026-03-10 起算 60 日，届满日 2026-05-09');
    assert.equal(close?.state, '正常');
    for (const cause of ['罚金、责令退赔', '罚金、没收财产', '退赔及罚金']) {
      const mixed = triage({ cause });
      assert.equal(mixed.team, '首执团队', cause);
      assert.match(mixed.basis, /^未符合规则1、2、3、4、5、6、7、8、9、10，首次执行案件由首执团队办理/, cause);
    }
    assert.equal(
      triage({ cause: '罚金、责令退赔', tags: '罚金' }).basis.slice(0, 4),
      '规则7「',
      'the tag is the clerk saying it is a fine case',
    );
  });

  it('what counts as a fine case is configuration: an administrator may list more causes for rule 7', () => {
    const rules = defaultRules();
    const rule7 = (rules.ledgers.cases as { triage: { rules: Array<{ id: string; when: { all: unknown[] } }> } }).triage.rules.find(
      (rule) => rule.id === '7',
    );
    assert.deepEqual(rule7?.when.all[1], {
      any: [
        { column: 'cause', is: ['罚金'] },
        { column: 'tags', has: ['罚金'] },
      ],
    });
    if (rule7) rule7.when.all[1] = { column: 'cause', is: ['罚金', '罚金、没收财产'] };
    const result = evaluateCase({ ...BASE_CASE, cause: '罚金、没收财产', triagedOn: '2026-03-10' }, { rules, asOf: '2026-03-10' });
    assert.equal(result.status.team, '速执团队');
    assert.match(String(result.status.triageBasis), /^规则7「/);
  });

  it('a mixed cause with a small amount goes by rule 9, not rule 7', () => {
    const result = triage({ cause: '罚金、责令退赔', amount: 20_000 });
    assert.equal(result.team, '速执团队');
    assert.match(result.basis, /^规则9「标的额5万元以下」：速执团队，分流之日起60日内结案（2026-03-10 分流确定）$/);
  });

  it('rule 4 needs every part: tag, sale contract and a company party', () => {
    assert.equal(triage({ tags: '涉营商环境', cause: '买卖合同纠纷' }).team, '首执团队');
    assert.equal(triage({ tags: '涉营商环境', applicantType: '企业', cause: '借款合同纠纷' }).team, '首执团队');
    assert.equal(triage({ tags: '涉营商环境', respondentType: '企业', cause: '买卖合同纠纷' }).team, '速执团队');
  });

  it('rule 9 is not met one cent above 50,000 or when the amount is unknown', () => {
    assert.equal(triage({ amount: 50_000.01 }).team, '首执团队');
    assert.equal(triage({ amount: '' }).team, '首执团队');
  });

  it('the first matching rule wins and every other matching rule is named in the basis', () => {
    const result = triage({ respondentType: '党政机关', propertyResult: '足额', amount: 1000 });
    assert.equal(result.team, '特执团队');
    assert.match(
      result.basis,
      /^规则1「被执行人为党政机关或涉党政机关」：特执团队，分流之日起90日内结案；另符合规则3「财产足额或自动履行」、规则9「标的额5万元以下」/,
    );
  });

  it('follows a reordered configuration: rule 9 before rule 1', () => {
    const rules = defaultRules();
    const table = (rules.ledgers.cases as { triage: { rules: Array<{ id: string }> } }).triage.rules;
    table.unshift(
      ...table.splice(
        table.findIndex((rule) => rule.id === '9'),
        1,
      ),
    );
    const result = evaluateCase({ ...BASE_CASE, respondentType: '党政机关', amount: 1000 }, { rules });
    assert.equal(result.status.team, '速执团队');
  });

  it('non-implementation case types (执保 …) get no team and say why', () => {
    const result = evaluateCase({ ...BASE_CASE, caseNo: '（2026）豫0102执保7号' });
    assert.equal(result.status.team, '');
    assert.match(String(result.status.triageBasis), /执保案件不属于执行实施案件，不进行繁简分流/);
    assert.equal(result.status.closeDue, null);
    assert.ok(result.errors.some((problem) => problem.column === 'caseNo' && problem.level === 'warning'));
    assert.deepEqual(
      result.nodes.map((node) => node.id),
      ['reception'],
    );
  });

  it('before triage or transfer the team is the rules’ proposal and only the statutory deadline applies', () => {
    const result = evaluateCase({ ...BASE_CASE, propertyResult: '足额' });
    assert.equal(result.status.team, '速执团队');
    assert.match(String(result.status.triageBasis), /尚未分流，为规则建议/);
    assert.equal(result.status.closeDue, '2026-09-02');
    assert.equal(result.fixed, undefined);
  });

  it('counts the team deadline from transfer when 分流日期 is still empty', () => {
    const result = evaluateCase({ ...BASE_CASE, propertyResult: '足额', transferredOn: '2026-03-05' });
    assert.equal(result.status.closeDue, '2026-03-12');
  });

  it('closeDue is the statutory deadline when that comes first', () => {
    const result = evaluateCase({ ...BASE_CASE, respondentType: '党政机关', triagedOn: '2026-08-01' });
    assert.equal(result.status.closeDue, '2026-09-02');
    assert.match(result.nodes.find((node) => node.id === 'close')!.steps, /团队期限 2026-10-30 晚于法定期限，以法定期限为准/);
  });

  it('分流调整 wins over the rules, with its reason and the rules’ proposal in the basis', () => {
    const result = evaluateCase({
      ...BASE_CASE,
      amount: 1000,
      triagedOn: '2026-03-10',
      teamOverride: '特执团队',
      overrideReason: '院领导交办',
    });
    assert.equal(result.status.team, '特执团队');
    assert.equal(result.status.triageBasis, '分流调整为特执团队，理由：院领导交办，法定期限内结案；规则建议：速执团队（规则9）');
    assert.equal(result.status.closeDue, '2026-09-02');
  });

  it('an adjustment without a reason is accepted with a warning', () => {
    const result = evaluateCase({ ...BASE_CASE, teamOverride: '速执团队' });
    assert.equal(result.status.team, '速执团队');
    assert.ok(result.errors.some((problem) => problem.column === 'overrideReason' && problem.level === 'warning'));
  });

  it('once triaged the team is fixed; later edits only add a remark naming the team the rules would pick', () => {
    const first = evaluateCase({ ...BASE_CASE, amount: 1000, triagedOn: '2026-03-10' });
    assert.equal(first.status.team, '速执团队');
    const later = evaluateCase({ ...BASE_CASE, amount: 1000, respondentType: '党政机关', triagedOn: '2026-03-10' }, { fixed: first.fixed });
    assert.equal(later.status.team, '速执团队');
    assert.equal(later.status.closeDue, '2026-05-09');
    assert.match(String(later.status.remarks), /已于 2026-03-10 分流至速执团队，团队不变；按现行规则将分至特执团队（规则1）/);
  });

  it('clearing 分流日期 releases the fixed team', () => {
    const first = evaluateCase({ ...BASE_CASE, amount: 1000, triagedOn: '2026-03-10' });
    const cleared = evaluateCase({ ...BASE_CASE, amount: 1000, respondentType: '党政机关' }, { fixed: first.fixed });
    assert.equal(cleared.status.team, '特执团队');
    assert.equal(cleared.fixed, undefined);
  });
});

describe('cases ledger: the case type the triage reads', () => {
  const normalize = (caseNo: string) => normalizeRow(casesLedger.columns, { ...BASE_CASE, caseNo }, 'Asia/Shanghai').values;

  it('is set from the 案号 when the row is normalised, as a column the rules read', () => {
    assert.equal(normalize(RESUMED).caseType, '执恢');
    assert.equal(normalize('(2026)豫0102执保7号').caseType, '执保');
    assert.equal(normalize('2026-123').caseType, null);
    assert.equal(normalizeRow(casesLedger.columns, { filedOn: '2026-03-02' }, 'Asia/Shanghai').values.caseType, null);
  });

  it('is found from the 案号 for values not normalised with it, with the same result', () => {
    const { caseType, ...withoutType } = normalize(RESUMED);
    assert.equal(caseType, '执恢');
    const rules = defaultRules();
    const context = {
      asOf: '2026-03-10',
      calendar,
      rules: rules.ledgers.cases as CasesRules,
      warnDefaults: rules.warnDefaults,
      view: viewOf([]),
    };
    const given = casesLedger.evaluate({ rowId: 'r', values: withoutType }, context);
    const normalised = casesLedger.evaluate({ rowId: 'r', values: normalize(RESUMED) }, context);
    assert.equal(given.status.team, '执恢团队');
    assert.deepEqual(given, normalised);
  });
});
