// How Excel should show a column of each type, for every workbook we shape (the add-in's sheets and
// the service's templates): dates as dates, amounts exact, identifiers and case numbers as text so
// Excel keeps every digit. Pure data: the add-in imports it as it imports the report layout.

import type { ColumnType } from './normalize/index.ts';

const FORMATS: Partial<Record<ColumnType, string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  amount: '#,##0.00',
  integer: '0',
  caseNo: '@',
  personId: '@',
  creditCode: '@',
  partyId: '@',
  plate: '@',
  licenseNo: '@',
};

/** The number format of a column type; null where Excel's own (General) suits. */
export function excelNumberFormat(type: string): string | null {
  return FORMATS[type as ColumnType] ?? null;
}
