// Every ledger evaluated as of the report's day by the ledgers' own rules, over the rows as they
// stood then: the figures of the weekly report are counts over these evaluations.

import type { Calendar } from '../calendar.ts';
import type { CivilDate } from '../civil-date.ts';
import type { NodeResult, RowEvaluation } from '../ledger.ts';
import { LEDGERS } from '../ledgers/index.ts';
import type { RulesConfig } from '../rules.ts';
import { rowAsOf, viewOver, type ReportRow } from './as-of.ts';
import type { IsoWeek } from './week.ts';

export interface EvaluatedRow {
  row: ReportRow;
  status: RowEvaluation['status'];
  nodes: NodeResult[];
  fixed: RowEvaluation['fixed'];
}

/** The week being reported on, read up to `asOf`. */
export interface ReportPeriod {
  week: IsoWeek;
  asOf: CivilDate;
  /** Whether a date falls in the week, up to asOf. */
  holds(date: CivilDate | null): date is CivilDate;
}

export function reportPeriod(week: IsoWeek, asOf: CivilDate): ReportPeriod {
  return { week, asOf, holds: (date): date is CivilDate => date !== null && date >= week.from && date <= asOf };
}

/** Each ledger's live rows, evaluated as of `asOf`, by ledger id (every ledger present). */
export function evaluateAsOf(
  rows: ReadonlyMap<string, readonly ReportRow[]>,
  asOf: CivilDate,
  rules: RulesConfig,
  calendar: Calendar,
): Map<string, EvaluatedRow[]> {
  const then = new Map(
    LEDGERS.map((ledger) => {
      const rowsThen: ReportRow[] = [];
      for (const row of rows.get(ledger.id) ?? []) {
        const rowThen = rowAsOf(ledger, row, asOf);
        if (rowThen) rowsThen.push(rowThen);
      }
      return [ledger.id, rowsThen] as const;
    }),
  );
  const view = viewOver(then);
  return new Map(
    LEDGERS.map((ledger) => {
      const context = { asOf, calendar, rules: rules.ledgers[ledger.id], warnDefaults: rules.warnDefaults, view, statusOnly: true };
      const evaluated = then.get(ledger.id)!.map((row) => {
        const { status, nodes, fixed } = ledger.evaluate(row, context);
        return { row, status, nodes, fixed };
      });
      return [ledger.id, evaluated] as const;
    }),
  );
}
