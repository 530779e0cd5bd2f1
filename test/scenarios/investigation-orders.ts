// 律师调查令台账 scenarios: the validity at, below and above its maximum and its default; the return
// date with a holiday; every phase by asOf; bad values in every column type.

import { OPEN_CASE, UNKNOWN_CASE, type RawRow, type Scenario } from './fixtures.ts';

/** Issued on Monday 2026-03-02; the default 15 days make 2026-03-17 the return date. */
const row = (lawyer: string, changes: RawRow = {}): RawRow => ({
  caseNo: OPEN_CASE,
  lawyer,
  lawFirm: '河南某律师事务所',
  licenseNo: '14101201510123456',
  target: '某银行',
  issuedOn: '2026-03-02',
  ...changes,
});

export const INVESTIGATION_ORDERS_SCENARIOS: Scenario[] = [
  {
    name: 'no validity typed: the default 15 days',
    asOf: '2026-03-03',
    values: row('律师甲'),
    expect: { errors: [], status: { dueOn: '2026-03-17', phase: '有效', alert: '正常', nextNode: '交回', nextDue: '2026-03-17' } },
  },
  {
    name: '30 days is the maximum',
    asOf: '2026-03-03',
    values: row('律师乙', { validDays: 30 }),
    expect: { errors: [], status: { dueOn: '2026-04-01' } },
  },
  {
    name: '29 days',
    asOf: '2026-03-03',
    values: row('律师丙', { validDays: '29日' }),
    expect: { errors: [], status: { dueOn: '2026-03-31' } },
  },
  {
    name: '31 days is an error, and the return date is still counted',
    asOf: '2026-03-03',
    values: row('律师丁', { validDays: 31 }),
    expect: { errors: ['validDays'], status: { dueOn: '2026-04-02' } },
  },
  {
    name: '0 days is an error',
    asOf: '2026-03-03',
    values: row('律师戊', { validDays: 0 }),
    expect: { errors: ['validDays'], status: { dueOn: null, phase: '' } },
  },
  {
    name: 'a return date on National Day rolls to the next working day',
    asOf: '2026-09-21',
    values: row('律师己', { issuedOn: '2026-09-20' }),
    expect: { status: { dueOn: '2026-10-08' } },
  },
  {
    name: '4 days before the return date: 有效',
    asOf: '2026-03-13',
    values: row('律师庚'),
    expect: { status: { phase: '有效', alert: '正常', daysLeft: 4 } },
  },
  {
    name: '3 days before the return date: 临期',
    asOf: '2026-03-14',
    values: row('律师辛'),
    expect: { status: { phase: '临期', alert: '临期', daysLeft: 3 } },
  },
  { name: 'on the return date: 临期', asOf: '2026-03-17', values: row('律师壬'), expect: { status: { phase: '临期', daysLeft: 0 } } },
  {
    name: 'past the return date: 逾期未交回',
    asOf: '2026-03-18',
    values: row('律师癸'),
    expect: { status: { phase: '逾期未交回', alert: '超期', daysLeft: -1 } },
  },
  {
    name: 'returned in time: 已交回',
    asOf: '2026-03-18',
    values: row('律师子', { returnedOn: '2026-03-17' }),
    expect: { errors: [], status: { phase: '已交回', alert: '已完成' }, nodes: { return: { state: '已完成' } } },
  },
  {
    name: 'returned late: 已交回, the node 超期完成',
    asOf: '2026-03-20',
    values: row('律师丑', { returnedOn: '2026-03-19' }),
    expect: { status: { phase: '已交回' }, nodes: { return: { state: '超期完成' } } },
  },
  {
    name: 'returned before it was issued: error',
    asOf: '2026-03-20',
    values: row('律师寅', { returnedOn: '2026-03-01' }),
    expect: { errors: ['returnedOn'] },
  },
  {
    name: 'not issued yet: no phase',
    asOf: '2026-03-03',
    values: row('律师卯', { issuedOn: null }),
    expect: { errors: [], status: { phase: '', dueOn: null } },
  },
  {
    name: 'a case number not in the case register: warning',
    asOf: '2026-03-03',
    values: row('律师辰', { caseNo: UNKNOWN_CASE }),
    expect: { warnings: { caseNo: '不存在' } },
  },
  {
    name: 'bad values in every column type',
    asOf: '2026-03-03',
    values: {
      caseNo: 'abc',
      lawyer: '',
      licenseNo: '1410120151012345',
      issuedOn: '2026.3.32',
      validDays: '半个月',
      returnedOn: '03/20/2026',
    },
    expect: { errors: ['caseNo', 'lawyer', 'licenseNo', 'issuedOn', 'validDays', 'returnedOn'], errorsNameTheValue: true },
  },
];
