// 案款台账 scenarios: notification on the day of receipt, disbursement within 30 days (rolled past
// the National Day holiday), the aging flags at their boundaries (day 2/3 and 6/7), 已发放 and the
// age it stops at, a lawful hold (暂缓发放) and its days not counted, the case register, bad values.

import { OPEN_CASE, UNKNOWN_CASE, type RawRow, type Scenario } from './fixtures.ts';

let n = 0;
/** Received Monday 2026-03-02; each row gets its own 到账流水号 so the natural keys stay apart. */
const row = (changes: RawRow = {}): RawRow => ({
  caseNo: OPEN_CASE,
  receiptNo: `LS2026${String(++n).padStart(4, '0')}`,
  receivedOn: '2026-03-02',
  amount: '1.5万',
  ...changes,
});

const aged = (asOf: string, ageDays: number, phase: string): Scenario => ({
  name: `undisbursed on day ${ageDays}: ${phase}`,
  asOf,
  values: row({ notifiedOn: '2026-03-02' }),
  expect: {
    errors: [],
    status: { ageDays, phase },
    ...(phase === '新到账' ? { noWarnings: ['disbursedOn'] } : { warnings: { disbursedOn: `处于「${phase}」阶段` } }),
  },
});

export const PAYMENTS_SCENARIOS: Scenario[] = [
  {
    name: 'on the day of receipt, not yet notified: 到账通知 临期, 新到账',
    asOf: '2026-03-02',
    values: row(),
    expect: {
      errors: [],
      status: { ageDays: 0, phase: '新到账', nextNode: '到账通知', nextDue: '2026-03-02', daysLeft: 0, alert: '临期' },
      nodes: { notify: { state: '临期', dueOn: '2026-03-02' }, disburse: { state: '正常', dueOn: '2026-04-01', daysLeft: 30 } },
      noWarnings: ['caseNo'],
    },
  },
  {
    name: 'not notified the next day: 到账通知 超期',
    asOf: '2026-03-03',
    values: row(),
    expect: { status: { alert: '超期', nextNode: '到账通知', daysLeft: -1 }, nodes: { notify: { state: '超期' } } },
  },
  {
    name: 'notified the same day: 已完成',
    asOf: '2026-03-03',
    values: row({ notifiedOn: '2026-03-02' }),
    expect: { status: { nextNode: '发放', alert: '正常' }, nodes: { notify: { state: '已完成' } } },
  },
  {
    name: 'notified the next day: 超期完成',
    asOf: '2026-03-03',
    values: row({ notifiedOn: '2026-03-03' }),
    expect: { nodes: { notify: { state: '超期完成' } } },
  },
  aged('2026-03-04', 2, '新到账'),
  aged('2026-03-05', 3, '提醒'),
  aged('2026-03-08', 6, '提醒'),
  aged('2026-03-09', 7, '通报'),
  {
    name: 'the disbursement period is 30 days: 临期 from 3 days before',
    asOf: '2026-03-29',
    values: row({ notifiedOn: '2026-03-02' }),
    expect: { status: { phase: '通报', alert: '临期', daysLeft: 3 } },
  },
  {
    name: 'undisbursed past 30 days: 发放 超期',
    asOf: '2026-04-02',
    values: row({ notifiedOn: '2026-03-02' }),
    expect: { status: { ageDays: 31, alert: '超期' }, nodes: { disburse: { state: '超期', dueOn: '2026-04-01' } } },
  },
  {
    name: 'a disbursement due in the National Day holiday rolls to 2026-10-08',
    asOf: '2026-09-05',
    values: row({ receivedOn: '2026-09-05' }),
    expect: { nodes: { disburse: { state: '正常', dueOn: '2026-10-08' } } },
  },
  {
    name: 'held on day 3 for a distribution: 暂缓发放, the age and the 27 days left stand still',
    asOf: '2026-03-20',
    values: row({ notifiedOn: '2026-03-02', heldOn: '2026-03-05', holdReason: '需要进行案款分配' }),
    expect: {
      errors: [],
      status: { ageDays: 3, phase: '暂缓发放', nextNode: '发放', daysLeft: 27, alert: '正常' },
      nodes: { disburse: { state: '正常', dueOn: '2026-04-16', daysLeft: 27 } },
      noWarnings: ['disbursedOn', 'heldOn'],
    },
  },
  {
    name: 'held 12 days and resumed: the end moves from 09-19 into 国庆 and rolls to 10-08',
    asOf: '2026-09-10',
    values: row({
      receivedOn: '2026-08-20',
      notifiedOn: '2026-08-20',
      heldOn: '2026-08-25',
      holdReason: '案款分配',
      resumedOn: '2026-09-06',
    }),
    expect: {
      errors: [],
      status: { ageDays: 9, phase: '通报' },
      nodes: { disburse: { state: '正常', dueOn: '2026-10-08', daysLeft: 28 } },
      warnings: { disbursedOn: '暂缓发放 12 日不计入' },
    },
  },
  {
    name: 'resumed before the hold: error, the hold not counted',
    asOf: '2026-03-20',
    values: row({ notifiedOn: '2026-03-02', heldOn: '2026-03-10', holdReason: '案款分配', resumedOn: '2026-03-04' }),
    expect: { errors: ['resumedOn'], status: { ageDays: 18, phase: '通报' }, nodes: { disburse: { state: '正常', dueOn: '2026-04-01' } } },
  },
  {
    name: 'held without a reason: error, the hold not counted',
    asOf: '2026-03-20',
    values: row({ notifiedOn: '2026-03-02', heldOn: '2026-03-10' }),
    expect: { errors: ['holdReason'], status: { ageDays: 18, phase: '通报' } },
  },
  {
    name: 'held before the receipt: error',
    asOf: '2026-03-20',
    values: row({ notifiedOn: '2026-03-02', heldOn: '2026-03-01', holdReason: '案款分配' }),
    expect: { errors: ['heldOn'], status: { phase: '通报' } },
  },
  {
    name: 'disbursed: 已发放, the age stops at the disbursement',
    asOf: '2026-04-20',
    values: row({ notifiedOn: '2026-03-02', disbursedOn: '2026-03-20', payee: '申请执行人甲' }),
    expect: {
      errors: [],
      status: { ageDays: 18, phase: '已发放', alert: '已完成', nextNode: '' },
      nodes: { disburse: { state: '已完成' } },
      noWarnings: ['disbursedOn', 'payee'],
    },
  },
  {
    name: 'disbursed late: 超期完成',
    asOf: '2026-04-20',
    values: row({ notifiedOn: '2026-03-02', disbursedOn: '2026-04-02', payee: '申请执行人甲' }),
    expect: { status: { phase: '已发放' }, nodes: { disburse: { state: '超期完成' } } },
  },
  {
    name: 'disbursed without a payee: warning',
    asOf: '2026-04-20',
    values: row({ notifiedOn: '2026-03-02', disbursedOn: '2026-03-20' }),
    expect: { warnings: { payee: '领款人为空' } },
  },
  { name: 'a receipt after asOf has no age yet', asOf: '2026-03-01', values: row(), expect: { status: { ageDays: null, phase: '' } } },
  {
    name: 'a case number not in the case register: warning',
    asOf: '2026-03-02',
    values: row({ caseNo: UNKNOWN_CASE }),
    expect: { errors: [], warnings: { caseNo: '在执行案件流转台账中不存在' } },
  },
  { name: 'an amount of 0: error', asOf: '2026-03-02', values: row({ amount: 0 }), expect: { errors: ['amount'] } },
  {
    name: 'notified or disbursed before the receipt: error',
    asOf: '2026-03-05',
    values: row({ notifiedOn: '2026-03-01', disbursedOn: '2026-02-28', payee: '甲' }),
    expect: { errors: ['notifiedOn', 'disbursedOn'] },
  },
  {
    name: 'required columns empty',
    asOf: '2026-03-02',
    values: { caseNo: '', receiptNo: '', receivedOn: '', amount: '' },
    expect: { errors: ['caseNo', 'receiptNo', 'receivedOn', 'amount'], status: { ageDays: null, phase: '', alert: '' } },
  },
  {
    name: 'bad values in every column type',
    asOf: '2026-03-02',
    values: {
      caseNo: '2026执1号',
      receiptNo: 'LS-X',
      receivedOn: '3/2/2026',
      amount: '-5万',
      notifiedOn: '2026-02-30',
      heldOn: '2026年13月1日',
      resumedOn: '下周',
      disbursedOn: '明天',
    },
    expect: { errors: ['caseNo', 'receivedOn', 'amount', 'notifiedOn', 'heldOn', 'resumedOn', 'disbursedOn'], errorsNameTheValue: true },
  },
];
