// 拒执台账 scenarios: the police decision within 7 days at, before and after the boundary, or within
// 30 when 公安延长审查 is 是; an end on 国庆 rolled; decisions on time and late; every phase; bad values.

import { OPEN_CASE, UNKNOWN_CASE, type RawRow, type Scenario } from './fixtures.ts';

/** Transferred on Monday 2026-03-02: 7 days end on 2026-03-09, 30 days (extended) on 2026-04-01. */
const row = (person: string, changes: RawRow = {}): RawRow => ({
  caseNo: OPEN_CASE,
  person,
  route: '移送公安',
  transferredOn: '2026-03-02',
  ...changes,
});

export const REFUSALS_SCENARIOS: Scenario[] = [
  {
    name: '4 days before the 7th day: 待公安决定, 正常',
    asOf: '2026-03-05',
    values: row('拒执甲'),
    expect: {
      errors: [],
      status: { phase: '待公安决定', alert: '正常', nextNode: '公安立案决定', nextDue: '2026-03-09', daysLeft: 4 },
      noWarnings: ['policeFiledOn'],
    },
  },
  { name: '3 days before: 临期', asOf: '2026-03-06', values: row('拒执乙'), expect: { status: { alert: '临期', daysLeft: 3 } } },
  {
    name: 'on the 7th day: 临期',
    asOf: '2026-03-09',
    values: row('拒执丙'),
    expect: { status: { alert: '临期', nextDue: '2026-03-09' }, noWarnings: ['policeFiledOn'] },
  },
  {
    name: 'past 7 days without a recorded extension: 公安逾期未决定, 超期',
    asOf: '2026-03-10',
    values: row('拒执丁'),
    expect: {
      errors: [],
      status: { phase: '公安逾期未决定', alert: '超期', nextDue: '2026-03-09', daysLeft: -1 },
      warnings: { policeFiledOn: '请在「公安延长审查」填「是」' },
    },
  },
  {
    name: 'extended by the police: 30 days, 正常 on the 8th day',
    asOf: '2026-03-10',
    values: row('拒执丁二', { policeExtended: '是' }),
    expect: {
      errors: [],
      status: { phase: '待公安决定', alert: '正常', nextDue: '2026-04-01', daysLeft: 22 },
      noWarnings: ['policeFiledOn'],
    },
  },
  {
    name: 'extended, 3 days before the 30th: 临期',
    asOf: '2026-03-29',
    values: row('拒执戊', { policeExtended: '是' }),
    expect: { status: { alert: '临期', nextDue: '2026-04-01' } },
  },
  {
    name: 'extended, on the 30th day: 临期',
    asOf: '2026-04-01',
    values: row('拒执己', { policeExtended: '是' }),
    expect: { status: { alert: '临期', daysLeft: 0 } },
  },
  {
    name: 'extended, past 30 days without a decision: 公安逾期未决定, 超期',
    asOf: '2026-04-02',
    values: row('拒执庚', { policeExtended: '是' }),
    expect: { status: { phase: '公安逾期未决定', alert: '超期', daysLeft: -1 }, warnings: { policeFiledOn: '已超过延长审查的30日' } },
  },
  {
    name: 'an end on 国庆 rolls to 2026-10-08',
    asOf: '2026-10-08',
    values: row('拒执庚二', { transferredOn: '2026-09-27' }),
    expect: { status: { alert: '临期', nextDue: '2026-10-08', daysLeft: 0 } },
  },
  {
    name: 'a case opened on the 7th day: on time',
    asOf: '2026-04-10',
    values: row('拒执辛', { policeFiledOn: '2026-03-09' }),
    expect: { status: { phase: '公安已立案', alert: '已完成' }, nodes: { policeDecision: { state: '已完成', dueOn: '2026-03-09' } } },
  },
  {
    name: 'a decision on the 8th day: within the extension',
    asOf: '2026-04-10',
    values: row('拒执壬', { policeExtended: '是', policeReplyOn: '2026-03-10' }),
    expect: { status: { phase: '公安不予立案' }, nodes: { policeDecision: { state: '已完成', dueOn: '2026-04-01' } } },
  },
  {
    name: 'a decision after 30 days: late',
    asOf: '2026-04-10',
    values: row('拒执癸', { policeExtended: '是', policeFiledOn: '2026-04-02' }),
    expect: { nodes: { policeDecision: { state: '超期完成' } } },
  },
  {
    name: 'prosecuted: 已起诉',
    asOf: '2026-05-10',
    values: row('拒执子', { policeFiledOn: '2026-03-05', prosecutedOn: '2026-04-20' }),
    expect: { errors: [], status: { phase: '已起诉' } },
  },
  {
    name: 'judged: 已判决',
    asOf: '2026-08-10',
    values: row('拒执丑', { policeFiledOn: '2026-03-05', prosecutedOn: '2026-04-20', verdictOn: '2026-07-01', verdict: '有期徒刑一年' }),
    expect: { status: { phase: '已判决' } },
  },
  {
    name: 'private prosecution: no police node, 待起诉',
    asOf: '2026-03-10',
    values: { caseNo: OPEN_CASE, person: '拒执寅', route: '自诉' },
    expect: { errors: [], status: { phase: '待起诉', nextNode: '', alert: '' } },
  },
  {
    name: 'private prosecution filed: 已起诉',
    asOf: '2026-03-10',
    values: { caseNo: OPEN_CASE, person: '拒执卯', route: '自诉', prosecutedOn: '2026-03-08' },
    expect: { status: { phase: '已起诉' } },
  },
  {
    name: 'to be transferred: 待移送',
    asOf: '2026-03-10',
    values: row('拒执辰', { transferredOn: null }),
    expect: { status: { phase: '待移送' } },
  },
  {
    name: 'opened and refused both recorded: warning',
    asOf: '2026-03-10',
    values: row('拒执巳', { policeFiledOn: '2026-03-05', policeReplyOn: '2026-03-04' }),
    expect: { warnings: { policeReplyOn: '请核实公安机关的决定' } },
  },
  {
    name: 'a decision before the transfer: error',
    asOf: '2026-03-10',
    values: row('拒执午', { policeFiledOn: '2026-03-01' }),
    expect: { errors: ['policeFiledOn'] },
  },
  {
    name: 'a case number not in the case register: warning',
    asOf: '2026-03-10',
    values: row('拒执未', { caseNo: UNKNOWN_CASE }),
    expect: { warnings: { caseNo: '不存在' } },
  },
  {
    name: 'bad values in every column type',
    asOf: '2026-03-10',
    values: {
      caseNo: '豫0102执1号',
      person: '拒执申',
      route: '报警',
      transferredOn: '2026-3-2x',
      policeExtended: '待定',
      policeFiledOn: '20260305',
      policeReplyOn: 'TRUE',
      prosecutedOn: '2026-04-31',
      verdictOn: '2026年7月',
    },
    expect: {
      errors: ['caseNo', 'route', 'transferredOn', 'policeExtended', 'policeFiledOn', 'policeReplyOn', 'prosecutedOn', 'verdictOn'],
      errorsNameTheValue: true,
    },
  },
];
