// 罚款台账 (SPEC §5.4): who was fined how much, within the statutory bounds, and whether it was paid.

import type { LedgerDefinition } from '../../ledger.ts';
import { evaluateFine } from './evaluate.ts';
import { DEFAULT_FINES_RULES, finesRulesSchema, SUBJECT_TYPES, type FinesRules } from './rules.ts';

export const finesLedger: LedgerDefinition<FinesRules> = {
  id: 'fines',
  name: '罚款台账',
  key: ['caseNo', 'subject', 'decidedOn'],
  columns: [
    { id: 'caseNo', header: '案号', aliases: ['执行案号'], type: 'caseNo', anyCaseType: true },
    { id: 'subject', header: '被罚款人', aliases: ['被罚款人名称', '被罚款人姓名'], type: 'text', required: true },
    {
      id: 'subjectType',
      header: '被罚款人类型',
      aliases: ['类型'],
      type: 'enum',
      options: [...SUBJECT_TYPES],
      optionAliases: { 自然人: '个人', 公民: '个人', 企业: '单位', 公司: '单位', 法人: '单位', 其他组织: '单位' },
    },
    { id: 'amount', header: '罚款金额（元）', aliases: ['罚款金额', '罚款数额'], type: 'amount' },
    { id: 'decidedOn', header: '罚款决定日期', aliases: ['决定日期'], type: 'date' },
    { id: 'paidOn', header: '缴纳日期', aliases: ['缴款日期'], type: 'date' },
    { id: 'handler', header: '承办人', aliases: ['承办法官', '执行员'], type: 'text' },
  ],
  systemColumns: [],
  phaseHeader: '缴纳状态',
  nodes: [],
  writers: ['general'],
  owner: 'general',
  caseColumns: { caseNo: 'caseNo', party: 'subject', handler: 'handler' },
  measureFigures: { inWeek: { fines: 'decidedOn' }, amountInWeek: { figure: 'fineAmount', counted: 'fines', column: 'amount' } },
  defaultRules: DEFAULT_FINES_RULES,
  rulesSchema: finesRulesSchema,
  evaluate: (row, context) => evaluateFine(finesLedger, row, context),
};
