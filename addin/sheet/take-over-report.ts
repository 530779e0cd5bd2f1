// 接管现有表格, what every host does alike: whether a header is this ledger's, which columns to
// append at its right, and the report the pane shows. The hosts find the header and write the columns.

import type { LedgerColumn, LedgerDefinition } from '../../client/contract.ts';
import { UserError } from './errors.ts';
import type { HeaderReport } from './header-mapping.ts';
import { REV_HEADER, ROW_ID_HEADER, type Slot, type TableLayout } from './layout.ts';

export interface TakeOverReport {
  ledgerName: string;
  sheetName: string;
  tableName: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  dataRows: number;
  /** The clerk's header and the ledger column it was taken for. */
  mapped: Array<{ header: string; column: string }>;
  unmapped: string[];
  duplicates: string[];
  missingRequired: string[];
  missingOptional: string[];
  /** Columns the add-in appended: 行ID, 版本 and missing system columns. */
  added: string[];
}

/** A header that maps fewer than two of the ledger's columns is not this ledger's table. */
export function acceptable(ledger: LedgerDefinition, report: HeaderReport): HeaderReport {
  if (report.mappedInputs < 2)
    throw new UserError(`这张表的标题行只认出 ${report.mappedInputs} 列「${ledger.name}」的列：请确认选择的台账类型和当前工作表`);
  return report;
}

export function additions(report: HeaderReport): string[] {
  return [
    ...(report.hasRowId ? [] : [ROW_ID_HEADER]),
    ...(report.hasRev ? [] : [REV_HEADER]),
    ...report.missingSystem.map((column) => column.header),
  ];
}

export function appended(layout: TableLayout, added: string[], ledger: LedgerDefinition): TableLayout {
  const byHeader = new Map<string, LedgerColumn>(ledger.columns.map((column) => [column.header, column]));
  const slots: Slot[] = added.map((header) =>
    header === ROW_ID_HEADER
      ? { kind: 'rowId' }
      : header === REV_HEADER
        ? { kind: 'rev' }
        : { kind: 'system', column: byHeader.get(header)! },
  );
  return { slots: [...layout.slots, ...slots] };
}

export interface Where {
  sheetName: string;
  tableName: string;
  headerRow: number;
  dataRows: number;
  headers: unknown[];
}

export function reportOf(ledger: LedgerDefinition, where: Where, report: HeaderReport, added: string[]): TakeOverReport {
  return {
    ledgerName: ledger.name,
    sheetName: where.sheetName,
    tableName: where.tableName,
    headerRow: where.headerRow + 1,
    dataRows: where.dataRows,
    mapped: report.layout.slots.flatMap((slot, index) =>
      slot.kind === 'input' || slot.kind === 'system'
        ? [{ header: String(where.headers[index] ?? '').trim(), column: slot.column.header }]
        : [],
    ),
    unmapped: report.unmapped,
    duplicates: report.duplicates.map((duplicate) => duplicate.header),
    missingRequired: report.missingRequired.map((column) => column.header),
    missingOptional: report.missingOptional.map((column) => column.header),
    added,
  };
}
