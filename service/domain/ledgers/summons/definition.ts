// 拘传台账 (SPEC §5.4): who was summoned by warrant, when they arrived and how long they were questioned.

import type { LedgerDefinition } from '../../ledger.ts';
import { evaluateSummons } from './evaluate.ts';
import { DEFAULT_SUMMONS_RULES, summonsRulesSchema, type SummonsRules } from './rules.ts';

export const summonsLedger: LedgerDefinition<SummonsRules> = {
  id: 'summons',
  name: '拘传台账',
  key: ['caseNo', 'person', 'warrantOn'],
  columns: [
    { id: 'caseNo', header: '案号', aliases: ['执行案号'], type: 'caseNo', anyCaseType: true },
    { id: 'person', header: '被拘传人', aliases: ['被拘传人姓名'], type: 'text', required: true },
    { id: 'personId', header: '证件号', aliases: ['身份证号', '被拘传人身份证号'], type: 'personId' },
    { id: 'summonedOn', header: '传唤日期', aliases: ['传唤时间'], type: 'date' },
    { id: 'warrantOn', header: '拘传票签发日期', aliases: ['拘传票日期', '签发日期'], type: 'date' },
    { id: 'arrivedAt', header: '到案时间', type: 'datetime' },
    { id: 'endedAt', header: '询问结束时间', aliases: ['结束时间'], type: 'datetime' },
    { id: 'mayDetain', header: '可能采取拘留措施', aliases: ['可能拘留'], type: 'yesno', options: ['是', '否'] },
    { id: 'handler', header: '承办人', aliases: ['承办法官', '执行员'], type: 'text' },
  ],
  systemColumns: [
    { id: 'hours', header: '询问时长（小时）', type: 'number' },
    { id: 'limitAt', header: '询问时限', type: 'datetime' },
  ],
  phaseHeader: '拘传状态',
  nodes: [{ id: 'questioning', name: '询问时限', anchor: 'arrivedAt', doneBy: 'endedAt', source: DEFAULT_SUMMONS_RULES.source }],
  writers: ['general'],
  owner: 'general',
  caseColumns: { caseNo: 'caseNo', party: 'person', handler: 'handler' },
  measureFigures: { inWeek: { summons: 'arrivedAt' } },
  defaultRules: DEFAULT_SUMMONS_RULES,
  rulesSchema: summonsRulesSchema,
  evaluate: (row, context) => evaluateSummons(summonsLedger, row, context),
};
