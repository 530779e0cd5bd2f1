// 罚款台账 scenarios: the bounds for individuals and organisations at, below and above them; the
// phases; bad values in every column type.

import { OPEN_CASE, UNKNOWN_CASE, type RawRow, type Scenario } from './fixtures.ts';

const row = (subject: string, changes: RawRow): RawRow => ({ caseNo: OPEN_CASE, subject, decidedOn: '2026-03-04', ...changes });
const fine = (name: string, subject: string, subjectType: string, amount: string | number, errors: string[]): Scenario => ({
  name,
  asOf: '2026-03-05',
  values: row(subject, { subjectType, amount }),
  expect: { errors },
});

export const FINES_SCENARIOS: Scenario[] = [
  fine('an individual: 100,000 is the maximum', '罚款甲', '个人', 100_000, []),
  fine('an individual: 99,999.99', '罚款乙', '个人', '99,999.99', []),
  fine('an individual: 100,000.01 is an error', '罚款丙', '个人', '100000.01', ['amount']),
  fine('an individual: 10万元 is the maximum', '罚款丁', '自然人', '10万元', []),
  fine('an organisation: 50,000 is the minimum', '罚款戊', '单位', '5万', []),
  fine('an organisation: 49,999.99 is an error', '罚款己', '单位', 49_999.99, ['amount']),
  fine('an organisation: 1,000,000 is the maximum', '罚款庚', '公司', '1,000,000', []),
  fine('an organisation: 1,000,000.01 is an error', '罚款辛', '单位', 1_000_000.01, ['amount']),
  fine('a fine of 0 is an error', '罚款壬', '个人', 0, ['amount']),
  {
    name: 'without 被罚款人类型: a warning, and only the widest bound checked',
    asOf: '2026-03-05',
    values: row('罚款癸', { amount: 200_000 }),
    expect: { errors: [], warnings: { subjectType: '无法按个人或单位核对罚款限额' } },
  },
  {
    name: 'without 被罚款人类型, above every bound: an error',
    asOf: '2026-03-05',
    values: row('罚款子', { amount: 1_000_001 }),
    expect: { errors: ['amount'], warnings: { subjectType: '无法' } },
  },
  {
    name: 'decided, not paid: 未缴纳',
    asOf: '2026-03-05',
    values: row('罚款丑', { subjectType: '个人', amount: 1000 }),
    expect: { errors: [], status: { phase: '未缴纳', alert: '', nextNode: '' } },
  },
  {
    name: 'paid: 已缴纳',
    asOf: '2026-03-05',
    values: row('罚款寅', { subjectType: '个人', amount: 1000, paidOn: '2026-03-05' }),
    expect: { errors: [], status: { phase: '已缴纳' } },
  },
  {
    name: 'paid before the decision: error',
    asOf: '2026-03-05',
    values: row('罚款卯', { subjectType: '个人', amount: 1000, paidOn: '2026-03-03' }),
    expect: { errors: ['paidOn'] },
  },
  {
    name: 'a case number not in the case register: warning',
    asOf: '2026-03-05',
    values: row('罚款辰', { caseNo: UNKNOWN_CASE, subjectType: '个人', amount: 1000 }),
    expect: { warnings: { caseNo: '不存在' } },
  },
  {
    name: 'bad values in every column type',
    asOf: '2026-03-05',
    values: {
      caseNo: '（2026）豫0102民1号',
      subject: null,
      subjectType: '机关',
      amount: '-500',
      decidedOn: '2026/02/29',
      paidOn: 'yesterday',
    },
    expect: { errors: ['caseNo', 'subject', 'subjectType', 'amount', 'decidedOn', 'paidOn'], errorsNameTheValue: true },
  },
];
