// Many realistic rows typed into the stand-in host at once (built inside the page, so 10,000 rows
// do not cross the DevTools connection), for the sync-count test and the add-in benchmark.

import type { LedgerDefinition } from '../../../client/contract.ts';
import type { HostStats } from '../host/core.ts';
import type { Page } from 'playwright-core';
import { lastInputColumn } from './ledger-rows.ts';

export type SyncMeasure = HostStats;

/** Header → value for row `index`: varied teams, dates, amounts, some closed cases. */
export function generatedRow(index: number, serialNumber: number): Record<string, string | number> {
  const day = (offset: number) => new Date(Date.UTC(2026, 0, 5 + (index % 300) + offset)).toISOString().slice(0, 10);
  const closed = index % 5 === 0;
  return {
    案号: `（2026）豫0102执${serialNumber}号`,
    立案日期: day(0),
    申请执行人: `申请人${index}`,
    申请执行人类型: index % 7 === 0 ? '金融机构' : '企业',
    被执行人: `被执行人${index % 4000}`,
    被执行人类型: index % 3 === 0 ? '企业' : '自然人',
    '执行标的额（元）': 10_000 + ((index * 7919) % 500_000),
    案由: ['民间借贷纠纷', '买卖合同纠纷', '信用卡纠纷', '金融借款合同纠纷', '劳动争议'][index % 5],
    财产调查结果: index % 11 === 0 ? '足额' : '未查',
    初次接待日期: day(0),
    流转日期: day(3),
    分流日期: day(3),
    承办人: `承办人${index % 40}`,
    ...(closed ? { 结案日期: day(40), 结案方式: index % 10 === 0 ? '终结本次执行程序' : '执行完毕' } : {}),
  };
}

/**
 * Types `count` generated rows into the active sheet's template, starting at row 2; `badCaseNumbers`
 * makes every row an error. `hostGlobal` names the stand-in's test API: Excel's, or WPS 表格's `__etHost`.
 */
export async function typeGeneratedRows(
  pane: { page: Page },
  ledger: LedgerDefinition,
  count: number,
  firstSerial: number,
  badCaseNumbers = false,
  hostGlobal = '__excelHost',
): Promise<void> {
  const headers = ledger.columns.filter((column) => !column.system).map((column) => column.header);
  await pane.page.evaluate(
    ({ headers, count, firstSerial, source, lastColumn, badCaseNumbers, hostGlobal }) => {
      const generate = new Function(`return ${source}`)() as (index: number, serialNumber: number) => Record<string, string | number>;
      const rows = Array.from({ length: count }, (_, index) => {
        const row = generate(index, firstSerial + index);
        if (badCaseNumbers) row['案号'] = `旧编号-${firstSerial + index}`;
        return headers.map((header) => row[header] ?? '');
      });
      const host = (
        window as unknown as Record<string, { activeSheet(): string; typeCells(sheet: string, address: string, values: unknown[][]): void }>
      )[hostGlobal];
      host.typeCells(host.activeSheet(), `A2:${lastColumn}${count + 1}`, rows);
    },
    { headers, count, firstSerial, source: generatedRow.toString(), lastColumn: lastInputColumn(ledger), badCaseNumbers, hostGlobal },
  );
}
