// The ledgers as they stood at the end of a past day, for the weekly report: each row keeps what
// had happened by then and loses the dates of later events (a case closed the following Tuesday
// was open on Sunday). Dates known ahead (an expiry, a scheduled auction) are kept. The rows are
// the stored ones with their dates read as typed: a date entered late still counts on its day.

import { asDate, type CivilDate } from '../civil-date.ts';
import { dateOf, isLocalDateTime } from '../date-time.ts';
import type { AnyLedger, LedgerView, RowIndexDef, RowValues } from '../ledger.ts';
import { FixedRowIndex } from '../row-index.ts';

/** A stored row as the report reads it: normalised values, and the facts fixed by earlier syncs. */
export interface ReportRow {
  rowId: string;
  values: RowValues;
  fixed?: Record<string, unknown>;
}

const DATED = new Set(['date', 'datetime', 'dateOrNone']);
const eventColumns = new WeakMap<AnyLedger, string[]>();

/** Columns holding the date of something done (not known ahead). */
function eventColumnsOf(ledger: AnyLedger): string[] {
  let columns = eventColumns.get(ledger);
  if (!columns) {
    columns = ledger.columns.filter((column) => DATED.has(column.type) && !column.knownAhead).map((column) => column.id);
    eventColumns.set(ledger, columns);
  }
  return columns;
}

/** The day of a date or date-time value. */
export function dayOf(value: unknown): CivilDate | null {
  return asDate(value) ?? (isLocalDateTime(value) ? dateOf(value) : null);
}

/**
 * The row at the end of `asOf`: event dates after it are left out. A row none of whose events had
 * happened yet did not exist then (null); a row with no event dates at all is kept as it is.
 */
export function rowAsOf(ledger: AnyLedger, row: ReportRow, asOf: CivilDate): ReportRow | null {
  let values: RowValues | null = null;
  let dated = false;
  let happened = false;
  for (const column of eventColumnsOf(ledger)) {
    const value = row.values[column];
    if (value === null || value === undefined) continue;
    const day = dayOf(value);
    if (!day) continue;
    dated = true;
    if (day <= asOf) happened = true;
    else (values ??= { ...row.values })[column] = null;
  }
  if (dated && !happened) return null;
  return values ? { ...row, values } : row;
}

/** A view over given rows of every ledger, answering lookups as the service's indexes do; each index is built on first use. */
export function viewOver(rows: ReadonlyMap<string, readonly ReportRow[]>): LedgerView {
  const indexes = new Map<string, FixedRowIndex<unknown, ReportRow>>();
  return {
    lookup: <V>(ledgerId: string, definition: RowIndexDef<V>, key: string) => {
      const name = `${ledgerId}/${definition.name}`;
      let index = indexes.get(name) as FixedRowIndex<V, ReportRow> | undefined;
      if (!index) {
        const { key } = definition;
        index = new FixedRowIndex(
          rows.get(ledgerId) ?? [],
          (row: ReportRow) => definition.entries(row.values),
          key && ((row: ReportRow) => key(row.values)),
        );
        indexes.set(name, index as FixedRowIndex<unknown, ReportRow>);
      }
      return index.get(key);
    },
  };
}
