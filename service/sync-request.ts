// The shape and limits of a sync request (SPEC §7). A request that breaks them is refused whole,
// with a Chinese message, before anything is stored.

import type { RawValue } from './domain/problem.ts';

export const SYNC_LIMITS = {
  /** Rows in one request; the add-in chunks larger sheets. */
  rows: 20_000,
  /** Characters in one cell. */
  cellLength: 2_000,
  /** Columns sent for one row, known or not. */
  columns: 200,
} as const;

export interface SyncRow {
  rowId?: string;
  rev?: number;
  values: Record<string, RawValue>;
}

/**
 * A row the client has not changed since the service answered it at `rev`, named without its
 * values (sent as `{ rowId, rev }`): a 同步本表 of a table the pane synced before sends its
 * untouched rows so. It is answered from the stored row when that row is live at exactly `rev`,
 * and otherwise `resend`: the client sends it again with its values, and it is judged as any row.
 */
export interface UnchangedRow {
  rowId: string;
  rev: number;
  values?: undefined;
}

export type RequestRow = SyncRow | UnchangedRow;

export function isUnchanged(row: RequestRow): row is UnchangedRow {
  return row.values === undefined;
}

/**
 * One part of a sync sent in several requests (the pane sends a large table so, and prepares the
 * next part while the service judges this one). The service takes the parts of one `sync` in
 * `index` order and judges them as one request: a key sent in an earlier part makes a later row a
 * duplicate, and a row an earlier part matched or created is not matched again.
 */
export interface SyncPart {
  /** A UUID the client made for this one sync. */
  sync: string;
  /** 0 for the first part. */
  index: number;
}

export interface SyncRequest {
  rows: RequestRow[];
  mode: 'upsert' | 'snapshot';
  /** A snapshot that deletes many rows goes ahead only with this (see row-permissions.ts). */
  confirmDeletes: boolean;
  /** How messages name each row, e.g. 工作表「1月」第 5 行; by default 本次提交的第 N 行. */
  rowNames?: string[];
  part?: SyncPart;
}

export type Refusal = { status: 400 | 413; code: string; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

const describeType = (value: unknown) =>
  Array.isArray(value) ? '数组' : value === null ? '空值' : typeof value === 'object' ? '对象' : typeof value;

/** A refused request names its part when it had a valid one, so that the parts after it are refused at once. */
export type ParsedSyncRequest = { ok: true; value: SyncRequest } | { ok: false; refusal: Refusal; part?: SyncPart };

export function parseSyncRequest(body: unknown): ParsedSyncRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, refusal: { status: 400, code: 'bad_request', message: '请求体应为 JSON 对象，形如 {"rows": [...]}' } };
  const { part: sentPart, ...rest } = body as { part?: unknown };
  const part = parsePart(sentPart);
  if (typeof part === 'string') return { ok: false, refusal: { status: 400, code: 'bad_request', message: part } };
  const parsed = parseRows(rest);
  if (!parsed.ok) return part ? { ...parsed, part } : parsed;
  if (part && parsed.value.mode === 'snapshot')
    return { ok: false, part, refusal: { status: 400, code: 'bad_request', message: '整表同步（snapshot）不能分批提交' } };
  return part ? { ok: true, value: { ...parsed.value, part } } : parsed;
}

/** The request's part, undefined when it is a whole sync, or why it is refused. */
function parsePart(part: unknown): SyncPart | undefined | string {
  if (part === undefined || part === null) return undefined;
  const { sync, index } = (typeof part === 'object' && !Array.isArray(part) ? part : {}) as { sync?: unknown; index?: unknown };
  if (!isUuid(sync) || !Number.isInteger(index) || (index as number) < 0 || (index as number) > 100_000)
    return '分批提交的批次（part）应写明本次同步的编号（sync，UUID）和批次序号（index，从 0 起的整数）';
  return { sync, index: index as number };
}

function parseRows(body: object): { ok: true; value: SyncRequest } | { ok: false; refusal: Refusal } {
  const refuse = (message: string, status: 400 | 413 = 400, code = 'bad_request') => ({
    ok: false as const,
    refusal: { status, code, message },
  });
  const { rows, mode = 'upsert', confirmDeletes = false } = body as { rows?: unknown; mode?: unknown; confirmDeletes?: unknown };
  if (mode !== 'upsert' && mode !== 'snapshot') return refuse(`同步方式「${String(mode)}」无效，应为 upsert 或 snapshot`);
  if (typeof confirmDeletes !== 'boolean')
    return refuse(`确认删除（confirmDeletes）应为 true 或 false，实际为${describeType(confirmDeletes)}`);
  if (!Array.isArray(rows)) return refuse('请求体缺少 rows 数组');
  if (rows.length > SYNC_LIMITS.rows) {
    return refuse(`一次最多同步 ${SYNC_LIMITS.rows} 行，本次为 ${rows.length} 行，请分批提交`, 413, 'too_many_rows');
  }
  const parsed: RequestRow[] = [];
  for (const [index, row] of rows.entries()) {
    const where = `第 ${index + 1} 行`;
    if (!row || typeof row !== 'object' || Array.isArray(row)) return refuse(`${where}应为对象，实际为${describeType(row)}`);
    const { rowId, rev, values } = row as { rowId?: unknown; rev?: unknown; values?: unknown };
    if (rowId !== undefined && rowId !== null && !isUuid(rowId)) return refuse(`${where}的行ID「${String(rowId).slice(0, 60)}」格式无效`);
    if (rev !== undefined && rev !== null && !(Number.isInteger(rev) && (rev as number) >= 0)) {
      return refuse(`${where}的版本「${String(rev).slice(0, 30)}」应为非负整数`);
    }
    if (values === undefined && isUuid(rowId) && typeof rev === 'number') {
      parsed.push({ rowId, rev });
      continue;
    }
    if (!values || typeof values !== 'object' || Array.isArray(values))
      return refuse(`${where}缺少 values 对象（只有写明行ID和版本、未改动的行可以不带）`);
    const refusal = cellRefusal(values as Record<string, unknown>, where);
    if (refusal) return refuse(refusal.message, refusal.status, refusal.code);
    // The values object is JSON.parse's own, checked in place: a copy of every cell of 20,000 rows
    // was a tenth of an unchanged re-sync. Its keys are own data properties (JSON.parse defines
    // even "__proto__" as one), and the service reads only the ledger's own column ids from it.
    parsed.push({
      rowId: (rowId as string | undefined) ?? undefined,
      rev: (rev as number | undefined) ?? undefined,
      values: values as Record<string, RawValue>,
    });
  }
  return { ok: true, value: { rows: parsed, mode, confirmDeletes } };
}

/** Why one row's cells are refused (too many columns, a value of another type, a cell too long), or null. */
function cellRefusal(values: Record<string, unknown>, where: string): Refusal | null {
  const columns = Object.keys(values);
  if (columns.length > SYNC_LIMITS.columns)
    return { status: 413, code: 'too_many_columns', message: `${where}的列数 ${columns.length} 超过上限 ${SYNC_LIMITS.columns}` };
  for (const column of columns) {
    const value = values[column];
    if (value === null || typeof value === 'number' || typeof value === 'boolean') continue;
    if (typeof value !== 'string')
      return {
        status: 400,
        code: 'bad_request',
        message: `${where}「${column.slice(0, 40)}」列的值类型不受支持（${describeType(value)}），只接受文本、数字、布尔值或空值`,
      };
    if (value.length > SYNC_LIMITS.cellLength) {
      return {
        status: 413,
        code: 'cell_too_long',
        message: `${where}「${column.slice(0, 40)}」列的内容长 ${value.length} 字，超过上限 ${SYNC_LIMITS.cellLength} 字`,
      };
    }
  }
  return null;
}
