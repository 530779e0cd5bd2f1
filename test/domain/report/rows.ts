// Raw rows of every ledger as the weekly report reads them: normalised, with row ids.

import type { ReportRow } from '../../../service/domain/report/as-of.ts';
import { findLedger } from '../../../service/domain/ledgers/index.ts';
import type { RawValue } from '../../../service/domain/problem.ts';
import { buildWeeklyReport, type WeeklyReport } from '../../../service/domain/report/weekly-report.ts';
import { parseWeek } from '../../../service/domain/report/week.ts';
import { defaultRules, type RulesConfig } from '../../../service/domain/rules.ts';
import { normalizeRow } from '../../../service/domain/row.ts';
import { calendar } from '../../helpers/cases.ts';

export function reportRows(raw: Record<string, Array<Record<string, RawValue>>>): Map<string, ReportRow[]> {
  return new Map(
    Object.entries(raw).map(([ledgerId, rows]) => {
      const ledger = findLedger(ledgerId);
      if (!ledger) throw new Error(`unknown ledger ${ledgerId}`);
      return [
        ledgerId,
        rows.map((values, index) => ({
          rowId: `${ledgerId}-${index}`,
          values: normalizeRow(ledger.columns, values, 'Asia/Shanghai').values,
        })),
      ];
    }),
  );
}

export function reportOf(
  week: string,
  asOf: string,
  raw: Record<string, Array<Record<string, RawValue>>>,
  rules: RulesConfig = defaultRules(),
): WeeklyReport {
  const parsed = parseWeek(week);
  if (!parsed.ok) throw new Error(parsed.reason);
  return buildWeeklyReport({ week: parsed.week, asOf, rows: reportRows(raw), rules, calendar });
}
