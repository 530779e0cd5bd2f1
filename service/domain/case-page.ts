// The case page: every ledger's rows for one case number, each row named by its own columns and its
// deadline nodes laid out as a timeline (due, done, state, basis, counting steps).

import { cellText, type CaseOwner, type EvaluatedLedgerRow, type LedgerRows } from './alerts.ts';
import type { AnyLedger, NodeResult } from './ledger.ts';
import { maskIdentity } from './normalize/index.ts';
import { COMMON_SYSTEM_COLUMNS, systemColumnsOf } from './row.ts';

/** Column types that hold an identity number: shown masked. */
const IDENTITY_TYPES = new Set(['personId', 'creditCode', 'partyId']);

export interface CaseField {
  header: string;
  value: string;
}

export type CaseNode = NodeResult & {
  /** A period the court watches but does not act in (an objection period): never an alert. */
  informational: boolean;
};

export interface CaseRow {
  rowId: string;
  /** What the row is about: its key columns, 当事人 and 承办人, and what the ledger computed. */
  fields: CaseField[];
  /** The row's alert (超期, 临期, 正常) or '' when no node is open. */
  alert: string;
  /** The nodes in the order they fall due. */
  nodes: CaseNode[];
}

export interface CaseLedger {
  ledgerId: string;
  ledger: string;
  rows: CaseRow[];
}

export interface CasePage {
  caseNo: string;
  team: string;
  handler: string;
  ledgers: CaseLedger[];
}

/** The case page of `caseNo` over rows already narrowed to it; a ledger without rows for it is left out. */
export function casePage(caseNo: string, ledgers: readonly LedgerRows[], owner: CaseOwner | undefined): CasePage {
  return {
    caseNo,
    team: owner?.team ?? '',
    handler: owner?.handler ?? '',
    ledgers: ledgers
      .filter(({ rows }) => rows.length > 0)
      .map(({ ledger, rows }) => ({ ledgerId: ledger.id, ledger: ledger.name, rows: rows.map((row) => caseRow(ledger, row)) })),
  };
}

function caseRow(ledger: AnyLedger, row: EvaluatedLedgerRow): CaseRow {
  const informational = new Set(ledger.nodes.filter((rule) => rule.informational).map((rule) => rule.id));
  const nodes = row.nodes
    .map((node) => ({ ...node, informational: informational.has(node.id) }))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const alert = row.status.alert;
  return { rowId: row.rowId, fields: fieldsOf(ledger, row), alert: typeof alert === 'string' ? alert : '', nodes };
}

/** The row's key columns but the case number, its 当事人 and 承办人, then its own computed columns; empty ones left out. */
function fieldsOf(ledger: AnyLedger, row: EvaluatedLedgerRow): CaseField[] {
  const { caseNo, party, handler } = ledger.caseColumns;
  const inputs = [...new Set([...ledger.key, party, handler])].filter((id): id is string => id !== undefined && id !== caseNo);
  const fields: CaseField[] = [];
  for (const id of inputs) {
    const column = ledger.columns.find((def) => def.id === id);
    const value = row.values[id];
    if (!column || value === null || value === undefined) continue;
    fields.push({ header: column.header, value: IDENTITY_TYPES.has(column.type) ? maskIdentity(String(value)) : cellText(value) });
  }
  const common = new Set(COMMON_SYSTEM_COLUMNS.map((column) => column.id));
  for (const column of systemColumnsOf(ledger)) {
    const value = cellText(row.status[column.id]);
    if (!common.has(column.id) && value !== '') fields.push({ header: column.header, value });
  }
  return fields;
}
