// 执行案件流转台账 (SPEC §5.1): columns, node rules and the bureau's default rules.

import type { LedgerDefinition } from '../../ledger.ts';
import { evaluateCase } from './evaluate.ts';
import { casesRulesSchema, type CasesRules } from './rules.ts';
import { DEFAULT_CASES_RULES } from './defaults.ts';

const PARTY_TYPES = ['自然人', '企业', '金融机构', '党政机关', '其他组织'];
export const TEAMS = ['速执团队', '特执团队', '首执团队', '执恢团队'];
export const CASE_TAGS = [
  '涉营商环境',
  '信用卡',
  '涉党政机关',
  '涉金融',
  '重大疑难',
  '交办',
  '罚金',
  '涉黑恶',
  '非吸',
  '过户',
  '自动履行',
  '一次性有效执行',
  '前置可结案',
  '简易',
  '非诉执行',
];
export const CLOSURE_MODES = ['执行完毕', '终结本次执行程序', '终结执行', '不予执行', '驳回申请', '销案'];

const BUREAU_RULES = '《执行指挥中心各部门工作职责（试行）》';
const isFirstExecution = (values: Record<string, unknown>) => values.caseType === '执';
const isImplementation = (values: Record<string, unknown>) => values.caseType === '执' || values.caseType === '执恢';

export const casesLedger: LedgerDefinition<CasesRules> = {
  id: 'cases',
  name: '执行案件流转台账',
  key: ['caseNo'],
  columns: [
    {
      id: 'caseNo',
      header: '案号',
      aliases: ['执行案号', '案件编号'],
      type: 'caseNo',
      required: true,
      // The triage rules and the nodes' conditions read it as a column.
      caseTypeAs: 'caseType',
    },
    { id: 'filedOn', header: '立案日期', aliases: ['立案时间', '收案日期'], type: 'date', required: true },
    { id: 'applicant', header: '申请执行人', aliases: ['申请人'], type: 'text' },
    { id: 'applicantType', header: '申请执行人类型', aliases: ['申请人类型'], type: 'enum', options: PARTY_TYPES },
    { id: 'respondent', header: '被执行人', type: 'text', required: true },
    { id: 'respondentType', header: '被执行人类型', type: 'enum', options: PARTY_TYPES },
    {
      id: 'respondentId',
      header: '被执行人证件号',
      aliases: ['被执行人身份证号', '被执行人证件号码', '统一社会信用代码'],
      type: 'partyId',
    },
    { id: 'amount', header: '执行标的额（元）', aliases: ['执行标的额', '标的额', '申请执行标的'], type: 'amount' },
    { id: 'cause', header: '案由', type: 'text' },
    { id: 'tags', header: '案件标签', aliases: ['标签'], type: 'tags', options: CASE_TAGS },
    { id: 'propertyResult', header: '财产调查结果', aliases: ['查控结果'], type: 'enum', options: ['足额', '部分', '无', '未查'] },
    { id: 'receptionOn', header: '初次接待日期', aliases: ['接待日期'], type: 'date' },
    {
      id: 'noticeIssuedOn',
      header: '执行通知发出日期',
      aliases: ['执行通知书发出日期', '执行通知发出时间', '发出执行通知日期'],
      type: 'date',
    },
    { id: 'noticeOn', header: '执行通知送达日期', aliases: ['执行通知书送达日期', '送达日期'], type: 'date' },
    { id: 'resumeNoticeOn', header: '恢复告知日期', aliases: ['恢复执行告知日期', '恢复执行通知日期', '恢复告知时间'], type: 'date' },
    { id: 'onlineInquiryOn', header: '网络查控日期', aliases: ['网络查控时间'], type: 'date' },
    { id: 'offlineInquiryOn', header: '线下调查完成日期', aliases: ['线下调查日期'], type: 'date' },
    { id: 'transferredOn', header: '流转日期', aliases: ['移交日期', '流转时间'], type: 'date' },
    { id: 'triagedOn', header: '分流日期', aliases: ['分案日期'], type: 'date' },
    { id: 'teamOverride', header: '分流调整', aliases: ['调整团队'], type: 'enum', options: TEAMS },
    { id: 'overrideReason', header: '调整理由', type: 'text' },
    { id: 'handler', header: '承办人', aliases: ['承办法官', '执行员'], type: 'text' },
    { id: 'propertyFoundOn', header: '发现可供执行财产日期', aliases: ['发现财产日期'], type: 'date' },
    { id: 'auctionRulingOn', header: '拍卖裁定日期', type: 'date' },
    {
      id: 'extensionApprovedOn',
      header: '延长审批日期',
      aliases: ['延长执行期限审批日期', '延期审批日期', '批准延长日期', '延长批准日期'],
      type: 'date',
    },
    // A date the term now ends on, or the months it was extended by (3个月).
    { id: 'extendedTo', header: '延长至', aliases: ['延长期限', '延长执行期限至', '延长月数'], type: 'dateOrMonths' },
    // 「中止执行 2026-03-01至2026-03-20；公告送达 2026-05-02至05-10」: read by deductions.ts.
    { id: 'deductions', header: '扣除期间', aliases: ['扣除审限期间', '不计入执行期限的期间', '扣除执行期限'], type: 'text' },
    { id: 'closedOn', header: '结案日期', aliases: ['结案时间'], type: 'date' },
    { id: 'closureMode', header: '结案方式', type: 'enum', options: CLOSURE_MODES, optionAliases: { 终本: '终结本次执行程序' } },
    { id: 'archivedOn', header: '归档日期', type: 'date' },
  ],
  systemColumns: [
    { id: 'team', header: '承办团队', type: 'text' },
    { id: 'triageBasis', header: '分流依据', type: 'text' },
    { id: 'closeDue', header: '结案期限', type: 'date' },
    { id: 'statutoryDue', header: '法定期限', type: 'date' },
  ],
  phaseHeader: '案件状态',
  nodes: [
    { id: 'reception', name: '初次接待', anchor: 'filedOn', doneBy: 'receptionOn', source: `${BUREAU_RULES}（执行事务中心）` },
    // The notice is due to be issued (发出) within the period; a served notice was issued by then.
    {
      id: 'notice',
      name: '执行通知',
      anchor: 'filedOn',
      doneBy: 'noticeIssuedOn',
      doneByFallback: ['noticeOn'],
      source: '民诉法解释 (2022) 第四百八十条',
      appliesTo: isFirstExecution,
    },
    // A resumed case tells the parties of the resumption (恢复告知, the bureau's word). A 执恢 row
    // whose clerk recorded the date in the 执行通知 columns, as before this node, still counts.
    {
      id: 'resumeNotice',
      name: '恢复告知',
      anchor: 'filedOn',
      doneBy: 'resumeNoticeOn',
      doneByFallback: ['noticeIssuedOn', 'noticeOn'],
      source: `${BUREAU_RULES}（执行事务中心）；参照民诉法解释 (2022) 第四百八十条`,
      appliesTo: (values) => values.caseType === '执恢',
    },
    {
      id: 'transfer',
      name: '流转',
      anchor: 'filedOn',
      doneBy: 'transferredOn',
      source: `${BUREAU_RULES}（执行事务中心）`,
      appliesTo: isFirstExecution,
    },
    {
      id: 'triage',
      name: '繁简分流',
      anchor: 'transferredOn',
      doneBy: 'triagedOn',
      source: `${BUREAU_RULES}（卷宗管理中心）`,
      appliesTo: isImplementation,
    },
    { id: 'close', name: '结案', anchor: 'closeDue', doneBy: 'closedOn', source: '繁简分流规则', appliesTo: isImplementation },
    {
      id: 'auctionRuling',
      name: '拍卖裁定',
      anchor: 'propertyFoundOn',
      doneBy: 'auctionRulingOn',
      source: `${BUREAU_RULES}（财产处置专班）`,
    },
    { id: 'archive', name: '归档', anchor: 'closedOn', doneBy: 'archivedOn', source: `${BUREAU_RULES}（卷宗管理中心）` },
  ],
  writers: ['affairs', 'files', 'team:*'],
  // 卷宗管理中心 keeps the case files from transfer to archive (SPEC §1): it answers for the ledger as a whole.
  owner: 'files',
  caseColumns: { caseNo: 'caseNo', party: 'respondent', handler: 'handler' },
  assignment: {
    teamColumn: 'teamOverride',
    teamStatus: 'team',
    assignedOn: 'triagedOn',
    closedOn: 'closedOn',
    listColumns: [
      'caseNo',
      'applicant',
      'respondent',
      'filedOn',
      'triagedOn',
      'handler',
      'closeDue',
      'nextNode',
      'nextDue',
      'daysLeft',
      'alert',
    ],
  },
  defaultRules: DEFAULT_CASES_RULES,
  rulesSchema: casesRulesSchema,
  evaluate: (row, context) => evaluateCase(casesLedger, row, context),
};
