// 网上查控与惩戒措施台账 (SPEC §5.4): freezes, seizures, transfers, consumption limits and the
// list of dishonest debtors — their terms, renewal, lapse, deletion at the end of a 失信 term and release.

import type { LedgerDefinition } from '../../ledger.ts';
import { evaluateMeasure, PENDING_RELEASE, PENDING_REMOVAL } from './evaluate.ts';
import { DEFAULT_MEASURES_RULES, MEASURES, measuresRulesSchema, type MeasuresRules } from './rules.ts';

const DISHONEST_REMOVAL_SOURCE = DEFAULT_MEASURES_RULES.terms.纳入失信?.removal?.source ?? '';

export const measuresLedger: LedgerDefinition<MeasuresRules> = {
  id: 'measures',
  name: '网上查控与惩戒措施台账',
  key: ['caseNo', 'measure', 'subject', 'approvedOn'],
  columns: [
    { id: 'caseNo', header: '案号', aliases: ['执行案号'], type: 'caseNo', anyCaseType: true },
    {
      id: 'measure',
      header: '措施',
      aliases: ['措施类型', '措施种类'],
      type: 'enum',
      options: [...MEASURES],
      optionAliases: { 限高: '限制消费', 限制高消费: '限制消费', 失信: '纳入失信', 扣划: '划拨' },
    },
    { id: 'subject', header: '被执行人', aliases: ['措施对象', '被执行人名称'], type: 'text' },
    { id: 'subjectId', header: '证件号', aliases: ['被执行人证件号', '身份证号', '统一社会信用代码'], type: 'partyId' },
    { id: 'approvedOn', header: '审批日期', aliases: ['审批时间'], type: 'date' },
    { id: 'effectiveOn', header: '生效/发布日期', aliases: ['生效日期', '发布日期', '查控日期'], type: 'date' },
    { id: 'expiresOn', header: '到期日', aliases: ['到期日期', '期限届满日'], type: 'dateOrNone', knownAhead: true },
    { id: 'renewedOn', header: '续行日期', aliases: ['续冻日期', '续封日期'], type: 'date' },
    { id: 'revokedOn', header: '撤销/解除日期', aliases: ['解除日期', '撤销日期', '屏蔽日期'], type: 'date' },
    { id: 'revokeReason', header: '撤销原因', aliases: ['解除原因'], type: 'text' },
  ],
  systemColumns: [{ id: 'expiry', header: '到期日（计算）', type: 'date' }],
  phaseHeader: '措施状态',
  nodes: [
    { id: 'renewal', name: '续行', anchor: 'expiry', doneBy: 'revokedOn', source: DEFAULT_MEASURES_RULES.terms.冻结银行存款!.source },
    {
      id: 'release',
      name: '解除',
      anchor: 'releaseDue',
      doneBy: 'revokedOn',
      source: DEFAULT_MEASURES_RULES.release.deadlines.纳入失信!.source,
    },
    { id: 'removal', name: '删除', anchor: 'removalDue', doneBy: 'revokedOn', source: DISHONEST_REMOVAL_SOURCE },
  ],
  writers: ['general'],
  owner: 'general',
  caseColumns: { caseNo: 'caseNo', party: 'subject' },
  measureFigures: {
    inWeek: { published: 'effectiveOn', revoked: 'revokedOn' },
    inPhase: { pendingRevocation: [PENDING_RELEASE, PENDING_REMOVAL] },
    lapsedNode: { lapsed: 'renewal' },
  },
  defaultRules: DEFAULT_MEASURES_RULES,
  rulesSchema: measuresRulesSchema,
  evaluate: (row, context) => evaluateMeasure(measuresLedger, row, context),
};
