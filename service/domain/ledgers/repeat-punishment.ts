// A second detention, or a second fine, of the same person in the same case: the same obstruction
// may not be punished by the same measure twice in a row (民诉法解释 第一百八十四条). Shared by the
// detentions and fines ledgers, each with its own index over its own rows.

import { asDate, type CivilDate } from '../civil-date.ts';
import type { LedgerView, RowIndexDef, RowValues } from '../ledger.ts';
import type { Problem } from '../problem.ts';

interface Punished {
  person: string | null;
  personId: string | null;
  /** The decision, else the first other date: what orders two punishments in time. */
  date: CivilDate | null;
}

export interface RepeatPunishment {
  ledgerId: string;
  /** The measure in the clerk's words: 拘留, 罚款. */
  measure: string;
  personColumn: string;
  personIdColumn?: string;
  /** Date columns in order of preference: the first present one orders the rows. */
  dateColumns: string[];
}

export interface RepeatPunishmentCheck {
  (rowId: string, values: RowValues, view: LedgerView, headers: Record<string, string>, source: string): Problem[];
}

/** The check for one ledger; call once at module level, so its index is built once per ledger. */
export function repeatPunishmentCheck(spec: RepeatPunishment): RepeatPunishmentCheck {
  const punishedOf = (values: RowValues): Punished => {
    const text = (id: string | undefined) => (id !== undefined && typeof values[id] === 'string' ? (values[id] as string) : null);
    const date = spec.dateColumns.map((id) => asDate(values[id])).find((found) => found !== null) ?? null;
    return { person: text(spec.personColumn), personId: text(spec.personIdColumn), date };
  };
  const byCase: RowIndexDef<Punished> = {
    name: `${spec.ledgerId}ByCase`,
    entries: (values) => (typeof values.caseNo === 'string' ? [[values.caseNo, punishedOf(values)]] : []),
  };
  const decidedHeader = (headers: Record<string, string>) => headers[spec.dateColumns[0] ?? ''] ?? '';

  return (rowId, values, view, headers, source) => {
    if (typeof values.caseNo !== 'string') return [];
    const me = punishedOf(values);
    return view
      .lookup(spec.ledgerId, byCase, values.caseNo)
      .filter((other) => other.rowId !== rowId && samePerson(me, other.value) && inOrder(other.value.date, me.date))
      .map(({ value: other }) => ({
        column: spec.personColumn,
        level: 'warning' as const,
        message:
          `本案已对${headers[spec.personColumn]}「${me.person ?? me.personId}」${spec.measure}过` +
          `（${other.date ? `${decidedHeader(headers)} ${other.date}` : '另一行未填日期'}）：` +
          `对同一妨害民事诉讼行为不得连续${spec.measure}，如系新的妨害行为方可重新${spec.measure}，请核实（${source}）`,
      }));
  };
}

/** The earlier row is not warned; when the order cannot be told (a date missing, or the same date), both are. */
function inOrder(other: CivilDate | null, mine: CivilDate | null): boolean {
  return !mine || !other || other <= mine;
}

/** By 证件号 when both rows have one, else by the exact name. */
function samePerson(a: Punished, b: Punished): boolean {
  if (a.personId && b.personId) return a.personId === b.personId;
  return a.person !== null && a.person === b.person;
}
