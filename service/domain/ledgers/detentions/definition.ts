// 拘留台账 (SPEC §5.4): custody days, the end of the term, the family notice within 24 hours and
// whether the person was released on time.

import type { LedgerDefinition } from '../../ledger.ts';
import { evaluateDetention } from './evaluate.ts';
import { DEFAULT_DETENTIONS_RULES, detentionsRulesSchema, type DetentionsRules } from './rules.ts';

export const detentionsLedger: LedgerDefinition<DetentionsRules> = {
  id: 'detentions',
  name: '拘留台账',
  key: ['caseNo', 'person', 'decidedOn'],
  columns: [
    { id: 'caseNo', header: '案号', aliases: ['执行案号'], type: 'caseNo', anyCaseType: true },
    { id: 'person', header: '被拘留人', aliases: ['被拘留人姓名'], type: 'text', required: true },
    { id: 'personId', header: '证件号', aliases: ['身份证号', '被拘留人身份证号'], type: 'personId' },
    { id: 'decidedOn', header: '拘留决定日期', aliases: ['决定日期'], type: 'date' },
    { id: 'days', header: '拘留天数', aliases: ['拘留期限'], type: 'integer', max: 3650 },
    { id: 'startOn', header: '送拘日期', aliases: ['拘留日期', '执行拘留日期'], type: 'date' },
    // Optional: the moment of committal, from which the family-notice hours run when the clerk has it.
    { id: 'startAt', header: '送拘时间', aliases: ['送拘时刻', '执行拘留时间', '入所时间'], type: 'datetime' },
    { id: 'facility', header: '拘留所', type: 'text' },
    { id: 'familyNotifiedAt', header: '通知家属时间', aliases: ['家属通知时间', '通知家属日期'], type: 'datetime' },
    { id: 'notNotifiedReason', header: '未通知原因', aliases: ['无法通知原因', '未通知家属原因', '逾时通知原因'], type: 'text' },
    { id: 'releasedOn', header: '解除日期', aliases: ['释放日期', '解除拘留日期'], type: 'date' },
    { id: 'earlyRelease', header: '提前解除', type: 'yesno', options: ['是', '否'] },
    { id: 'handler', header: '承办人', aliases: ['承办法官', '执行员'], type: 'text' },
  ],
  systemColumns: [{ id: 'endOn', header: '期满日期', type: 'date' }],
  phaseHeader: '羁押状态',
  nodes: [
    {
      id: 'familyNotice',
      name: '通知家属',
      anchor: 'startOn',
      doneBy: 'familyNotifiedAt',
      source: DEFAULT_DETENTIONS_RULES.familyNotice.source,
    },
    { id: 'release', name: '期满释放', anchor: 'endOn', doneBy: 'releasedOn', source: DEFAULT_DETENTIONS_RULES.days.source },
  ],
  writers: ['general'],
  owner: 'general',
  caseColumns: { caseNo: 'caseNo', party: 'person', handler: 'handler' },
  measureFigures: { inWeek: { detentions: 'startOn' } },
  defaultRules: DEFAULT_DETENTIONS_RULES,
  rulesSchema: detentionsRulesSchema,
  evaluate: (row, context) => evaluateDetention(detentionsLedger, row, context),
};
