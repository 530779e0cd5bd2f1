// 案款台账 (SPEC §5.2): money received on the court's account for a case, its notification to the
// applicant, a lawful hold on its disbursement, the disbursement, and how long it has waited.

import type { LedgerDefinition } from '../../ledger.ts';
import { evaluatePayment } from './evaluate.ts';
import { BUREAU_RULES, DEFAULT_PAYMENTS_RULES, DISBURSEMENT_SOURCE, paymentsRulesSchema, type PaymentsRules } from './rules.ts';

export const paymentsLedger: LedgerDefinition<PaymentsRules> = {
  id: 'payments',
  name: '案款台账',
  key: ['caseNo', 'receiptNo'],
  columns: [
    { id: 'caseNo', header: '案号', aliases: ['执行案号'], type: 'caseNo', required: true, anyCaseType: true },
    { id: 'receiptNo', header: '到账流水号', aliases: ['流水号', '到账单号', '收款流水号'], type: 'text', required: true },
    { id: 'receivedOn', header: '到账日期', aliases: ['到账时间', '收款日期'], type: 'date', required: true },
    { id: 'amount', header: '到账金额（元）', aliases: ['到账金额', '金额', '案款金额'], type: 'amount', required: true },
    { id: 'payer', header: '交款人', aliases: ['付款人'], type: 'text' },
    { id: 'notifiedOn', header: '通知日期', aliases: ['到账通知日期', '通知领款日期'], type: 'date' },
    { id: 'heldOn', header: '暂缓发放日期', aliases: ['延缓发放日期', '暂缓日期'], type: 'date' },
    { id: 'holdReason', header: '暂缓原因', aliases: ['暂缓发放原因', '延缓发放原因', '暂缓理由'], type: 'text' },
    { id: 'resumedOn', header: '恢复发放日期', aliases: ['暂缓结束日期', '恢复日期'], type: 'date' },
    { id: 'disbursedOn', header: '发放日期', aliases: ['发还日期', '支付日期'], type: 'date' },
    { id: 'payee', header: '领款人', aliases: ['收款人'], type: 'text' },
    { id: 'handler', header: '承办人', aliases: ['承办法官', '执行员'], type: 'text' },
  ],
  systemColumns: [{ id: 'ageDays', header: '账龄（日）', type: 'integer' }],
  phaseHeader: '催办阶段',
  nodes: [
    { id: 'notify', name: '到账通知', anchor: 'receivedOn', doneBy: 'notifiedOn', source: BUREAU_RULES },
    { id: 'disburse', name: '发放', anchor: 'receivedOn', doneBy: 'disbursedOn', source: DISBURSEMENT_SOURCE },
  ],
  writers: ['files'],
  owner: 'files',
  caseColumns: { caseNo: 'caseNo', handler: 'handler' },
  defaultRules: DEFAULT_PAYMENTS_RULES,
  rulesSchema: paymentsRulesSchema,
  evaluate: (row, context) => evaluatePayment(paymentsLedger, row, context),
};
