// What the other ledgers read from the cases ledger: whether a case number is registered there and
// whether, when and how the case was closed, through an index over the stored case rows.

import { z } from 'zod';
import { asDate, type CivilDate } from '../../civil-date.ts';
import type { LedgerView, RowIndexDef, RowValues } from '../../ledger.ts';
import type { Problem } from '../../problem.ts';
import { CLOSURE_MODES } from './definition.ts';

export interface RegisteredCase {
  caseNo: string;
  closedOn: CivilDate | null;
  closureMode: string | null;
  /** 执行标的额, to tell when the payments received for the case add up to it. */
  amount: number | null;
}

/** Live case rows by case number (a duplicate number is the cases ledger's own error). */
export const casesByNumber: RowIndexDef<RegisteredCase> = {
  name: 'casesByNumber',
  entries(values) {
    if (typeof values.caseNo !== 'string') return [];
    const closureMode = typeof values.closureMode === 'string' ? values.closureMode : null;
    const amount = typeof values.amount === 'number' ? values.amount : null;
    return [[values.caseNo, { caseNo: values.caseNo, closedOn: asDate(values.closedOn), closureMode, amount }]];
  },
  key: (values) => (typeof values.caseNo === 'string' ? values.caseNo : null),
};

/**
 * The registered case a row names. An unknown case number is a warning, not an error: these
 * ledgers are often started before the case register is complete.
 */
export function lookUpCase(values: RowValues, view: LedgerView, header: string): { found: RegisteredCase | null; problems: Problem[] } {
  const caseNo = values.caseNo;
  if (typeof caseNo !== 'string') return { found: null, problems: [] };
  const found = view.lookup('cases', casesByNumber, caseNo)[0]?.value ?? null;
  if (found) return { found, problems: [] };
  return {
    found: null,
    problems: [
      {
        column: 'caseNo',
        level: 'warning',
        cell: true,
        message: `${header}「${caseNo}」在执行案件流转台账中不存在，请核对案号；案件登记后才能核对其结案情况`,
      },
    ],
  };
}

/** The case's closure when it is closed on or before `asOf` (by one of `modes`, when given). */
export function closureAsOf(
  found: RegisteredCase | null,
  asOf: CivilDate,
  modes?: readonly string[],
): { closedOn: CivilDate; closureMode: string | null } | null {
  if (!found?.closedOn || found.closedOn > asOf) return null;
  if (modes && (found.closureMode === null || !modes.includes(found.closureMode))) return null;
  return { closedOn: found.closedOn, closureMode: found.closureMode };
}

/** 「（2026）豫0102执1234号已于 2026-05-06 结案（执行完毕）」, for the messages that follow from a closure. */
export function describeClosure(caseNo: string, closure: { closedOn: CivilDate; closureMode: string | null }): string {
  return `${caseNo}已于 ${closure.closedOn} 结案${closure.closureMode ? `（${closure.closureMode}）` : ''}`;
}

/** A configured list of closure modes (e.g. the closures after which a measure must be lifted). */
export const closureModesSchema = z.array(z.enum(CLOSURE_MODES as [string, ...string[]])).min(1);
