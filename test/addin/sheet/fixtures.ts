// A small ledger definition shaped like GET /api/ledgers answers, for the add-in's pure functions.

import type { LedgerDefinition, RowResult } from '../../../client/contract.ts';

export const LEDGER: LedgerDefinition = {
  id: 'cases',
  name: '执行案件流转台账',
  key: ['caseNo'],
  columns: [
    { id: 'caseNo', header: '案号', aliases: ['执行案号'], type: 'caseNo', required: true, system: false },
    { id: 'filedOn', header: '立案日期', aliases: ['立案时间'], type: 'date', required: true, system: false },
    { id: 'respondent', header: '被执行人', aliases: [], type: 'text', required: true, system: false },
    { id: 'amount', header: '执行标的额（元）', aliases: ['标的额'], type: 'amount', required: false, system: false },
    { id: 'handler', header: '承办人', aliases: [], type: 'text', required: false, system: false },
    { id: 'team', header: '承办团队', aliases: [], type: 'text', required: false, system: true },
    { id: 'nextDue', header: '节点期限', aliases: [], type: 'date', required: false, system: true },
    { id: 'daysLeft', header: '剩余天数', aliases: [], type: 'integer', required: false, system: true },
    { id: 'alert', header: '预警', aliases: [], type: 'text', required: false, system: true },
    { id: 'remarks', header: '校验意见', aliases: [], type: 'text', required: false, system: true },
  ],
};

export const ROW_ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function result(n: number, overrides: Partial<RowResult> = {}): RowResult {
  return {
    rowId: ROW_ID(n),
    rev: 1,
    state: 'ok',
    errors: [],
    status: { team: '速执团队', nextDue: '2026-03-12', daysLeft: 3, alert: '临期', remarks: '' },
    ...overrides,
  };
}
