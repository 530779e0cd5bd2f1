// How a ledger table looks, whatever the host: the colours that set the system columns apart,
// which columns get a dropdown, each column's width in points.

import { DUE_SOON, ON_TRACK, OVERDUE, type LedgerColumn } from '../../client/contract.ts';

export const SYSTEM_HEADER_FILL = '#605E5C';
export const SYSTEM_HEADER_FONT = '#FFFFFF';
export const SYSTEM_BODY_FILL = '#F3F2F1';
export const SYSTEM_BODY_FONT = '#323130';

/** 预警 colours: 超期 red, 临期 amber, 正常 green (fill, font). */
export const ALERT_COLOURS: Array<[text: string, fill: string, font: string]> = [
  [OVERDUE, '#FDE7E9', '#A4262C'],
  [DUE_SOON, '#FFF4CE', '#8A5300'],
  [ON_TRACK, '#DFF6DD', '#0B6A0B'],
];

export function systemColumnWidth(column: LedgerColumn): number {
  return column.type === 'text' ? 160 : 80;
}

/** A dropdown helps where a column takes one of fixed options; tags take several, so none there. */
export function hasDropdown(column: LedgerColumn): boolean {
  return !!column.options && column.options.length > 0 && column.type !== 'tags' && column.options.join(',').length < 255;
}

export function widthOf(column: LedgerColumn): number {
  if (column.type === 'date') return 80;
  if (column.type === 'caseNo' || column.type === 'partyId' || column.type === 'personId' || column.type === 'creditCode') return 150;
  return Math.min(160, Math.max(70, column.header.length * 14));
}
