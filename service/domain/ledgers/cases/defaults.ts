// The bureau's default rules for the cases ledger (SPEC §5.1). An administrator changes them
// through PUT /api/rules; the code only reads them.

import type { CasesRules, CloseLimit } from './rules.ts';

const days = (n: number): CloseLimit => ({ from: 'triage', period: { kind: 'days', n }, roll: true });
const statutory: CloseLimit = { from: 'statutory' };
const tag = (...words: string[]) => ({ column: 'tags', has: words });

export const DEFAULT_CASES_RULES: CasesRules = {
  nodes: {
    reception: { period: { kind: 'sameDay' }, roll: false },
    notice: { period: { kind: 'days', n: 10 }, roll: true },
    resumeNotice: { period: { kind: 'days', n: 10 }, roll: true },
    transfer: { period: { kind: 'days', n: 10 }, roll: true },
    triage: { period: { kind: 'sameDay' }, roll: false },
    auctionRuling: { period: { kind: 'days', n: 30 }, roll: true },
    archive: { period: { kind: 'days', n: 20 }, roll: true },
  },
  statutory: {
    period: { kind: 'months', n: 6 },
    roll: true,
    source: '《最高人民法院关于人民法院办理执行案件若干期限的规定》第一条；民事诉讼法 (2023) 第二百三十七条',
    byTag: [
      {
        tag: '非诉执行',
        period: { kind: 'months', n: 3 },
        source:
          '《最高人民法院关于人民法院办理执行案件若干期限的规定》第一条（非诉执行案件）；《最高人民法院关于严格执行案件审理期限制度的若干规定》第五条',
      },
    ],
    extensionSource:
      '《最高人民法院关于人民法院办理执行案件若干期限的规定》第一条第二款：有特殊情况须延长执行期限的，应当报请本院院长或副院长批准；' +
      '《最高人民法院关于严格执行案件审理期限制度的若干规定》第五条：经本院院长批准，可以延长三个月，还需延长的，层报高级人民法院备案',
  },
  deductions: {
    kinds: [
      { name: '公告送达', aliases: ['公告'], phase: '公告送达' },
      { name: '暂缓执行', aliases: ['暂缓'], phase: '暂缓' },
      { name: '中止执行', aliases: ['中止'], phase: '中止' },
      { name: '请示上级法院', aliases: ['请示'], phase: '请示' },
      { name: '协调执行争议', aliases: ['协调'], phase: '协调' },
    ],
    // The team's 结案期限 is a shorter 办案期限 of the same case: a period that stops the case stops it too.
    teamDeadline: true,
    source:
      '《最高人民法院关于人民法院办理执行案件若干期限的规定》(法发〔2006〕35号) 第十二条（不计入办案期限的期间）；《最高人民法院关于严格执行案件审理期限制度的若干规定》第九条第（九）至（十一）项',
  },
  triage: {
    source: '《执行指挥中心各部门工作职责（试行）》繁简分流规则',
    rules: [
      {
        id: '1',
        label: '被执行人为党政机关或涉党政机关',
        when: { any: [{ column: 'respondentType', is: ['党政机关'] }, tag('涉党政机关')] },
        team: '特执团队',
        close: days(90),
      },
      { id: '2', label: '重大疑难或交办案件', when: tag('重大疑难', '交办'), team: '特执团队', close: statutory },
      {
        id: '3',
        label: '财产足额或自动履行',
        when: { any: [{ column: 'propertyResult', is: ['足额'] }, tag('自动履行')] },
        team: '速执团队',
        close: days(7),
      },
      {
        id: '4',
        label: '涉营商环境的企业买卖合同纠纷',
        when: {
          all: [
            tag('涉营商环境'),
            { column: 'cause', contains: ['买卖合同'] },
            {
              any: [
                { column: 'applicantType', is: ['企业'] },
                { column: 'respondentType', is: ['企业'] },
              ],
            },
          ],
        },
        team: '速执团队',
        close: days(45),
      },
      {
        id: '5',
        label: '信用卡纠纷',
        when: { any: [{ column: 'cause', contains: ['信用卡'] }, tag('信用卡')] },
        team: '速执团队',
        close: days(60),
      },
      {
        id: '6',
        label: '金融机构申请或涉金融',
        when: { any: [{ column: 'applicantType', is: ['金融机构'] }, tag('涉金融')] },
        team: '特执团队',
        close: days(75),
      },
      {
        id: '7',
        label: '首执罚金案件（执行内容仅为罚金，不含涉黑恶、非吸）',
        // Only a fine: the tag, or a cause that is exactly 罚金 (「罚金、责令退赔」 is not).
        when: {
          all: [
            { column: 'caseType', is: ['执'] },
            { any: [{ column: 'cause', is: ['罚金'] }, tag('罚金')] },
            { not: { any: [tag('涉黑恶', '非吸'), { column: 'cause', contains: ['涉黑', '黑恶', '非法吸收公众存款', '非吸'] }] } },
          ],
        },
        team: '速执团队',
        close: days(60),
      },
      { id: '8', label: '过户案件', when: tag('过户'), team: '速执团队', close: days(60) },
      { id: '9', label: '标的额5万元以下', when: { column: 'amount', atMost: 50_000 }, team: '速执团队', close: days(60) },
      {
        id: '10',
        label: '一次性有效执行、前置可结案或简易案件',
        when: tag('一次性有效执行', '前置可结案', '简易'),
        team: '速执团队',
        close: days(60),
      },
    ],
    fallback: { 执: '首执团队', 执恢: '执恢团队' },
    teamDefaults: { 速执团队: days(60), 特执团队: statutory, 首执团队: statutory, 执恢团队: statutory },
  },
  screeningMonths: 3,
  offlineInquiryBeforeTransfer: {
    source: '《执行指挥中心各部门工作职责（试行）》（执行事务中心）：线下调查及文书打印要求在案件流转之前完成',
  },
};
