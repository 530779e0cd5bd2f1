// Evaluates one fine row: the amount within the bounds for an individual or an organisation, and a
// second fine of the same person in the same case.

import { asDate } from '../../civil-date.ts';
import type { AnyLedger, EvalContext, RowEvaluation, RowInput, RowValues } from '../../ledger.ts';
import { summarizeNodes } from '../../nodes.ts';
import { formatYuan } from '../../normalize/index.ts';
import type { Problem } from '../../problem.ts';
import { checkDateOrder, headersOf } from '../../row.ts';
import { lookUpCase } from '../cases/lookup.ts';
import { repeatPunishmentCheck } from '../repeat-punishment.ts';
import { SUBJECT_TYPES, type FineBounds, type FinesRules } from './rules.ts';

const checkRepeat = repeatPunishmentCheck({ ledgerId: 'fines', measure: '罚款', personColumn: 'subject', dateColumns: ['decidedOn'] });

export function evaluateFine(ledger: AnyLedger, row: RowInput, context: EvalContext<FinesRules>): RowEvaluation {
  const { values } = row;
  const headers = headersOf(ledger);
  // Every check only adds problems, which a caller reading statuses only leaves out.
  const problems: Problem[] = context.statusOnly
    ? []
    : [
        ...checkAmount(values, headers, context.rules),
        ...checkDateOrder(ledger.columns, values, ['decidedOn', 'paidOn']),
        ...checkRepeat(row.rowId, values, context.view, headers, context.rules.repeatSource),
        ...lookUpCase(values, context.view, headers.caseNo).problems,
      ];
  const phase = asDate(values.paidOn) ? '已缴纳' : asDate(values.decidedOn) ? '未缴纳' : '';
  return { status: { phase, ...summarizeNodes([]) }, nodes: [], problems, fixed: undefined };
}

function describeBounds(bounds: FineBounds): string {
  return bounds.min === undefined
    ? `不超过 ${formatYuan(bounds.max)} 元`
    : `在 ${formatYuan(bounds.min)} 元以上 ${formatYuan(bounds.max)} 元以下`;
}

/** Without a 被罚款人类型 only the widest bounds can be checked, and the clerk is told so. */
function checkAmount(values: RowValues, headers: Record<string, string>, rules: FinesRules): Problem[] {
  const amount = typeof values.amount === 'number' ? values.amount : null;
  if (amount === null) return [];
  const shown = `${headers.amount}「${formatYuan(amount)}」`;
  if (amount === 0) return [{ column: 'amount', level: 'error', message: `${shown}应大于 0` }];
  const type = SUBJECT_TYPES.find((word) => word === values.subjectType);
  if (!type) {
    const widest = Math.max(...SUBJECT_TYPES.map((word) => rules.limits[word].max));
    const missing: Problem = {
      column: 'subjectType',
      level: 'warning',
      cell: true,
      message: `${headers.subjectType}为空，无法按个人或单位核对罚款限额`,
    };
    if (amount <= widest) return [missing];
    return [
      missing,
      { column: 'amount', level: 'error', message: `${shown}超过罚款的最高限额 ${formatYuan(widest)} 元（${rules.source}）` },
    ];
  }
  const bounds = rules.limits[type];
  if (amount <= bounds.max && (bounds.min === undefined || amount >= bounds.min)) return [];
  // Below a 单位's minimum is 低于, above the maximum 超出: the clerk is told which way the amount is wrong.
  const way = bounds.min !== undefined && amount < bounds.min ? '低于' : '超出';
  return [
    { column: 'amount', level: 'error', message: `${shown}${way}对${type}的罚款限额：应${describeBounds(bounds)}（${rules.source}）` },
  ];
}
