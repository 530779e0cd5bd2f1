// 拒执台账 (SPEC §5.4): refusal-to-execute cases (刑法 第三百一十三条) transferred to the police or
// brought by private prosecution, and the police's decision whether to open a case.

import type { LedgerDefinition } from '../../ledger.ts';
import { evaluateRefusal } from './evaluate.ts';
import { DEFAULT_REFUSALS_RULES, refusalsRulesSchema, type RefusalsRules } from './rules.ts';

export const ROUTES = ['移送公安', '自诉'];

export const refusalsLedger: LedgerDefinition<RefusalsRules> = {
  id: 'refusals',
  name: '拒执台账',
  key: ['caseNo', 'person', 'transferredOn'],
  columns: [
    { id: 'caseNo', header: '案号', aliases: ['执行案号'], type: 'caseNo', anyCaseType: true },
    { id: 'person', header: '拒执人员', aliases: ['被执行人', '犯罪嫌疑人', '被告人'], type: 'text' },
    {
      id: 'route',
      header: '途径',
      aliases: ['追究途径'],
      type: 'enum',
      options: ROUTES,
      optionAliases: { 移送: '移送公安', 公诉: '移送公安' },
    },
    { id: 'transferredOn', header: '移送日期', aliases: ['移送公安日期'], type: 'date' },
    {
      id: 'policeExtended',
      header: '公安延长审查',
      aliases: ['延长审查', '公安延长立案审查', '重大疑难复杂'],
      type: 'yesno',
      options: ['是', '否'],
    },
    { id: 'policeFiledOn', header: '公安立案日期', type: 'date' },
    { id: 'policeReplyOn', header: '不立案回复日期', aliases: ['公安不立案回复日期'], type: 'date' },
    { id: 'prosecutedOn', header: '起诉日期', aliases: ['提起公诉日期', '自诉日期'], type: 'date' },
    { id: 'verdictOn', header: '判决日期', type: 'date' },
    { id: 'verdict', header: '结果', aliases: ['判决结果'], type: 'text' },
  ],
  systemColumns: [],
  phaseHeader: '拒执进度',
  nodes: [
    {
      id: 'policeDecision',
      name: '公安立案决定',
      anchor: 'policeDue',
      doneBy: 'policeDecidedOn',
      source: DEFAULT_REFUSALS_RULES.policeDecision.source,
      appliesTo: (values) => values.route !== '自诉',
    },
  ],
  writers: ['general'],
  owner: 'general',
  caseColumns: { caseNo: 'caseNo', party: 'person' },
  measureFigures: { inWeek: { refusalsTransferred: 'transferredOn' } },
  defaultRules: DEFAULT_REFUSALS_RULES,
  rulesSchema: refusalsRulesSchema,
  evaluate: (row, context) => evaluateRefusal(refusalsLedger, row, context),
};
