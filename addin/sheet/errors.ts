// Errors the clerk reads, whatever the host: what happened and what to do, in Chinese.

import { ServiceError } from '../../client/service.ts';

export class UserError extends Error {}

/** A table that is not a ledger table (automatic sync hears about every table's changes). */
export class NotLedgerTable extends UserError {}

export const NO_TABLE_MESSAGE = '当前工作表没有台账表格：请先「新建台账」，或用「接管现有表格」接管这张表';

/** Our own errors and the service's already say what to do; null for a host's own error. */
export function clerkMessage(error: unknown): string | null {
  // A service's error code is its own, never one of a host's.
  return error instanceof UserError || error instanceof ServiceError ? error.message : null;
}
