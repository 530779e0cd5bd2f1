// Evaluates case rows through the domain core, as the service does, against 2026's real calendar.

import { packageHolidayData } from '../../service/calendar-source.ts';
import { Calendar } from '../../service/domain/calendar.ts';
import { evaluateRow, type RowResult } from '../../service/domain/evaluate-row.ts';
import type { LedgerView } from '../../service/domain/ledger.ts';
import { viewOver } from './ledgers.ts';
import { casesLedger } from '../../service/domain/ledgers/cases/definition.ts';
import type { RawValue } from '../../service/domain/problem.ts';
import { defaultRules, type RulesConfig } from '../../service/domain/rules.ts';
import { normalizeRow } from '../../service/domain/row.ts';

export const calendar = new Calendar(packageHolidayData());

export const BASE_CASE = {
  caseNo: '（2026）豫0102执1234号',
  filedOn: '2026-03-02',
  respondent: '张三',
  amount: 100_000,
};

const normalize = (raw: Record<string, RawValue>) => normalizeRow(casesLedger.columns, raw, 'Asia/Shanghai');

export const viewOf = (rows: Array<{ rowId: string; raw: Record<string, RawValue> }>): LedgerView => viewOver({ cases: rows });

export function evaluateCase(
  raw: Record<string, RawValue>,
  options: {
    asOf?: string;
    others?: Array<{ rowId: string; raw: Record<string, RawValue> }>;
    fixed?: Record<string, unknown>;
    rules?: RulesConfig;
    /** As the weekly report evaluates: status, nodes and fixed facts only. */
    statusOnly?: boolean;
  } = {},
): RowResult {
  const rules = options.rules ?? defaultRules();
  const { values, problems } = normalize(raw);
  const view = viewOf([{ rowId: 'this', raw }, ...(options.others ?? [])]);
  return evaluateRow(
    casesLedger,
    { rowId: 'this', values, problems, fixed: options.fixed },
    {
      asOf: options.asOf ?? '2026-03-02',
      calendar,
      rules: rules.ledgers.cases,
      warnDefaults: rules.warnDefaults,
      view,
      statusOnly: options.statusOnly,
    },
  );
}

export function node(result: RowResult, id: string) {
  const found = result.nodes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`node ${id} missing; nodes: ${result.nodes.map((n) => n.id).join(', ')}`);
  return found;
}
