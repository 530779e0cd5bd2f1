// 拘传台账 scenarios: the 8/24-hour limit at, below and above it; open questioning as of a past day
// (its end) and as of now; every phase; the prior summons; bad values in every column type.

import { OPEN_CASE, UNKNOWN_CASE, type RawRow, type Scenario } from './fixtures.ts';

const row = (person: string, changes: RawRow): RawRow => ({
  caseNo: OPEN_CASE,
  person,
  summonedOn: '2026-03-02',
  warrantOn: '2026-03-04',
  arrivedAt: '2026-03-05 09:30',
  ...changes,
});

const ended = (person: string, endedAt: string, changes: RawRow = {}) => row(person, { endedAt, ...changes });

export const SUMMONS_SCENARIOS: Scenario[] = [
  {
    name: '8 hours exactly is within the limit',
    asOf: '2026-03-06',
    values: ended('拘传甲', '2026-03-05 17:30'),
    expect: {
      errors: [],
      status: { hours: 8, limitAt: '2026-03-05 17:30', phase: '询问结束', alert: '已完成' },
      nodes: { questioning: { state: '已完成', dueOn: '2026-03-05' } },
    },
  },
  {
    name: 'one minute under 8 hours',
    asOf: '2026-03-06',
    values: ended('拘传乙', '2026-03-05 17:29'),
    expect: { errors: [], status: { hours: 7.98 } },
  },
  {
    name: 'one minute over 8 hours is an error',
    asOf: '2026-03-06',
    values: ended('拘传丙', '2026-03-05 17:31'),
    expect: { errors: ['endedAt'], status: { hours: 8.02, phase: '询问结束' }, nodes: { questioning: { state: '超期完成' } } },
  },
  {
    name: '24 hours exactly where detention may follow',
    asOf: '2026-03-07',
    values: ended('拘传丁', '2026-03-06 09:30', { mayDetain: '是' }),
    expect: { errors: [], status: { hours: 24, limitAt: '2026-03-06 09:30' } },
  },
  {
    name: 'one minute under 24 hours where detention may follow',
    asOf: '2026-03-07',
    values: ended('拘传戊', '2026-03-06 09:29', { mayDetain: 'Y' }),
    expect: { errors: [], status: { hours: 23.98 } },
  },
  {
    name: 'one minute over 24 hours is an error even where detention may follow',
    asOf: '2026-03-07',
    values: ended('拘传己', '2026-03-06 09:31', { mayDetain: '是' }),
    expect: { errors: ['endedAt'], status: { hours: 24.02 } },
  },
  {
    name: 'still open at the end of a past day, exactly 8 hours after arrival: 临期, not yet over',
    asOf: '2026-03-05',
    values: row('拘传庚', { arrivedAt: '2026-03-05 16:00' }),
    expect: { errors: [], status: { phase: '询问中', alert: '临期', hours: null, limitAt: '2026-03-06 00:00' } },
  },
  {
    name: 'still open at the end of a past day, one minute over: 超期',
    asOf: '2026-03-05',
    values: row('拘传辛', { arrivedAt: '2026-03-05 15:59' }),
    expect: { errors: [], status: { phase: '超时未结束', alert: '超期', daysLeft: 0 }, nodes: { questioning: { state: '超期' } } },
  },
  {
    name: 'open since the day before: 超期',
    asOf: '2026-03-06',
    values: row('拘传壬', {}),
    expect: { status: { phase: '超时未结束', alert: '超期', nextNode: '询问时限', nextDue: '2026-03-05', daysLeft: -1 } },
  },
  {
    name: 'open where detention may follow, 14.5 hours by the end of the day: still within 24',
    asOf: '2026-03-05',
    values: row('拘传癸', { mayDetain: '是' }),
    expect: { status: { phase: '询问中', alert: '正常', limitAt: '2026-03-06 09:30' } },
  },
  {
    name: 'now, more than an hour before the limit: 正常',
    asOf: '2026-03-05',
    now: '2026-03-05 16:29',
    values: row('拘传子', {}),
    expect: { status: { phase: '询问中', alert: '正常' } },
  },
  {
    name: 'now, an hour before the limit: 临期',
    asOf: '2026-03-05',
    now: '2026-03-05 16:30',
    values: row('拘传丑', {}),
    expect: { status: { phase: '询问中', alert: '临期' } },
  },
  {
    name: 'now, at the limit: 临期',
    asOf: '2026-03-05',
    now: '2026-03-05 17:30',
    values: row('拘传寅', {}),
    expect: { status: { phase: '询问中', alert: '临期' } },
  },
  {
    name: 'now, one minute past the limit: 超期',
    asOf: '2026-03-05',
    now: '2026-03-05 17:31',
    values: row('拘传卯', {}),
    expect: { status: { phase: '超时未结束', alert: '超期' } },
  },
  {
    name: 'a clock reading on another day than asOf is not used',
    asOf: '2026-03-05',
    now: '2026-03-04 10:00',
    values: row('拘传辰', { arrivedAt: '2026-03-05 10:00' }),
    expect: { status: { phase: '超时未结束', alert: '超期' } },
  },
  {
    name: 'warrant issued, not arrived: 待到案',
    asOf: '2026-03-05',
    values: row('拘传巳', { arrivedAt: null }),
    expect: { errors: [], status: { phase: '待到案', alert: '', hours: null, limitAt: null, nextNode: '' } },
  },
  {
    name: 'no prior summons recorded: warning',
    asOf: '2026-03-06',
    values: ended('拘传午', '2026-03-05 12:00', { summonedOn: null }),
    expect: { errors: [], warnings: { summonedOn: '拘传应以经依法传唤无正当理由拒不到场为前提' } },
  },
  {
    name: 'summons after the warrant: warning',
    asOf: '2026-03-06',
    values: ended('拘传未', '2026-03-05 12:00', { summonedOn: '2026-03-05' }),
    expect: { errors: [], warnings: { summonedOn: '拘传前未见传唤记录' } },
  },
  {
    name: 'summons on the day of the warrant: no warning',
    asOf: '2026-03-06',
    values: ended('拘传申', '2026-03-05 12:00', { summonedOn: '2026-03-04' }),
    expect: { errors: [], noWarnings: ['summonedOn'] },
  },
  {
    name: 'arrival before the warrant and end before arrival are errors',
    asOf: '2026-03-06',
    values: row('拘传酉', { warrantOn: '2026-03-06', arrivedAt: '2026-03-05 09:30', endedAt: '2026-03-05 09:00' }),
    expect: { errors: ['arrivedAt', 'endedAt'] },
  },
  {
    name: 'a case number not in the case register: warning',
    asOf: '2026-03-06',
    values: ended('拘传戌', '2026-03-05 12:00', { caseNo: UNKNOWN_CASE }),
    expect: { errors: [], warnings: { caseNo: '在执行案件流转台账中不存在' } },
  },
  {
    name: 'a registered case number: no warning',
    asOf: '2026-03-06',
    values: ended('拘传亥', '2026-03-05 12:00'),
    expect: { noWarnings: ['caseNo'] },
  },
  {
    name: 'bad values in every column type',
    asOf: '2026-03-06',
    values: {
      caseNo: '2026豫0102执1号',
      person: '',
      personId: '41010219900101123',
      summonedOn: '2026-02-30',
      warrantOn: '3/5/2026',
      arrivedAt: '2026-03-05',
      endedAt: '2026-03-05 25:00',
      mayDetain: '可能',
    },
    expect: {
      errors: ['caseNo', 'person', 'personId', 'summonedOn', 'warrantOn', 'arrivedAt', 'endedAt', 'mayDetain'],
      errorsNameTheValue: true,
    },
  },
];
