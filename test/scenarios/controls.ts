// 人员临控 / 车辆临控 scenarios: the clerk's expiry (missing → warning), the warning window by the
// control's length, every phase by asOf, 待撤控 after the case is closed, plates, bad values.

import { OPEN_CASE, PAID_CASE, TERMINATED_CASE, UNKNOWN_CASE, type RawRow, type Scenario } from './fixtures.ts';

type Identify = (n: number) => RawRow;

/** The same scenarios for both ledgers; `identify` gives each row its own 被控人 or 车牌号. */
function controlScenarios(identify: Identify): Scenario[] {
  let n = 0;
  // Requested 2026-03-01, expiring 2026-06-01: 92 days, so 临期 from 7 days before.
  const row = (changes: RawRow = {}): RawRow => ({
    caseNo: OPEN_CASE,
    ...identify(++n),
    requestedOn: '2026-03-01',
    expiresOn: '2026-06-01',
    ...changes,
  });
  return [
    {
      name: '8 days before expiry: 布控中',
      asOf: '2026-05-24',
      values: row(),
      expect: { errors: [], status: { phase: '布控中', alert: '正常', nextNode: '布控到期', nextDue: '2026-06-01', daysLeft: 8 } },
    },
    {
      name: '7 days before expiry of a long control: 临期',
      asOf: '2026-05-25',
      values: row(),
      expect: { status: { phase: '临期', alert: '临期', daysLeft: 7 } },
    },
    { name: 'on the expiry date: 临期', asOf: '2026-06-01', values: row(), expect: { status: { phase: '临期', daysLeft: 0 } } },
    {
      name: 'past the expiry date: 已到期',
      asOf: '2026-06-02',
      values: row(),
      expect: { status: { phase: '已到期', alert: '超期', daysLeft: -1 } },
    },
    {
      name: 'a 20-day control, 4 days before expiry: 布控中',
      asOf: '2026-03-17',
      values: row({ expiresOn: '2026-03-21' }),
      expect: { status: { phase: '布控中' } },
    },
    {
      name: 'a 20-day control, 3 days before expiry: 临期',
      asOf: '2026-03-18',
      values: row({ expiresOn: '2026-03-21' }),
      expect: { status: { phase: '临期' } },
    },
    {
      name: 'revoked: 已撤控',
      asOf: '2026-06-02',
      values: row({ revokedOn: '2026-05-10', result: '未果' }),
      expect: { errors: [], status: { phase: '已撤控', alert: '已完成' } },
    },
    {
      name: 'no expiry entered: a warning, still 布控中',
      asOf: '2026-03-05',
      values: row({ expiresOn: null }),
      expect: { errors: [], status: { phase: '布控中', alert: '', nextNode: '' }, warnings: { expiresOn: '临控没有全国统一的期限' } },
    },
    {
      name: 'no expiry but revoked: no warning',
      asOf: '2026-03-05',
      values: row({ expiresOn: null, revokedOn: '2026-03-04' }),
      expect: { noWarnings: ['expiresOn'] },
    },
    { name: 'not requested yet: no phase', asOf: '2026-03-05', values: row({ requestedOn: null }), expect: { status: { phase: '' } } },
    {
      name: 'the case is closed by 执行完毕 and the control is live: 待撤控',
      asOf: '2026-05-06',
      values: row({ caseNo: PAID_CASE }),
      expect: { errors: [], status: { phase: '待撤控' }, warnings: { revokedOn: '已于 2026-04-30 结案（执行完毕）' } },
    },
    {
      name: 'a case closed by 终本 also: 待撤控',
      asOf: '2026-05-06',
      values: row({ caseNo: TERMINATED_CASE }),
      expect: { status: { phase: '待撤控' }, warnings: { revokedOn: '终结本次执行程序' } },
    },
    {
      name: 'before the closing date the case is still open: 布控中',
      asOf: '2026-04-29',
      values: row({ caseNo: PAID_CASE }),
      expect: { status: { phase: '布控中' }, noWarnings: ['revokedOn'] },
    },
    {
      name: 'closed case, control revoked: 已撤控',
      asOf: '2026-05-06',
      values: row({ caseNo: PAID_CASE, revokedOn: '2026-05-02' }),
      expect: { status: { phase: '已撤控' }, noWarnings: ['revokedOn'] },
    },
    {
      name: 'closed case, control already expired: 已到期',
      asOf: '2026-05-06',
      values: row({ caseNo: PAID_CASE, expiresOn: '2026-04-20' }),
      expect: { status: { phase: '已到期' }, noWarnings: ['revokedOn'] },
    },
    {
      name: 'an open case: no 待撤控',
      asOf: '2026-05-06',
      values: row(),
      expect: { status: { phase: '布控中' }, noWarnings: ['revokedOn', 'caseNo'] },
    },
    {
      name: 'found but not revoked: warning',
      asOf: '2026-03-05',
      values: row({ result: '到案' }),
      expect: { warnings: { revokedOn: '布控目的已达到' } },
    },
    {
      name: 'expiry before the request: error',
      asOf: '2026-03-05',
      values: row({ expiresOn: '2026-02-28' }),
      expect: { errors: ['expiresOn'] },
    },
    {
      name: 'a case number not in the case register: warning',
      asOf: '2026-03-05',
      values: row({ caseNo: UNKNOWN_CASE }),
      expect: { warnings: { caseNo: '不存在' } },
    },
  ];
}

export const PERSON_CONTROLS_SCENARIOS: Scenario[] = [
  ...controlScenarios((n) => ({ subject: `被控人${n}` })),
  {
    name: 'bad values in every column type',
    asOf: '2026-03-05',
    values: {
      caseNo: '（2026）京执1号',
      subject: '被控人X',
      subjectId: '110105194912310021',
      requestedOn: '2026-3',
      expiresOn: 46000.5e9,
      revokedOn: '明天',
      result: '抓获',
    },
    expect: {
      errors: ['caseNo', 'requestedOn', 'expiresOn', 'revokedOn', 'result'],
      warnings: { subjectId: '校验位应为' },
      errorsNameTheValue: true,
    },
  },
];

const PLATES = [
  '豫A12345',
  '豫AD12345',
  '京B1234学',
  '沪C·8888F',
  '粤BD98765',
  '苏E2345挂',
  '浙A00001',
  '鲁B55555',
  '川A1234警',
  '晋K66666',
  '冀A77777',
  '湘A88888',
  '鄂A99999',
  '皖A11111',
  '闽D22222',
  '赣A33333',
  '陕A44444',
  '辽B55556',
  '吉A66667',
  '黑A77778',
  '蒙A88889',
  '桂A99990',
];

export const VEHICLE_CONTROLS_SCENARIOS: Scenario[] = [
  ...controlScenarios((n) => ({ plate: PLATES[n - 1] })),
  {
    name: 'a new-energy plate of 6 characters after the letter',
    asOf: '2026-03-05',
    values: { caseNo: OPEN_CASE, plate: '豫A D 67890', requestedOn: '2026-03-01', expiresOn: '2026-06-01' },
    expect: { errors: [] },
  },
  {
    name: 'a plate without its province is an error',
    asOf: '2026-03-05',
    values: { caseNo: OPEN_CASE, plate: 'A12345', requestedOn: '2026-03-01' },
    expect: { errors: ['plate'], errorsNameTheValue: true },
  },
  {
    name: 'a plate with 4 characters is an error',
    asOf: '2026-03-05',
    values: { caseNo: OPEN_CASE, plate: '豫A1234', requestedOn: '2026-03-01' },
    expect: { errors: ['plate'] },
  },
  {
    name: 'a plate with the letter I is an error',
    asOf: '2026-03-05',
    values: { caseNo: OPEN_CASE, plate: '豫AI2345', requestedOn: '2026-03-01' },
    expect: { errors: ['plate'] },
  },
  {
    name: 'bad values in every column type',
    asOf: '2026-03-05',
    values: {
      caseNo: '（二〇二六）豫0102执1号',
      plate: '豫A123456789',
      subjectId: '91350100M000100Y4',
      requestedOn: false,
      expiresOn: '2026-06-31',
      revokedOn: '2026--03-05',
      result: '到',
    },
    expect: { errors: ['caseNo', 'plate', 'subjectId', 'requestedOn', 'expiresOn', 'revokedOn', 'result'], errorsNameTheValue: true },
  },
];
