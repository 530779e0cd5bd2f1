// A constructed bureau of a few hundred rows across every ledger, for the weekly report of
// 2026-W20 (Monday 2026-05-11 to Sunday 2026-05-17, no holiday in it). Each group of rows is built
// so that its share of every figure can be counted by hand; weekly-report.test.ts says how.

import type { RawValue } from '../../../service/domain/problem.ts';

type Raw = Record<string, RawValue>;

let serial = 0;
const caseNo = (type = '执', year = 2026) => `（${year}）豫0102${type}${++serial}号`;
const times = <T>(count: number, make: (index: number) => T): T[] => Array.from({ length: count }, (_, index) => make(index));

/** A case triaged on the day it is transferred: filed, received and noticed as given. */
function triagedCase(
  count: number,
  dates: { filedOn: string; noticeOn: string; transferredOn: string; triagedOn?: string },
  extra: Raw = {},
  type = '执',
  year = 2026,
): Raw[] {
  return times(count, (index) => ({
    caseNo: caseNo(type, year),
    filedOn: dates.filedOn,
    respondent: `被执行人${serial}`,
    receptionOn: dates.filedOn,
    noticeOn: dates.noticeOn,
    transferredOn: dates.transferredOn,
    triagedOn: dates.triagedOn ?? dates.transferredOn,
    handler: `承办人${index % 3}`,
    ...extra,
  }));
}

const closedByPayment = { closedOn: '2026-05-14', closureMode: '执行完毕' };

export const GROUPS = {
  /** 速执 by rule 9 (≤ 5万), triaged Monday of the week; open. */
  g1: triagedCase(30, { filedOn: '2026-05-06', noticeOn: '2026-05-08', transferredOn: '2026-05-11' }, { amount: 30_000 }),
  /** 速执 by rule 9, triaged 04-23, closed Thursday 05-14; six archived Friday. */
  g2: triagedCase(
    10,
    { filedOn: '2026-04-20', noticeOn: '2026-04-22', transferredOn: '2026-04-23' },
    { amount: 20_000, ...closedByPayment },
  ).map((row, index) => (index < 6 ? { ...row, archivedOn: '2026-05-15' } : row)),
  /** 速执 by rule 3 (足额, 7 days), triaged 04-07: closing due 04-14, overdue. */
  g3: triagedCase(
    8,
    { filedOn: '2026-04-01', noticeOn: '2026-04-03', transferredOn: '2026-04-07' },
    { amount: 200_000, propertyResult: '足额' },
  ).map((row, index) => (index === 0 ? { ...row, handler: '张法官 11010519491231002X' } : row)),
  /** 速执 by rule 3, triaged Tuesday 05-12: closing due 05-19, 临期 on Sunday. */
  g4: triagedCase(
    5,
    { filedOn: '2026-05-04', noticeOn: '2026-05-06', transferredOn: '2026-05-12' },
    { amount: 200_000, propertyResult: '足额' },
  ),
  /** 特执 by rule 1 (党政机关), filed Monday, transferred Wednesday, triaged a day late. */
  g5: triagedCase(
    6,
    { filedOn: '2026-05-11', noticeOn: '2026-05-13', transferredOn: '2026-05-13', triagedOn: '2026-05-14' },
    { amount: 500_000, respondentType: '党政机关' },
  ),
  /** 特执 by 分流调整 (the rules say 速执 by rule 9), triaged Tuesday. */
  g6: triagedCase(
    3,
    { filedOn: '2026-05-11', noticeOn: '2026-05-12', transferredOn: '2026-05-12' },
    { amount: 30_000, teamOverride: '特执团队', overrideReason: '案情复杂' },
  ),
  /** 首执 by the fallback, triaged in March; four closed Wednesday 05-13 by 终本. */
  g7: triagedCase(12, { filedOn: '2026-03-02', noticeOn: '2026-03-05', transferredOn: '2026-03-09' }, { amount: 1_000_000 }).map(
    (row, index) => (index < 4 ? { ...row, closedOn: '2026-05-13', closureMode: '终结本次执行程序' } : row),
  ),
  /** 执恢 cases, triaged Friday; two closed the same day. */
  g8: triagedCase(4, { filedOn: '2026-05-11', noticeOn: '2026-05-12', transferredOn: '2026-05-15' }, { amount: 2_000_000 }, '执恢').map(
    (row, index) => (index < 2 ? { ...row, closedOn: '2026-05-15', closureMode: '执行完毕' } : row),
  ),
  /** Closed 03-02 and never archived: 归档 due 03-22 (a Sunday), rolled to 03-23, overdue. */
  g9: triagedCase(
    7,
    { filedOn: '2026-01-05', noticeOn: '2026-01-07', transferredOn: '2026-01-08' },
    { amount: 30_000, closedOn: '2026-03-02', closureMode: '执行完毕' },
  ),
  /** As g9, archived late in the week. */
  g10: triagedCase(
    3,
    { filedOn: '2026-01-05', noticeOn: '2026-01-07', transferredOn: '2026-01-08' },
    { amount: 30_000, closedOn: '2026-03-02', closureMode: '执行完毕', archivedOn: '2026-05-12' },
  ),
  /** As g1, but closed the Tuesday after the week: open on Sunday. */
  g11: triagedCase(
    5,
    { filedOn: '2026-05-06', noticeOn: '2026-05-08', transferredOn: '2026-05-11' },
    { amount: 30_000, closedOn: '2026-05-19', closureMode: '执行完毕' },
  ),
  /** Filed the Monday after the week: not in it at all. */
  g12: times(4, () => ({
    caseNo: caseNo(),
    filedOn: '2026-05-18',
    respondent: `被执行人${serial}`,
    receptionOn: '2026-05-18',
    amount: 30_000,
  })),
  /** Filed 04-27 and never transferred: 流转 due 05-07, overdue; no team yet. */
  g13: times(3, () => ({
    caseNo: caseNo(),
    filedOn: '2026-04-27',
    respondent: `被执行人${serial}`,
    receptionOn: '2026-04-27',
    noticeOn: '2026-04-29',
    amount: 30_000,
    handler: '事务中心',
  })),
  /** A 执保 case (not triaged) received and closed in the week. */
  g14: [
    {
      caseNo: caseNo('执保'),
      filedOn: '2026-05-12',
      respondent: '被执行人保',
      receptionOn: '2026-05-12',
      closedOn: '2026-05-14',
      closureMode: '执行完毕',
    },
  ],
  /** Old cases of 2025, done long ago: they must count for nothing in the week. */
  g16: triagedCase(
    150,
    { filedOn: '2025-10-08', noticeOn: '2025-10-10', transferredOn: '2025-10-13' },
    { amount: 30_000, closedOn: '2025-11-20', closureMode: '执行完毕', archivedOn: '2025-11-25' },
    '执',
    2025,
  ),
  /** 首执 by the fallback, triaged in January, open with time to spare. */
  g17: triagedCase(50, { filedOn: '2026-01-12', noticeOn: '2026-01-14', transferredOn: '2026-01-19' }, { amount: 800_000 }),
  /**
   * As g3 (速执, closing due 04-14), but 中止执行 since 04-10, still running on Sunday (one with no end,
   * one ending 05-20): 04-10 … 05-17 is 38 days not counted, so closing is due 05-22, 5 days off: open, not overdue.
   */
  g18: ['中止执行 2026-04-10至', '中止执行 2026-04-10至2026-05-20'].map((deductions): Raw => ({
    ...triagedCase(1, { filedOn: '2026-04-01', noticeOn: '2026-04-03', transferredOn: '2026-04-07' })[0],
    amount: 200_000,
    propertyResult: '足额',
    deductions,
  })),
};

// Two open g7 cases found property on 04-10 (ruling due 05-10, a Sunday, so 05-11): overdue.
// A third found it on 04-20 and was ruled on 05-13, on time.
GROUPS.g7[4].propertyFoundOn = '2026-04-10';
GROUPS.g7[5].propertyFoundOn = '2026-04-10';
GROUPS.g7[6].propertyFoundOn = '2026-04-20';
GROUPS.g7[6].auctionRulingOn = '2026-05-13';

const no = (row: Raw) => String(row.caseNo);
const [g1, g2, g7, g17] = [GROUPS.g1, GROUPS.g2, GROUPS.g7, GROUPS.g17];
let receipt = 0;
const payment = (count: number, of: Raw[], values: Raw) =>
  times(count, (index) => ({ caseNo: no(of[index]), receiptNo: `LS${++receipt}`, handler: '李书记员', ...values }));

export const PAYMENTS = {
  /** Received Tuesday, notified the same day, not disbursed: day 5 on Sunday, 提醒. */
  p1: payment(6, g1, { receivedOn: '2026-05-12', amount: 10_000, notifiedOn: '2026-05-12' }),
  /** Received Friday, never notified: 到账通知 overdue by 2 days; day 2, 新到账. */
  p2: payment(2, g1.slice(6), { receivedOn: '2026-05-15', amount: '2,500.50' }),
  /** Received the Monday before: day 13, 通报. */
  p3: payment(4, g1.slice(8), { receivedOn: '2026-05-04', amount: 8_000, notifiedOn: '2026-05-04' }),
  /** Received 04-10: disbursement due 05-10, a Sunday, so 05-11; overdue, 通报. */
  p4: payment(3, g1.slice(12), { receivedOn: '2026-04-10', amount: 1_000, notifiedOn: '2026-04-10' }),
  /** Received 04-20, disbursed Wednesday, on time. */
  p5: payment(5, g1.slice(15), {
    receivedOn: '2026-04-20',
    amount: 5_000,
    notifiedOn: '2026-04-20',
    disbursedOn: '2026-05-13',
    payee: '申请人',
  }),
  /** Received Monday, notified a day late, disbursed the Tuesday after the week: undisbursed on Sunday, day 6, 提醒. */
  p6: payment(2, g1.slice(20), {
    receivedOn: '2026-05-11',
    amount: 3_000,
    notifiedOn: '2026-05-12',
    disbursedOn: '2026-05-19',
    payee: '申请人',
  }),
  /** Received the Monday after the week: not in it. */
  p7: payment(1, g1.slice(22), { receivedOn: '2026-05-18', amount: 1_000 }),
  /** The whole 3万 of a g1 case, received Wednesday: that case is paid in full. */
  p8: payment(1, g1.slice(25), {
    receivedOn: '2026-05-13',
    amount: 30_000,
    notifiedOn: '2026-05-13',
    disbursedOn: '2026-05-14',
    payee: '申请人',
  }),
  /**
   * Received 04-10 like p4, held 04-20 for a distribution and not resumed: 暂缓发放, not 通报; 发放
   * stopped with 21 days left, so on Sunday it runs to 05-10 + 27 held = 06-06, a Saturday, so 06-08.
   */
  p9: payment(2, g1.slice(26), {
    receivedOn: '2026-04-10',
    amount: 2_000,
    notifiedOn: '2026-04-10',
    heldOn: '2026-04-20',
    holdReason: '需要进行案款分配',
  }),
  /**
   * Received 04-10, held 04-13, resumed 04-27: 14 days not counted, 发放 due 05-10 + 14 = 05-24, a
   * Sunday, so 05-25 (not overdue, where p4 is); day 37 − 14 = 23 on Sunday, 通报.
   */
  p10: payment(1, g1.slice(28), {
    receivedOn: '2026-04-10',
    amount: 4_000,
    notifiedOn: '2026-04-10',
    heldOn: '2026-04-13',
    holdReason: '另案冻结',
    resumedOn: '2026-04-27',
  }),
};

export const PAID_IN_FULL = no(g1[25]);

let subject = 0;
const measure = (of: Raw, values: Raw) => ({ caseNo: no(of), subject: `措施对象${++subject}`, approvedOn: '2025-01-02', ...values });

export const GENERAL: Record<string, Raw[]> = {
  summons: [
    ...times(3, (index) => ({
      caseNo: no(g17[index]),
      person: `拘传甲${index}`,
      summonedOn: '2026-05-08',
      warrantOn: '2026-05-12',
      arrivedAt: '2026-05-13 09:00',
      endedAt: '2026-05-13 12:00',
    })),
    // Sunday 23:59 is in the week; its questioning ended after midnight, so on Sunday it was open.
    {
      caseNo: no(g17[3]),
      person: '拘传乙',
      summonedOn: '2026-05-08',
      warrantOn: '2026-05-16',
      arrivedAt: '2026-05-17 23:59',
      endedAt: '2026-05-18 03:00',
    },
    // Monday 00:00 is in the next week.
    {
      caseNo: no(g17[4]),
      person: '拘传丙',
      summonedOn: '2026-05-15',
      warrantOn: '2026-05-16',
      arrivedAt: '2026-05-18 00:00',
      endedAt: '2026-05-18 02:00',
    },
  ],
  detentions: [
    // Committed Tuesday; the family is to be told within 24 hours, both limits fall on Wednesday 05-13.
    // 甲0 was committed at 10:00 and its family told at 15:00 that day: on time (limit 05-13 10:00).
    // 甲1 has no 送拘时间, so its limit is 05-12 24:00 + 24 hours = 05-13 24:00: told 05-14 08:00, late.
    ...times(2, (index) => ({
      caseNo: no(g17[5 + index]),
      person: `拘留甲${index}`,
      decidedOn: '2026-05-11',
      days: 10,
      startOn: '2026-05-12',
      ...(index === 0 ? { startAt: '2026-05-12 10:00', familyNotifiedAt: '2026-05-12 15:00' } : { familyNotifiedAt: '2026-05-14 08:00' }),
      handler: '赵法警',
    })),
    // Five days from 05-01 ended 05-05 and nobody released: 应释放未释放, 12 days over on Sunday. Its
    // family could not be told, which is recorded: the notice node (due 05-02) is done, outside the week.
    {
      caseNo: no(g17[7]),
      person: '拘留乙',
      decidedOn: '2026-04-30',
      days: 5,
      startOn: '2026-05-01',
      notNotifiedReason: '被拘留人拒绝提供家属联系方式',
      handler: '赵法警',
    },
  ],
  fines: [
    { caseNo: no(g17[8]), subject: '罚款甲', subjectType: '个人', amount: 20_000, decidedOn: '2026-05-14' },
    { caseNo: no(g17[9]), subject: '某公司', subjectType: '单位', amount: '5万', decidedOn: '2026-05-14' },
    { caseNo: no(g17[10]), subject: '罚款乙', subjectType: '个人', amount: 1_000, decidedOn: '2026-05-04' },
  ],
  'person-controls': [
    ...times(2, (index) => ({
      caseNo: no(g17[11 + index]),
      subject: `临控甲${index}`,
      requestedOn: '2026-05-11',
      expiresOn: '2026-08-11',
    })),
    // A control on a g2 case, closed by 执行完毕 on 05-14: 待撤控.
    { caseNo: no(g2[0]), subject: '临控乙', requestedOn: '2026-04-01', expiresOn: '2026-07-01' },
  ],
  'vehicle-controls': [{ caseNo: no(g17[13]), plate: '豫A12345', requestedOn: '2026-05-16', expiresOn: '2026-06-16' }],
  'investigation-orders': [
    ...times(2, (index) => ({ caseNo: no(g17[14 + index]), lawyer: `律师甲${index}`, target: '某银行', issuedOn: '2026-05-12' })),
    // Fifteen days from 04-20 end in the May Day holiday, so 05-06; not returned: 11 days over.
    { caseNo: no(g17[16]), lawyer: '律师乙', target: '某银行', issuedOn: '2026-04-20' },
  ],
  refusals: [
    { caseNo: no(g17[17]), person: '拒执甲', route: '移送公安', transferredOn: '2026-05-13' },
    { caseNo: no(g17[18]), person: '拒执乙', route: '移送公安', transferredOn: '2026-05-18' },
  ],
  measures: [
    ...times(3, (index) => measure(g17[19 + index], { measure: '冻结银行存款', effectiveOn: '2026-05-12' })),
    measure(g17[22], { measure: '冻结银行存款', effectiveOn: '2026-03-01', revokedOn: '2026-05-14', revokeReason: '申请人申请' }),
    // A 失信 without a term (第一条第一项) in a g2 case (执行完毕 on 05-14): 待解除, due 3 working days after, 05-19.
    measure(g2[1], { measure: '纳入失信', effectiveOn: '2026-03-01', expiresOn: '无' }),
    // A freeze from 2025-05-15 ran to 2026-05-14 and lapsed on Friday 05-15 unrenewed.
    measure(g17[23], { measure: '冻结银行存款', effectiveOn: '2025-05-15' }),
    // One that ran to 04-30: lapsed before the week.
    measure(g17[24], { measure: '冻结银行存款', effectiveOn: '2025-05-01' }),
    // One that runs to Sunday 05-17: still live on Sunday.
    measure(g17[25], { measure: '冻结银行存款', effectiveOn: '2025-05-18' }),
    // 限制消费 in the case paid in full on 05-13: 待解除 from then, due 05-18.
    measure(g1[25], { measure: '限制消费', effectiveOn: '2026-04-01' }),
    // A 失信 whose 2 years ended Thursday 05-07: deletion due Friday 05-08, the 调休 Saturday 05-09, Monday 05-11; not deleted: 待删除, overdue.
    measure(g17[26], { measure: '纳入失信', effectiveOn: '2024-05-08' }),
    // One whose 2 years ended Wednesday 05-13: deletion due Monday 05-18; 待删除 from Thursday.
    measure(g17[27], { measure: '纳入失信', effectiveOn: '2024-05-14' }),
    // A 失信 with a term in a g2 case: deleted on the closure as one without a term (closureLifts), so it is 待解除 too.
    measure(g2[2], { measure: '纳入失信', effectiveOn: '2026-03-01' }),
  ],
  disposals: [
    // Found and seized 04-10, no ruling, no pricing: both due 05-11 (启动定价: 05-10 is a Sunday), overdue.
    { caseNo: no(g7[7]), property: '房产甲', propertyType: '不动产', foundOn: '2026-04-10', seizedOn: '2026-04-10' },
    // Found and seized Monday 04-13: ruling and pricing due Wednesday 05-13, ruled 05-06, pricing started 05-12.
    // 网络询价 requested Tuesday, reported Thursday (due Friday); its service falls due 05-18.
    {
      caseNo: no(g7[8]),
      property: '车辆乙',
      propertyType: '车辆',
      foundOn: '2026-04-13',
      seizedOn: '2026-04-13',
      rulingOn: '2026-05-06',
      priceMethod: '网络询价',
      priceRequestedOn: '2026-05-12',
      priceReportOn: '2026-05-14',
    },
    // 委托评估 requested 04-01: due 05-01 in the May Day holiday, so 05-06; no report, 11 days over.
    {
      caseNo: no(g7[9]),
      property: '股权丙',
      propertyType: '股权',
      foundOn: '2026-03-20',
      rulingOn: '2026-03-30',
      priceMethod: '委托评估',
      priceRequestedOn: '2026-04-01',
    },
    // 网络询价 requested Friday 05-08, reported Monday, served Tuesday; the objection period runs into the next week.
    {
      caseNo: no(g7[10]),
      property: '房产丁',
      propertyType: '不动产',
      foundOn: '2026-04-27',
      rulingOn: '2026-05-07',
      priceMethod: '网络询价',
      priceRequestedOn: '2026-05-08',
      priceReportOn: '2026-05-11',
      reportServedOn: '2026-05-12',
    },
    // The 一拍 failed Monday 04-13: the 二拍 is due 05-13 and was announced 05-12, 7 days before it (a 车辆's 二拍).
    {
      caseNo: no(g7[11]),
      property: '车辆戊',
      propertyType: '车辆',
      round: '二拍',
      failedOn: '2026-04-13',
      announcedOn: '2026-05-12',
      auctionOn: '2026-05-19',
    },
  ],
};

export function bureau(): Record<string, Raw[]> {
  return {
    cases: Object.values(GROUPS).flat(),
    payments: Object.values(PAYMENTS).flat(),
    ...GENERAL,
  };
}
