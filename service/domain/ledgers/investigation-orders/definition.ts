// 律师调查令台账 (SPEC §5.4): orders issued to lawyers, their validity and their return.

import type { LedgerDefinition } from '../../ledger.ts';
import { evaluateInvestigationOrder } from './evaluate.ts';
import { DEFAULT_INVESTIGATION_ORDERS_RULES, investigationOrdersRulesSchema, type InvestigationOrdersRules } from './rules.ts';

export const investigationOrdersLedger: LedgerDefinition<InvestigationOrdersRules> = {
  id: 'investigation-orders',
  name: '律师调查令台账',
  key: ['caseNo', 'lawyer', 'target', 'issuedOn'],
  columns: [
    { id: 'caseNo', header: '案号', aliases: ['执行案号'], type: 'caseNo', anyCaseType: true },
    { id: 'lawyer', header: '律师', aliases: ['持令律师', '律师姓名'], type: 'text', required: true },
    { id: 'lawFirm', header: '律师事务所', aliases: ['律所'], type: 'text' },
    { id: 'licenseNo', header: '执业证号', aliases: ['律师执业证号'], type: 'licenseNo' },
    { id: 'target', header: '调查对象', aliases: ['协助调查单位'], type: 'text' },
    { id: 'scope', header: '调查内容', aliases: ['调查事项'], type: 'text' },
    { id: 'issuedOn', header: '签发日期', aliases: ['签发时间'], type: 'date' },
    { id: 'validDays', header: '有效期（日）', aliases: ['有效期', '有效天数'], type: 'integer', max: 3650 },
    { id: 'returnedOn', header: '交回日期', aliases: ['交回时间'], type: 'date' },
    { id: 'result', header: '调查结果', type: 'text' },
  ],
  systemColumns: [{ id: 'dueOn', header: '交回期限', type: 'date' }],
  phaseHeader: '调查令状态',
  nodes: [
    { id: 'return', name: '交回', anchor: 'dueOn', doneBy: 'returnedOn', source: DEFAULT_INVESTIGATION_ORDERS_RULES.validity.source },
  ],
  writers: ['general'],
  owner: 'general',
  caseColumns: { caseNo: 'caseNo' },
  measureFigures: { inWeek: { ordersIssued: 'issuedOn' }, overdueNode: { ordersOverdue: 'return' } },
  defaultRules: DEFAULT_INVESTIGATION_ORDERS_RULES,
  rulesSchema: investigationOrdersRulesSchema,
  evaluate: (row, context) => evaluateInvestigationOrder(investigationOrdersLedger, row, context),
};
