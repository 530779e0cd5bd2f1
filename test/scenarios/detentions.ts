// 拘留台账 scenarios: 1–15 days at, below and above the bounds; the last custody day; every phase by
// asOf; release on time, late and early; the family notice 24 hours from 送拘时间, else from 送拘日
// 24:00; bad values in every column type.

import { OPEN_CASE, UNKNOWN_CASE, type RawRow, type Scenario } from './fixtures.ts';

/**
 * Committed on 2026-03-05 for 15 days: the last custody day is 2026-03-19; the family is to be told
 * by 2026-03-06 24:00 (24 hours from the end of the committal day), and was told at 16:00 that day.
 */
const row = (person: string, changes: RawRow = {}): RawRow => ({
  caseNo: OPEN_CASE,
  person,
  decidedOn: '2026-03-04',
  days: 15,
  startOn: '2026-03-05',
  facility: '市拘留所',
  familyNotifiedAt: '2026-03-05 16:00',
  ...changes,
});

export const DETENTIONS_SCENARIOS: Scenario[] = [
  {
    name: '15 days is the maximum: the term ends on its 15th day, 2026-03-19',
    asOf: '2026-03-06',
    values: row('拘留甲'),
    expect: {
      errors: [],
      status: { endOn: '2026-03-19', phase: '在押', alert: '正常', nextNode: '期满释放', nextDue: '2026-03-19', daysLeft: 13 },
    },
  },
  { name: '14 days', asOf: '2026-03-06', values: row('拘留乙', { days: '14天' }), expect: { errors: [], status: { endOn: '2026-03-18' } } },
  {
    name: '16 days is an error',
    asOf: '2026-03-06',
    values: row('拘留丙', { days: 16 }),
    expect: { errors: ['days'], status: { endOn: '2026-03-20' } },
  },
  {
    name: '1 day is the minimum: the term ends on the day of committal',
    asOf: '2026-03-05',
    values: row('拘留丁', { days: 1 }),
    expect: { errors: [], status: { endOn: '2026-03-05', phase: '临期释放' } },
  },
  {
    name: '0 days is an error',
    asOf: '2026-03-05',
    values: row('拘留戊', { days: 0 }),
    expect: { errors: ['days'], status: { endOn: null } },
  },
  {
    name: 'the day before the last: 在押',
    asOf: '2026-03-18',
    values: row('拘留己'),
    expect: { status: { phase: '在押', alert: '正常', daysLeft: 1 } },
  },
  {
    name: 'the last custody day: 临期释放',
    asOf: '2026-03-19',
    values: row('拘留庚'),
    expect: { status: { phase: '临期释放', alert: '临期', daysLeft: 0 }, noWarnings: ['releasedOn'] },
  },
  {
    name: 'past the last day without release: 应释放未释放, with a warning',
    asOf: '2026-03-20',
    values: row('拘留辛'),
    expect: { errors: [], status: { phase: '应释放未释放', alert: '超期', daysLeft: -1 }, warnings: { releasedOn: '应释放未释放' } },
  },
  {
    name: 'released on the last day: 已释放',
    asOf: '2026-03-20',
    values: row('拘留壬', { releasedOn: '2026-03-19' }),
    expect: { errors: [], status: { phase: '已释放', alert: '已完成' }, nodes: { release: { state: '已完成' } } },
  },
  {
    name: 'released after the last day: an error naming the days over',
    asOf: '2026-03-22',
    values: row('拘留癸', { releasedOn: '2026-03-21' }),
    expect: { errors: ['releasedOn'], status: { phase: '已释放' }, nodes: { release: { state: '超期完成' } } },
  },
  {
    name: 'released early without 提前解除: warning',
    asOf: '2026-03-12',
    values: row('拘留子', { releasedOn: '2026-03-10' }),
    expect: { errors: [], status: { phase: '已释放' }, warnings: { earlyRelease: '如系提前解除' } },
  },
  {
    name: 'released early with 提前解除 是: no warning',
    asOf: '2026-03-12',
    values: row('拘留丑', { releasedOn: '2026-03-10', earlyRelease: '是' }),
    expect: { errors: [], noWarnings: ['earlyRelease', 'releasedOn'] },
  },
  {
    name: '提前解除 是 without a release date: warning',
    asOf: '2026-03-12',
    values: row('拘留寅', { earlyRelease: '是' }),
    expect: { warnings: { releasedOn: '提前解除为「是」' } },
  },
  {
    name: 'decided, not yet committed: 待送拘',
    asOf: '2026-03-05',
    values: row('拘留卯', { startOn: null }),
    expect: { errors: [], status: { phase: '待送拘', endOn: null, alert: '' } },
  },
  { name: 'committed after asOf: 待送拘', asOf: '2026-03-04', values: row('拘留辰'), expect: { status: { phase: '待送拘' } } },
  {
    name: 'committed without days: warning, no end date',
    asOf: '2026-03-06',
    values: row('拘留巳', { days: null }),
    expect: { errors: [], status: { phase: '在押', endOn: null }, warnings: { days: '无法计算期满日期' } },
  },
  {
    name: 'committed before the decision: error',
    asOf: '2026-03-06',
    values: row('拘留午', { startOn: '2026-03-03' }),
    expect: { errors: ['startOn'] },
  },
  {
    name: 'a case number not in the case register: warning',
    asOf: '2026-03-06',
    values: row('拘留未', { caseNo: UNKNOWN_CASE }),
    expect: { warnings: { caseNo: '在执行案件流转台账中不存在' } },
  },
  {
    name: 'committed today, family not yet told: 通知家属 is the next node, due 2026-03-06',
    asOf: '2026-03-05',
    values: row('通知甲', { familyNotifiedAt: null }),
    expect: {
      errors: [],
      status: { phase: '在押', alert: '正常', nextNode: '通知家属', nextDue: '2026-03-06', daysLeft: 1 },
      nodes: { familyNotice: { state: '正常' } },
      noWarnings: ['familyNotifiedAt'],
    },
  },
  {
    name: 'family not told on the day the 24 hours end: 临期, no warning yet',
    asOf: '2026-03-06',
    values: row('通知乙', { familyNotifiedAt: null }),
    expect: { status: { phase: '在押', alert: '临期', nextNode: '通知家属' }, noWarnings: ['familyNotifiedAt'] },
  },
  {
    name: 'family not told after 2026-03-06 24:00: 超期 with a warning',
    asOf: '2026-03-07',
    values: row('通知丙', { familyNotifiedAt: null }),
    expect: {
      errors: [],
      status: { phase: '在押', alert: '超期' },
      nodes: { familyNotice: { state: '超期' } },
      warnings: { familyNotifiedAt: '2026-03-06 24:00 已过' },
    },
  },
  {
    name: 'family told at 2026-03-07 00:30, half an hour late: 超期完成 with a warning',
    asOf: '2026-03-07',
    values: row('通知丁', { familyNotifiedAt: '2026-03-07 00:30' }),
    expect: { errors: [], nodes: { familyNotice: { state: '超期完成' } }, warnings: { familyNotifiedAt: '晚于时限' } },
  },
  {
    name: 'family told late with the reason recorded: 已完成, no warning',
    asOf: '2026-03-07',
    values: row('通知戊', { familyNotifiedAt: '2026-03-07 09:00', notNotifiedReason: '家属电话长时间无人接听' }),
    expect: { errors: [], nodes: { familyNotice: { state: '已完成' } }, noWarnings: ['familyNotifiedAt'] },
  },
  {
    name: '无法通知 recorded as a reason: the node closes, no warning',
    asOf: '2026-03-10',
    values: row('通知己', { familyNotifiedAt: null, notNotifiedReason: '被拘留人拒绝提供家属联系方式' }),
    expect: {
      errors: [],
      status: { alert: '正常', nextNode: '期满释放' },
      nodes: { familyNotice: { state: '已完成' } },
      noWarnings: ['familyNotifiedAt'],
    },
  },
  {
    name: '送拘时间 recorded: the 24 hours run from 2026-03-05 09:00, so a notice at 2026-03-06 16:00 is late',
    asOf: '2026-03-06',
    values: row('通知辛', { startAt: '2026-03-05 09:00', familyNotifiedAt: '2026-03-06 16:00' }),
    expect: {
      errors: [],
      nodes: { familyNotice: { state: '超期完成', dueOn: '2026-03-06' } },
      warnings: { familyNotifiedAt: '晚于时限 2026-03-06 09:00' },
    },
  },
  {
    name: 'family told before committal: error',
    asOf: '2026-03-06',
    values: row('通知庚', { familyNotifiedAt: '2026-03-04 18:00' }),
    expect: { errors: ['familyNotifiedAt'] },
  },
  {
    name: 'bad values in every column type',
    asOf: '2026-03-06',
    values: {
      caseNo: '（2026）执1号',
      person: '  ',
      personId: '4101021990010112345',
      decidedOn: '26-3-4',
      days: '十五',
      startOn: '2026年13月1日',
      startAt: '2026-03-05',
      familyNotifiedAt: '2026-03-05',
      releasedOn: true,
      earlyRelease: '提前',
    },
    expect: {
      errors: ['caseNo', 'person', 'personId', 'decidedOn', 'days', 'startOn', 'startAt', 'familyNotifiedAt', 'releasedOn', 'earlyRelease'],
      errorsNameTheValue: true,
    },
  },
];
