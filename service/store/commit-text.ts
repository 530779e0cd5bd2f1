// The text one commit writes: its journal line (the changed rows and their audit entries, with the
// line's checksum) and its audit.jsonl lines. A created row's values are also its audit entry's
// `after`, and every audit entry is written twice (journal, audit log): each values object is turned
// into JSON once per commit, and the texts are kept as pieces encoded chunk by chunk into the bytes
// written. Issue 15: the journal line of a 50,000-row commit was one string of tens of megabytes,
// sliced, hashed and encoded whole, which took 3 of the 10 seconds of the sync.

import { createHash } from 'node:crypto';
import type { AuditEntry, StoredRow } from './store.ts';

/** A text as pieces to be written one after another. */
export type Pieces = string[];

export class CommitText {
  private readonly written = new Map<object, string>();

  /** The journal line of a commit, checksummed, as bytes. */
  journalLine(revision: number, rows: readonly StoredRow[], audit: readonly AuditEntry[]): Buffer {
    const pieces: Pieces = [`{"revision":${revision},"rows":[`];
    rows.forEach((row, index) => {
      if (index > 0) pieces.push(',');
      this.row(row, pieces);
    });
    pieces.push(']');
    if (audit.length > 0) {
      const written = new Map(rows.map((row) => [row.rowId, row.values]));
      pieces.push(',"audit":[');
      audit.forEach((entry, index) => {
        if (index > 0) pieces.push(',');
        // An entry's `after` that is the values of its row in this line is left out: the reader takes it from the row.
        this.auditEntry(entry, pieces, entry.after !== null && written.get(entry.rowId ?? '') === entry.after);
        pieces.push('}');
      });
      pieces.push(']');
    }
    pieces.push('}');
    return checkedBytes(pieces);
  }

  /** An audit entry's audit.jsonl line, with its line break: the entry with the revision it made, and the epoch of a restored ledger. */
  auditLine(entry: AuditEntry, revision: number, epoch: string | undefined, pieces: Pieces): void {
    this.auditEntry(entry, pieces);
    pieces.push(`,"revision":${revision}${epoch ? `,"epoch":${JSON.stringify(epoch)}` : ''}}\n`);
  }

  /** A row's JSON, its values last. */
  private row(row: StoredRow, pieces: Pieces): void {
    const { values, ...rest } = row;
    pieces.push(opened(rest), '"values":', this.json(values), '}');
  }

  /**
   * An audit entry's JSON without its closing brace, `before` and `after` last (where a commit makes
   * them; absent ones null), or without `after` when `afterInRow`.
   */
  private auditEntry(entry: AuditEntry, pieces: Pieces, afterInRow = false): void {
    const { before, after, ...rest } = entry;
    pieces.push(opened(rest), '"before":', this.json(before ?? null));
    if (!afterInRow) pieces.push(',"after":', this.json(after ?? null));
  }

  private json(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    let text = this.written.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      this.written.set(value, text);
    }
    return text;
  }
}

/** An object's JSON open for more fields: `{…,` (or `{` for an empty one). */
function opened(object: object): string {
  const json = JSON.stringify(object);
  return json === '{}' ? '{' : `${json.slice(0, -1)},`;
}

/**
 * A journal line: the JSON of the record (given in pieces), ending with the sha256 of the text
 * before it, encoded straight into the line's own buffer and hashed there.
 */
export function checkedBytes(json: Pieces): Buffer {
  const suffix = (digest: string) => `,"sha256":"${digest}"}\n`;
  const { bytes, length } = utf8Pieces(json, suffix('0'.repeat(64)).length - 1);
  const digest = createHash('sha256').update(bytes.subarray(0, length)).digest('hex');
  bytes.write(suffix(digest), length - 1, 'utf8');
  return bytes;
}

/** Pieces joined this many at a time before encoding: one call per piece costs more than the copy. */
const PIECES_PER_CHUNK = 4096;

/** Texts encoded one after another into one buffer, with `room` bytes to spare at its end. */
export function utf8Pieces(pieces: Pieces, room = 0): { bytes: Buffer; length: number } {
  const chunks: string[] = [];
  for (let start = 0; start < pieces.length; start += PIECES_PER_CHUNK) {
    chunks.push(pieces.slice(start, start + PIECES_PER_CHUNK).join(''));
  }
  let length = 0;
  for (const chunk of chunks) length += Buffer.byteLength(chunk);
  const bytes = Buffer.allocUnsafe(length + room);
  let at = 0;
  for (const chunk of chunks) at += bytes.write(chunk, at, 'utf8');
  return { bytes, length };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
