// One entry point for the ledger columns: each column type goes to its normaliser.

import type { Normalized, RawValue } from '../problem.ts';
import { caseTypeOf, parseCaseNo, normalizeCaseNo, type CaseNumber } from './case-numbers.ts';
import { normalizeChoice, normalizeTags, normalizeYesNo } from './choices.ts';
import { MONTHS_SUFFIX, normalizeDate, normalizeDateOrMonths, normalizeDateOrNone, normalizeDateTime, NO_DATE } from './dates.ts';
import {
  maskIdentitiesIn,
  maskIdentity,
  normalizeCreditCode,
  normalizeLicenseNo,
  normalizePartyId,
  normalizePersonId,
  normalizePlate,
} from './identifiers.ts';
import { formatYuan, normalizeAmount, normalizeInteger } from './numbers.ts';
import { normalizeText } from './text.ts';

export { caseTypeOf, formatYuan, maskIdentitiesIn, maskIdentity, MONTHS_SUFFIX, NO_DATE, parseCaseNo, type CaseNumber };

export type ColumnType =
  | 'text'
  | 'date'
  | 'datetime'
  /** A date, or 无 where the clerk records that there is none. */
  | 'dateOrNone'
  /** A date, or a number of months (3个月) counted from another date. */
  | 'dateOrMonths'
  | 'amount'
  | 'integer'
  | 'enum'
  | 'tags'
  | 'yesno'
  | 'caseNo'
  | 'personId'
  | 'creditCode'
  | 'partyId'
  | 'plate'
  | 'licenseNo';

export interface ColumnSpec {
  id: string;
  header: string;
  type: ColumnType;
  options?: string[];
  /** Other words clerks use for an option, mapped to the option. */
  aliases?: Record<string, string>;
  min?: number;
  max?: number;
  /** Case numbers: accept every enforcement case type without the triage note. */
  anyCaseType?: boolean;
}

/** A normalised cell: dates 'YYYY-MM-DD' (or 无), date-times 'YYYY-MM-DD HH:mm', case numbers official. */
export type CellValue = string | number | boolean | string[] | null;

export function normalizeCell(column: ColumnSpec, raw: RawValue, options: { timeZone: string }): Normalized<CellValue> {
  const { header } = column;
  switch (column.type) {
    case 'text':
      return normalizeText(raw, header);
    case 'date':
      return normalizeDate(raw, header, options);
    case 'datetime':
      return normalizeDateTime(raw, header, options);
    case 'dateOrNone':
      return normalizeDateOrNone(raw, header, options);
    case 'dateOrMonths':
      return normalizeDateOrMonths(raw, header, options);
    case 'amount':
      return normalizeAmount(raw, header);
    case 'integer':
      return normalizeInteger(raw, header, column);
    case 'enum':
      return normalizeChoice(raw, header, optionsOf(column), column.aliases);
    case 'tags':
      return normalizeTags(raw, header, optionsOf(column), column.aliases);
    case 'yesno':
      return normalizeYesNo(raw, header);
    case 'caseNo': {
      const { value, problems } = normalizeCaseNo(raw, header, { anyType: column.anyCaseType });
      return { value: value?.official ?? null, problems };
    }
    case 'personId':
      return normalizePersonId(raw, header);
    case 'creditCode':
      return normalizeCreditCode(raw, header);
    case 'partyId':
      return normalizePartyId(raw, header);
    case 'plate':
      return normalizePlate(raw, header);
    case 'licenseNo':
      return normalizeLicenseNo(raw, header);
  }
}

/** A list column without options is a mistake in the ledger definition, not in the clerk's cell. */
function optionsOf(column: ColumnSpec): string[] {
  if (!column.options?.length) throw new Error(`column ${column.id} (${column.type}) has no options`);
  return column.options;
}
