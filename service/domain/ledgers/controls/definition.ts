// 人员临控台账 and 车辆临控台账 (SPEC §5.4): the same ledger twice, one controlling a person and
// one a vehicle, so they share their rules and their evaluation.

import type { ColumnDef, LedgerDefinition, NodeRule } from '../../ledger.ts';
import { evaluateControl, PENDING_REVOCATION } from './evaluate.ts';
import { controlsRulesSchema, defaultControlsRules, type ControlsRules } from './rules.ts';

export const CONTROL_RESULTS = ['到案', '查获', '未果'];

const caseNo: ColumnDef = { id: 'caseNo', header: '案号', aliases: ['执行案号'], type: 'caseNo', anyCaseType: true };
const dates: ColumnDef[] = [
  { id: 'requestedOn', header: '布控日期', aliases: ['布控时间'], type: 'date' },
  { id: 'expiresOn', header: '布控到期日', aliases: ['到期日', '布控期限'], type: 'date', knownAhead: true },
  { id: 'revokedOn', header: '撤控日期', aliases: ['撤控时间'], type: 'date' },
  { id: 'result', header: '结果', aliases: ['布控结果'], type: 'enum', options: CONTROL_RESULTS },
];
const nodes: NodeRule[] = [{ id: 'expiry', name: '布控到期', anchor: 'expiresOn', doneBy: 'revokedOn', source: '布控文书载明的到期日' }];

const shared = {
  systemColumns: [],
  phaseHeader: '布控状态',
  nodes,
  writers: ['general'],
  owner: 'general',
  rulesSchema: controlsRulesSchema,
};

export const personControlsLedger: LedgerDefinition<ControlsRules> = {
  id: 'person-controls',
  name: '人员临控台账',
  key: ['caseNo', 'subject', 'requestedOn'],
  columns: [
    caseNo,
    { id: 'subject', header: '被控人', aliases: ['被控人姓名', '布控对象'], type: 'text' },
    { id: 'subjectId', header: '证件号', aliases: ['身份证号', '被控人身份证号'], type: 'personId' },
    ...dates,
  ],
  ...shared,
  caseColumns: { caseNo: 'caseNo', party: 'subject' },
  defaultRules: defaultControlsRules(),
  measureFigures: { inWeek: { personControls: 'requestedOn' }, inPhase: { pendingRevocation: PENDING_REVOCATION } },
  evaluate: (row, context) => evaluateControl(personControlsLedger, { id: 'subject', what: '人员' }, row, context),
};

export const vehicleControlsLedger: LedgerDefinition<ControlsRules> = {
  id: 'vehicle-controls',
  name: '车辆临控台账',
  key: ['caseNo', 'plate', 'requestedOn'],
  columns: [
    caseNo,
    { id: 'plate', header: '车牌号', aliases: ['车牌号码', '号牌号码'], type: 'plate' },
    { id: 'subjectId', header: '所有人证件号', aliases: ['车辆所有人证件号', '证件号'], type: 'partyId' },
    ...dates,
  ],
  ...shared,
  caseColumns: { caseNo: 'caseNo' },
  defaultRules: defaultControlsRules(),
  measureFigures: { inWeek: { vehicleControls: 'requestedOn' }, inPhase: { pendingRevocation: PENDING_REVOCATION } },
  evaluate: (row, context) => evaluateControl(vehicleControlsLedger, { id: 'plate', what: '车辆' }, row, context),
};
