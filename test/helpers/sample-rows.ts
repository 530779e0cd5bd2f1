// Rows any ledger accepts, built from its column definitions: for corpora and benchmarks.

import type { AnyLedger, ColumnDef } from '../../service/domain/ledger.ts';
import type { RawValue } from '../../service/domain/problem.ts';

/** A value each column type accepts, so a row is valid but for the column under test. */
export function validValue(column: ColumnDef, serial: number): RawValue {
  switch (column.type) {
    case 'caseNo':
      return `（2026）豫0102执${serial}号`;
    case 'date':
      return '2026-03-02';
    case 'dateOrNone':
      return '2027-03-01';
    case 'dateOrMonths':
      return '3个月';
    case 'datetime':
      return '2026-03-02 10:00';
    case 'amount':
      return 60_000;
    case 'integer':
      return column.min ?? 1;
    case 'enum':
    case 'tags':
      return column.options?.[0] ?? '';
    case 'yesno':
      return '否';
    case 'personId':
    case 'partyId':
      return '11010519491231002X';
    case 'creditCode':
      return '91350100M000100Y43';
    case 'plate':
      return '豫A12345';
    case 'licenseNo':
      return '14101201010000001';
    case 'text':
      // The one text column read as data: the cases ledger's 扣除期间, after the sample filing date.
      return column.id === 'deductions' ? '中止执行 2026-03-05至2026-03-09' : `值${serial}`;
  }
}

/** A valid row of any ledger; `serial` makes its natural key unique. */
export function sampleRow(ledger: AnyLedger, serial: number): Record<string, RawValue> {
  return Object.fromEntries(ledger.columns.map((column) => [column.id, validValue(column, serial)]));
}
