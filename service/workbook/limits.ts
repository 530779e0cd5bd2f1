// What one uploaded workbook may hold. exceljs keeps the whole workbook in memory (about 1 KB per
// cell, measured by `npm run bench`), so the bounds are set from memory, and checked on the zip's
// own records before exceljs sees a byte (zip-inspection.ts).

export const WORKBOOK_LIMITS = {
  /** Size of the uploaded file. */
  uploadBytes: 30 * 1024 * 1024,
  /** Sum of the unpacked parts; an ordinary 50,000-row ledger unpacks to about 40 MB. */
  unpackedBytes: 200 * 1024 * 1024,
  /** Parts in the zip; Excel writes a few dozen. */
  parts: 2_000,
  /** Rows of all worksheets together, empty formatted rows included. */
  rows: 60_000,
  /** Cells of all worksheets together, merged areas included. */
  cells: 2_000_000,
  /** Merged ranges: exceljs checks each new merge against every earlier one. */
  merges: 10_000,
} as const;

/** A workbook the service will not read, with the reason in Chinese; nothing of it is stored. */
export class WorkbookRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 413,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
