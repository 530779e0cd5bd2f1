import assert from 'node:assert/strict';
import { BASE_CASE, evaluateCase } from '../../helpers/cases.ts';
import { defaultRules } from '../../../service/domain/rules.ts';
import type { CasesRules } from '../../../service/domain/ledgers/cases/rules.ts';

const TERMINATED = { closureMode: '终结本次执行程序', respondent: '张三', respondentId: '11010519491231002X' };

function earlierCase(closedOn: string, changes: Record<string, string> = {}) {
  return { rowId: 'earlier', raw: { caseNo: '（2025）豫0102执900号', filedOn: '2025-06-01', closedOn, ...TERMINATED, ...changes } };
}

describe('cases ledger: row checks', () => {
  it('stores what it can and marks a row with errors invalid, naming column and value', () => {
    const result = evaluateCase({ ...BASE_CASE, filedOn: '2026-02-30', amount: '-5' });
    assert.equal(result.state, 'invalid');
    const messages = result.errors.map((problem) => `${problem.column}:${problem.message}`);
    assert.ok(
      messages.some((m) => m.startsWith('filedOn:立案日期「2026-02-30」')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.startsWith('amount:执行标的额（元）「-5」')),
      messages.join('\n'),
    );
    assert.equal(result.status.statutoryDue, null);
    assert.ok(String(result.status.remarks).includes('立案日期「2026-02-30」'));
  });

  it('requires 案号, 立案日期 and 被执行人', () => {
    const result = evaluateCase({ amount: 1000 });
    for (const column of ['caseNo', 'filedOn', 'respondent']) {
      assert.ok(
        result.errors.some((p) => p.column === column && p.level === 'error' && p.message.includes('必填')),
        column,
      );
    }
  });

  it('reports dates out of order naming both columns', () => {
    const result = evaluateCase({ ...BASE_CASE, receptionOn: '2026-03-02', transferredOn: '2026-03-01' });
    const problem = result.errors.find((p) => p.column === 'transferredOn');
    assert.equal(problem?.level, 'error');
    assert.equal(problem?.message, '流转日期「2026-03-01」早于初次接待日期「2026-03-02」，日期先后有误');
  });

  it('accepts dates in order, including equal ones', () => {
    const result = evaluateCase({ ...BASE_CASE, receptionOn: '2026-03-02', transferredOn: '2026-03-02', triagedOn: '2026-03-02' });
    assert.equal(result.state, 'ok');
  });

  it('needs 结案方式 with 结案日期 and the other way round', () => {
    const noMode = evaluateCase({ ...BASE_CASE, closedOn: '2026-05-01' });
    assert.ok(noMode.errors.some((p) => p.column === 'closureMode' && p.level === 'error'));
    const noDate = evaluateCase({ ...BASE_CASE, closureMode: '终本' });
    assert.ok(noDate.errors.some((p) => p.column === 'closedOn' && p.level === 'error' && p.message.includes('终结本次执行程序')));
  });

  describe('终本 screening', () => {
    const newCase = { ...BASE_CASE, filedOn: '2026-04-10', respondentId: TERMINATED.respondentId };

    it('warns when the same respondent (by 证件号) had a case closed by 终本 within 3 months before filing', () => {
      const result = evaluateCase(newCase, { others: [earlierCase('2026-01-15')] });
      const warning = result.errors.find((p) => p.column === 'respondentId');
      assert.equal(warning?.level, 'warning');
      assert.match(warning!.message, /（2025）豫0102执900号已于 2026-01-15 终结本次执行程序（立案前3个月内）/);
      assert.equal(result.state, 'ok');
    });

    it('includes the boundary day three months before filing', () => {
      assert.ok(evaluateCase(newCase, { others: [earlierCase('2026-01-10')] }).errors.some((p) => p.column === 'respondentId'));
    });

    it('does not warn for a 终本 closure more than 3 months before filing', () => {
      assert.ok(!evaluateCase(newCase, { others: [earlierCase('2026-01-09')] }).errors.some((p) => p.column === 'respondentId'));
    });

    it('does not warn for other closure modes or other respondents', () => {
      assert.ok(
        !evaluateCase(newCase, { others: [earlierCase('2026-02-01', { closureMode: '执行完毕' })] }).errors.some(
          (p) => p.column === 'respondentId',
        ),
      );
      assert.ok(
        !evaluateCase(newCase, { others: [earlierCase('2026-02-01', { respondentId: '91350100M000100Y43' })] }).errors.some(
          (p) => p.column === 'respondentId',
        ),
      );
    });

    const screening = (raw: Record<string, string | number>, earlier: Record<string, string>) =>
      evaluateCase(raw, { others: [earlierCase('2026-03-01', earlier)] }).errors.filter((p) => p.message.includes('终结本次执行程序'));

    it('matches by 证件号 when both cases have one, once, even when the names differ', () => {
      const warnings = screening(newCase, { respondent: '张叁' });
      assert.deepEqual(
        warnings.map((p) => [p.column, p.message]),
        [
          [
            'respondentId',
            '被执行人「张三」的（2025）豫0102执900号已于 2026-03-01 终结本次执行程序（立案前3个月内），请核查是否应恢复执行（证件号相同）',
          ],
        ],
      );
    });

    it('matches a new case with a 证件号 to an earlier 终本 case entered with the name only', () => {
      const warnings = screening(newCase, { respondentId: '' });
      assert.deepEqual(
        warnings.map((p) => [p.column, p.level, p.message]),
        [
          [
            'respondent',
            'warning',
            '被执行人「张三」的（2025）豫0102执900号已于 2026-03-01 终结本次执行程序（立案前3个月内），请核查是否应恢复执行（名称相同，该案未填证件号）',
          ],
        ],
      );
    });

    it('matches a new case entered with the name only to an earlier 终本 case with a 证件号', () => {
      const warnings = screening({ ...BASE_CASE, filedOn: '2026-04-10' }, {});
      assert.deepEqual(
        warnings.map((p) => [p.column, p.message]),
        [
          [
            'respondent',
            '被执行人「张三」的（2025）豫0102执900号已于 2026-03-01 终结本次执行程序（立案前3个月内），请核查是否应恢复执行（名称相同，本案未填证件号）',
          ],
        ],
      );
    });

    it('matches by name when neither case has a 证件号', () => {
      const warnings = screening({ ...BASE_CASE, filedOn: '2026-04-10' }, { respondentId: '' });
      assert.equal(warnings.length, 1);
      assert.match(warnings[0].message, /（名称相同，两案均未填证件号）$/);
    });

    it('does not match two different 证件号 under the same name', () => {
      assert.deepEqual(screening(newCase, { respondentId: '91350100M000100Y43' }), []);
    });

    it('does not match a name only case under another name', () => {
      assert.deepEqual(screening(newCase, { respondentId: '', respondent: '张三丰' }), []);
    });

    it('matches by exact name when the new case has no 证件号', () => {
      const byName = { ...BASE_CASE, filedOn: '2026-04-10' };
      const result = evaluateCase(byName, { others: [earlierCase('2026-03-01')] });
      assert.ok(result.errors.some((p) => p.column === 'respondent' && p.message.includes('（2025）豫0102执900号')));
      assert.ok(
        !evaluateCase({ ...byName, respondent: '张三丰' }, { others: [earlierCase('2026-03-01')] }).errors.some(
          (p) => p.column === 'respondent',
        ),
      );
    });
  });
  describe("线下调查 before 流转 (the bureau's own limit)", () => {
    const transferred = { ...BASE_CASE, transferredOn: '2026-03-06' };
    const limit = '《执行指挥中心各部门工作职责（试行）》（执行事务中心）：线下调查及文书打印要求在案件流转之前完成';

    it('warns on the 线下调查 cell when it was finished after the transfer, naming both dates', () => {
      const result = evaluateCase({ ...transferred, offlineInquiryOn: '2026-03-10' }, { asOf: '2026-03-10' });
      const warning = result.errors.find((problem) => problem.column === 'offlineInquiryOn');
      assert.deepEqual(warning, {
        column: 'offlineInquiryOn',
        level: 'warning',
        cell: true,
        message: `线下调查完成日期「2026-03-10」晚于流转日期「2026-03-06」：${limit}`,
      });
      assert.notEqual(result.state, 'invalid');
    });

    it('is silent when finished on the transfer day or before, or before the case is transferred', () => {
      for (const raw of [
        { ...transferred, offlineInquiryOn: '2026-03-06' },
        { ...transferred, offlineInquiryOn: '2026-03-05' },
        { ...BASE_CASE, offlineInquiryOn: '2026-03-10' },
      ]) {
        assert.ok(!evaluateCase(raw).errors.some((problem) => problem.column === 'offlineInquiryOn'), JSON.stringify(raw));
      }
    });

    it('is a switch of the rules configuration', () => {
      const rules = defaultRules();
      (rules.ledgers.cases as CasesRules).offlineInquiryBeforeTransfer = null;
      const result = evaluateCase({ ...transferred, offlineInquiryOn: '2026-03-10' }, { rules });
      assert.ok(!result.errors.some((problem) => problem.column === 'offlineInquiryOn'));
    });
  });

  it('an execution notice is served on or after it was issued, and issued on or after filing', () => {
    const served = evaluateCase({ ...BASE_CASE, noticeIssuedOn: '2026-03-05', noticeOn: '2026-03-04' });
    assert.ok(
      served.errors.some(
        (p) =>
          p.column === 'noticeOn' &&
          p.level === 'error' &&
          p.message === '执行通知送达日期「2026-03-04」早于执行通知发出日期「2026-03-05」，日期先后有误',
      ),
      served.errors.map((p) => p.message).join('\n'),
    );
    const issued = evaluateCase({ ...BASE_CASE, noticeIssuedOn: '2026-03-01' });
    assert.ok(issued.errors.some((p) => p.column === 'noticeIssuedOn' && p.level === 'error'));
  });

  it('leaves the row checks out where only statuses and nodes are read (the weekly report), and they are the same', () => {
    const others = [earlierCase('2026-01-10')];
    const rows = [
      BASE_CASE,
      { ...BASE_CASE, receptionOn: '2026-03-03', transferredOn: '2026-03-01' },
      { ...BASE_CASE, transferredOn: '2026-03-04', triagedOn: '2026-03-05', closedOn: '2026-04-01' },
      { ...BASE_CASE, transferredOn: '2026-03-04', triagedOn: '2026-03-05', closedOn: '2026-05-01', closureMode: '执行完毕' },
    ];
    const withoutRemarks = ({ remarks: _remarks, ...status }: Record<string, unknown>) => status;
    for (const raw of rows) {
      const full = evaluateCase(raw, { others, asOf: '2026-06-01' });
      const statusOnly = evaluateCase(raw, { others, asOf: '2026-06-01', statusOnly: true });
      assert.ok(
        full.errors.some((problem) => /终结本次执行程序|早于|不能为空/.test(problem.message)),
        full.errors.map((problem) => problem.message).join('\n'),
      );
      assert.deepEqual(
        statusOnly.errors.filter((problem) => /终结本次执行程序|早于|不能为空/.test(problem.message)),
        [],
      );
      assert.deepEqual(withoutRemarks(statusOnly.status), withoutRemarks(full.status));
      assert.deepEqual(statusOnly.nodes, full.nodes);
      assert.deepEqual(statusOnly.fixed, full.fixed);
    }
  });
});
