// Keeps every Excel request under Excel on the web's 5 MB payload limit and every service request
// under the service's limits. Sizes are estimated as UTF-8 JSON, which is what travels.

import type { SyncRowRequest, UnchangedRowRequest } from '../../client/contract.ts';
import type { WriteBlock } from './write-blocks.ts';

/**
 * What one batch's cell data may use: Excel on the web refuses a request or response larger than
 * 5 MB, and the envelope and the batch's other commands need room too.
 */
export const EXCEL_DATA_BUDGET = 4 * 1024 * 1024;
/** The service takes up to 20,000 rows per request (service/sync-request.ts). */
export const SERVICE_ROWS_PER_REQUEST = 20_000;
export const SERVICE_BYTES_PER_REQUEST = 24 * 1024 * 1024;

/** UTF-8 length of a string without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/** Whether a text's UTF-8 stays within a budget; at most three bytes per UTF-16 unit, so a short one is not counted. */
function fitsIn(text: string, budget: number): boolean {
  return text.length * 3 <= budget || utf8Length(text) <= budget;
}

/** Splits anything measurable into consecutive groups whose sizes stay within a budget. */
export function chunkBySize<T>(items: T[], sizeOf: (item: T) => number, budget: number, maxCount = Infinity): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && (used + size > budget || current.length >= maxCount)) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Groups write blocks into batches under the budget, splitting a block between rows where needed.
 * `reserved` is what the batch spends on other commands (fills, notes, conditional formats).
 */
export function batchWrites(blocks: WriteBlock[], budget = EXCEL_DATA_BUDGET, reserved = 0): WriteBlock[][] {
  const room = Math.max(budget - reserved, 1);
  // Most syncs fit one batch, which one serialisation of all their values tells.
  if (fitsIn(JSON.stringify(blocks.map((block) => block.values)), room)) return blocks.length > 0 ? [blocks] : [];
  const rows = blocks.flatMap((block) => block.values.map((values, offset) => ({ block, offset, values, size: jsonBytes(values) + 1 })));
  const batches: WriteBlock[][] = [];
  for (const group of chunkBySize(rows, (row) => row.size, room)) {
    const batch: WriteBlock[] = [];
    for (const row of group) {
      const last = batch[batch.length - 1];
      if (
        last &&
        last.column === row.block.column &&
        last.row + last.values.length === row.block.row + row.offset &&
        last.values[0].length === row.values.length
      ) {
        last.values.push(row.values);
      } else {
        batch.push({ row: row.block.row + row.offset, column: row.block.column, values: [row.values] });
      }
    }
    batches.push(batch);
  }
  return batches;
}

/** One request's rows and their JSON array, which is the request's body as it travels. */
export interface RequestPart<Row> {
  rows: Row[];
  json: string;
}

/**
 * Rows per request of a table sent in parts: the service judges one part while the pane prepares
 * and sends the next, and the pane reads each answer while the service judges the part after it.
 * The first part is smaller, so that the service has work the sooner.
 */
export const ROWS_PER_PART = 2_500;
export const ROWS_IN_FIRST_PART = 500;

/**
 * The requests of a sync, each made when asked for: up to `perPart` rows go as one; more go in
 * groups (the first of `first` rows), each serialised once and that text both measured and sent.
 * Only a group whose body exceeds what the service takes is measured row by row and split.
 */
export function* requestParts<Row extends SyncRowRequest | UnchangedRowRequest>(
  rows: Row[],
  perPart = ROWS_PER_PART,
  first = ROWS_IN_FIRST_PART,
): Generator<RequestPart<Row>> {
  const size = Math.min(perPart, SERVICE_ROWS_PER_REQUEST);
  for (let start = 0; start < rows.length;) {
    const end = start + (start === 0 && rows.length > size ? Math.min(first, size) : size);
    const group = rows.slice(start, end);
    start = end;
    const json = JSON.stringify(group);
    if (fitsIn(json, SERVICE_BYTES_PER_REQUEST)) {
      yield { rows: group, json };
      continue;
    }
    for (const part of chunkBySize(group, (row) => jsonBytes(row) + 1, SERVICE_BYTES_PER_REQUEST)) {
      yield { rows: part, json: JSON.stringify(part) };
    }
  }
}
