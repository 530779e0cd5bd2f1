// A constructed bureau for the 分案清单: cases triaged to the teams over the months before a day,
// typed the way clerks type them (case numbers with half-width brackets or full-width figures,
// dates as 2026.10.12, 2026年10月20日, Excel serials), so a list shows them in one form.

import { addDays } from '../../service/domain/civil-date.ts';
import type { RawValue } from '../../service/domain/problem.ts';
import type { SyncRow } from '../../service/sync-request.ts';
import { civilDateToSerial } from '../../client/excel-dates.ts';

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

/** A case number as one of three clerks would type it. */
export function typedCaseNo(serial: number): string {
  if (serial % 3 === 1) return `(2026)豫0102执${serial}号`;
  if (serial % 3 === 2) return `（２０２６）豫0102执${String(serial).replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)])}号`;
  return `（2026）豫0102执${serial}号`;
}

/** A date as one of four clerks would type it. */
export function typedDate(date: string, way: number): RawValue {
  const [year, month, day] = date.split('-').map(Number);
  switch (way % 4) {
    case 1:
      return `${year}.${month}.${day}`;
    case 2:
      return `${year}年${month}月${day}日`;
    case 3:
      return civilDateToSerial(date);
    default:
      return date;
  }
}

/**
 * A case of the 速执团队 (≤ 5万, rule 9: closed within 60 days of triage) triaged `daysBefore` days
 * before `asOf`, received, noticed and transferred on time.
 */
export function fastTeamCase(serial: number, asOf: string, daysBefore: number, extra: Record<string, RawValue> = {}): SyncRow {
  const triagedOn = addDays(asOf, -daysBefore);
  const filedOn = addDays(triagedOn, -3);
  return {
    values: {
      caseNo: typedCaseNo(serial),
      filedOn: typedDate(filedOn, serial),
      applicant: `申请人${serial}`,
      respondent: `被执行人${serial}`,
      amount: 30_000,
      receptionOn: filedOn,
      noticeOn: filedOn,
      transferredOn: triagedOn,
      triagedOn: typedDate(triagedOn, serial + 1),
      handler: `承办人${serial % 7}`,
      ...extra,
    },
  };
}

/** `count` cases of the 速执团队 triaged over the 90 days before `asOf`, none on it (some past their 60 days), from `firstSerial` on. */
export function fastTeamBureau(count: number, asOf: string, firstSerial = 1): SyncRow[] {
  return Array.from({ length: count }, (_, i) => fastTeamCase(firstSerial + i, asOf, ((i * 7) % 90) + 1));
}
