// A ledger table is recognised by its name, which survives closing and reopening the workbook:
// `Ledger_<ledger id>` (hyphens become underscores), then `_2`, `_3`… for more tables of one ledger.

import type { LedgerDefinition } from '../../client/contract.ts';

const PREFIX = 'Ledger_';

function baseName(ledgerId: string): string {
  return `${PREFIX}${ledgerId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** The first free name for another table of the ledger. */
export function tableNameFor(ledgerId: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  const base = baseName(ledgerId);
  if (!used.has(base.toLowerCase())) return base;
  for (let ordinal = 2; ; ordinal += 1) {
    const name = `${base}_${ordinal}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

export function ledgerOfTable(tableName: string, ledgers: LedgerDefinition[]): LedgerDefinition | null {
  const lower = tableName.toLowerCase();
  return (
    ledgers.find((ledger) => {
      const base = baseName(ledger.id).toLowerCase();
      return lower === base || (lower.startsWith(`${base}_`) && /^\d+$/.test(lower.slice(base.length + 1)));
    }) ?? null
  );
}

/** A sheet name Excel accepts (no []:*?/\, at most 31 characters) and not yet taken. */
export function sheetNameFor(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  const clean =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || '台账';
  if (!used.has(clean.toLowerCase())) return clean;
  for (let ordinal = 2; ; ordinal += 1) {
    const suffix = `（${ordinal}）`;
    const name = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
