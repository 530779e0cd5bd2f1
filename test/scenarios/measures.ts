// 网上查控与惩戒措施台账 scenarios: each term (inclusive, no roll), the renewal window at, before and
// after its boundary, renewal in time and too late, 失信 with and without a term and 待删除 after its
// term, the clerk's expiry, 待解除 after 执行完毕 with the 3-working-day deadlines, every phase, bad values.

import { OPEN_CASE, PAID_CASE, TERMINATED_CASE, UNKNOWN_CASE, type RawRow, type Scenario } from './fixtures.ts';

let n = 0;
/** Effective 2026-03-01; each row gets its own 被执行人 so the natural keys stay apart. */
const row = (measure: string, changes: RawRow = {}): RawRow => ({
  caseNo: OPEN_CASE,
  measure,
  subject: `措施对象${++n}`,
  approvedOn: '2026-02-27',
  effectiveOn: '2026-03-01',
  ...changes,
});

const term = (measure: string, expiry: string): Scenario => ({
  name: `${measure}: the term ends ${expiry}`,
  asOf: '2026-03-02',
  values: row(measure),
  expect: { errors: [], status: { expiry, phase: '生效中' } },
});

export const MEASURES_SCENARIOS: Scenario[] = [
  term('冻结银行存款', '2027-02-28'),
  term('查封动产', '2028-02-29'),
  term('扣押动产', '2028-02-29'),
  term('查封不动产', '2029-02-28'),
  term('冻结其他财产权', '2029-02-28'),
  term('纳入失信', '2028-02-29'),
  {
    name: 'a term ending on a Sunday does not roll',
    asOf: '2026-03-10',
    values: row('冻结银行存款', { effectiveOn: '2026-03-08' }),
    expect: { status: { expiry: '2027-03-07' } },
  },
  {
    name: 'no term for 限制消费',
    asOf: '2026-03-02',
    values: row('限制消费'),
    expect: { errors: [], status: { expiry: null, phase: '生效中', nextNode: '', alert: '' } },
  },
  {
    name: '31 days before expiry: 生效中',
    asOf: '2027-01-28',
    values: row('冻结银行存款'),
    expect: { status: { phase: '生效中', alert: '正常', nextNode: '续行', nextDue: '2027-02-28', daysLeft: 31 } },
  },
  {
    name: '30 days before expiry: 续行临期',
    asOf: '2027-01-29',
    values: row('冻结银行存款'),
    expect: { status: { phase: '续行临期', alert: '临期', daysLeft: 30 } },
  },
  {
    name: 'on the last day: 续行临期',
    asOf: '2027-02-28',
    values: row('冻结银行存款'),
    expect: { status: { phase: '续行临期', daysLeft: 0 } },
  },
  {
    name: 'the day after, not renewed: 已失效',
    asOf: '2027-03-01',
    values: row('冻结银行存款'),
    expect: { status: { phase: '已失效', alert: '超期', daysLeft: -1 }, nodes: { renewal: { state: '超期', dueOn: '2027-02-28' } } },
  },
  {
    name: 'renewed on the last day: the same term again from the next day',
    asOf: '2027-03-01',
    values: row('冻结银行存款', { renewedOn: '2027-02-28' }),
    expect: { errors: [], status: { expiry: '2028-02-29', phase: '生效中', nextDue: '2028-02-29' }, noWarnings: ['renewedOn'] },
  },
  {
    name: 'renewed the day after expiry: too late, 已失效, with a warning',
    asOf: '2027-03-02',
    values: row('冻结银行存款', { renewedOn: '2027-03-01' }),
    expect: { status: { expiry: '2027-02-28', phase: '已失效' }, warnings: { renewedOn: '续行应在期限届满前办理' } },
  },
  {
    name: '失信 is not renewed: no 续行临期 before its end, its deletion is the next node (ends Tuesday 2028-02-29, 3 working days)',
    asOf: '2028-02-01',
    values: row('纳入失信'),
    expect: { status: { phase: '生效中', alert: '正常', nextNode: '删除', nextDue: '2028-03-03' } },
  },
  { name: '失信 on its last day: 生效中', asOf: '2028-02-29', values: row('纳入失信'), expect: { status: { phase: '生效中' } } },
  {
    name: '失信 after its 2 years: 待删除, not 已失效',
    asOf: '2028-03-01',
    values: row('纳入失信'),
    expect: {
      status: { phase: '待删除', alert: '临期', nextNode: '删除', nextDue: '2028-03-03', daysLeft: 2 },
      warnings: { revokedOn: '不会自动失效' },
      nodes: { removal: { state: '临期', dueOn: '2028-03-03' } },
    },
  },
  {
    name: '失信 past its third working day after the term: 超期',
    asOf: '2028-03-04',
    values: row('纳入失信'),
    expect: { status: { phase: '待删除', alert: '超期', daysLeft: -1 } },
  },
  {
    name: '失信 deleted on the third working day after its term: 已解除, on time',
    asOf: '2028-03-06',
    values: row('纳入失信', { revokedOn: '2028-03-03' }),
    expect: { status: { phase: '已解除', alert: '已完成' }, nodes: { removal: { state: '已完成' } } },
  },
  {
    name: '失信 with 无 (第一条第一项): no expiry',
    asOf: '2030-03-01',
    values: row('纳入失信', { expiresOn: '无' }),
    expect: { errors: [], status: { expiry: null, phase: '生效中' } },
  },
  {
    name: '无 for a freeze is an error',
    asOf: '2026-03-02',
    values: row('冻结银行存款', { expiresOn: '无' }),
    expect: { errors: ['expiresOn'], status: { expiry: '2027-02-28' } },
  },
  {
    name: "the clerk's earlier expiry wins",
    asOf: '2026-09-02',
    values: row('查封动产', { expiresOn: '2026-09-01' }),
    expect: { errors: [], status: { expiry: '2028-02-29', phase: '已失效', nextDue: '2026-09-01' }, noWarnings: ['expiresOn'] },
  },
  {
    name: "the clerk's expiry beyond the statutory term: warning",
    asOf: '2026-03-02',
    values: row('查封动产', { expiresOn: '2028-03-01' }),
    expect: { status: { nextDue: '2028-03-01' }, warnings: { expiresOn: '晚于按法定期限计算的到期日 2028-02-29' } },
  },
  {
    name: "renewed, but the clerk's expiry is still the first one: warning",
    asOf: '2026-03-02',
    values: row('冻结银行存款', { expiresOn: '2027-02-28', renewedOn: '2027-02-20' }),
    expect: { warnings: { expiresOn: '仍是续行前的到期日' } },
  },
  {
    name: 'approved, not yet effective: 待生效',
    asOf: '2026-02-28',
    values: row('纳入失信', { effectiveOn: null }),
    expect: { status: { phase: '待生效', expiry: null } },
  },
  {
    name: 'revoked: 已解除',
    asOf: '2026-06-01',
    values: row('冻结银行存款', { revokedOn: '2026-05-20', revokeReason: '申请执行人申请' }),
    expect: { errors: [], status: { phase: '已解除', alert: '已完成' } },
  },
  {
    name: '划拨 is one-off: 已划拨, never 待解除',
    asOf: '2026-05-06',
    values: row('划拨', { caseNo: PAID_CASE }),
    expect: { status: { phase: '已划拨', expiry: null }, noWarnings: ['revokedOn'] },
  },
  {
    name: '失信 without a term in a case closed by 执行完毕: 待解除, deleted within 3 working days (after May Day: 2026-05-08)',
    asOf: '2026-05-06',
    values: row('纳入失信', { caseNo: PAID_CASE, expiresOn: '无' }),
    expect: {
      status: { phase: '待解除', alert: '临期', nextNode: '解除', nextDue: '2026-05-08', daysLeft: 2 },
      warnings: { revokedOn: '应于 2026-05-08 前解除' },
      nodes: { release: { state: '临期', dueOn: '2026-05-08' } },
    },
  },
  {
    name: '失信 not deleted by the third working day: 超期',
    asOf: '2026-05-09',
    values: row('纳入失信', { caseNo: PAID_CASE, expiresOn: '无' }),
    expect: { status: { phase: '待解除', alert: '超期' } },
  },
  {
    name: '失信 deleted on the third working day: 已解除, on time',
    asOf: '2026-05-09',
    values: row('纳入失信', { caseNo: PAID_CASE, expiresOn: '无', revokedOn: '2026-05-08' }),
    expect: { status: { phase: '已解除', alert: '已完成' }, nodes: { release: { state: '已完成' } } },
  },
  {
    name: '失信 deleted later: 已解除, late',
    asOf: '2026-05-12',
    values: row('纳入失信', { caseNo: PAID_CASE, expiresOn: '无', revokedOn: '2026-05-11' }),
    expect: { status: { phase: '已解除' }, nodes: { release: { state: '超期完成' } } },
  },
  {
    name: '失信 with a term in a case closed by 执行完毕: 待解除 as one without (the rules delete it early, 第二条)',
    asOf: '2026-05-06',
    values: row('纳入失信', { caseNo: PAID_CASE }),
    expect: {
      status: { phase: '待解除', nextNode: '解除', nextDue: '2026-05-08' },
      warnings: { revokedOn: '尚未解除' },
    },
  },
  {
    name: '限制消费 in a case closed by 执行完毕: the configured 3 working days',
    asOf: '2026-05-07',
    values: row('限制消费', { caseNo: PAID_CASE }),
    expect: { status: { phase: '待解除', nextDue: '2026-05-08', alert: '临期' } },
  },
  {
    name: 'a seizure in a case closed by 执行完毕: 待解除 without a deadline, no renewal',
    asOf: '2026-05-06',
    values: row('查封不动产', { caseNo: PAID_CASE }),
    expect: { status: { phase: '待解除', nextNode: '', alert: '' }, warnings: { revokedOn: '应及时解除' } },
  },
  {
    name: 'before the closing date: 生效中',
    asOf: '2026-04-29',
    values: row('纳入失信', { caseNo: PAID_CASE, expiresOn: '无' }),
    expect: { status: { phase: '生效中' }, noWarnings: ['revokedOn'] },
  },
  {
    name: 'revoked before the case was closed: no release node',
    asOf: '2026-05-06',
    values: row('纳入失信', { caseNo: PAID_CASE, expiresOn: '无', revokedOn: '2026-04-20' }),
    expect: { status: { phase: '已解除', nextNode: '' } },
  },
  {
    name: 'a case closed by 终本 keeps its measures: 生效中, renewal still due',
    asOf: '2026-05-06',
    values: row('冻结银行存款', { caseNo: TERMINATED_CASE }),
    expect: { status: { phase: '生效中', nextNode: '续行' }, noWarnings: ['revokedOn'] },
  },
  {
    name: 'no measure named: warning',
    asOf: '2026-03-02',
    values: row('', {}),
    expect: { errors: [], warnings: { measure: '无法确定期限' } },
  },
  {
    name: 'renewal of a measure without a renewable term: warning',
    asOf: '2026-03-02',
    values: row('纳入失信', { renewedOn: '2026-03-02' }),
    expect: { warnings: { renewedOn: '不适用续行' } },
  },
  {
    name: 'effective before approval: error',
    asOf: '2026-03-02',
    values: row('划拨', { approvedOn: '2026-03-02' }),
    expect: { errors: ['effectiveOn'] },
  },
  {
    name: 'a case number not in the case register: warning',
    asOf: '2026-03-02',
    values: row('划拨', { caseNo: UNKNOWN_CASE }),
    expect: { warnings: { caseNo: '不存在' } },
  },
  {
    name: 'bad values in every column type',
    asOf: '2026-03-02',
    values: {
      caseNo: '（2026）豫0102执',
      measure: '冻结',
      subject: '措施对象X',
      subjectId: '9135010',
      approvedOn: '2026年2月30日',
      effectiveOn: '2026/3/1 25:00',
      expiresOn: '永久',
      renewedOn: -3,
      revokedOn: '2026-3-1-1',
    },
    expect: {
      errors: ['caseNo', 'measure', 'subjectId', 'approvedOn', 'effectiveOn', 'expiresOn', 'renewedOn', 'revokedOn'],
      errorsNameTheValue: true,
    },
  },
];
