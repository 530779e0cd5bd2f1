// Reading audit.jsonl from its end: the last revision each ledger's audit lines record. Lines are
// appended in commit order, so a ledger's last line holds its newest audited revision; the scan
// stops as soon as every ledger asked about is found (usually within the day's lines), else reads
// back to the start (a ledger never written: a quick scan, as only its own lines are parsed).

import { promises as fs } from 'node:fs';

const CHUNK = 256 * 1024;
const LEDGER_KEY = /"ledger":"([^"\\]*)"/;

/**
 * The revision of each ledger's newest audit line and how many lines of that revision there are
 * (one commit's lines are appended together; a crash may have kept only some of them), by ledger id
 * and the epoch its journal is in; revision 0 for a ledger whose newest line has none (written
 * before audit lines had revisions) or is of another epoch (before a restore: another ledger's revisions).
 */
export async function lastAuditedRevisions(
  file: string,
  ledgers: ReadonlyMap<string, string | undefined>,
): Promise<Map<string, { revision: number; lines: number }>> {
  const found = new Map<string, { revision: number; lines: number }>();
  // A ledger is done once a line of an earlier revision is met: its newest revision's lines are counted.
  const done = new Set<string>();
  const wanted = ledgers;
  if (wanted.size === 0) return found;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return found;
    throw error;
  }
  try {
    let position = (await handle.stat()).size;
    let carry = Buffer.alloc(0);
    while (position > 0 && done.size < wanted.size) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      await handle.read(chunk, 0, length, position);
      let text = Buffer.concat([chunk, carry]);
      // The first (partial) line of this chunk waits for the chunk before it, unless this is the start.
      const firstBreak = position > 0 ? text.indexOf(10) : -1;
      carry = firstBreak >= 0 ? text.subarray(0, firstBreak) : Buffer.alloc(0);
      if (position > 0 && firstBreak < 0) {
        carry = text;
        continue;
      }
      text = text.subarray(firstBreak + 1);
      const lines = text.toString('utf8').split('\n');
      for (let index = lines.length - 1; index >= 0 && done.size < wanted.size; index -= 1) {
        // Only the lines of a ledger still looked for are parsed (the key comes before any value that could hold it).
        const ledger = LEDGER_KEY.exec(lines[index])?.[1];
        if (ledger === undefined || !wanted.has(ledger) || done.has(ledger)) continue;
        const entry = parse(lines[index]);
        if (!entry || typeof entry.ledger !== 'string' || !wanted.has(entry.ledger) || done.has(entry.ledger)) continue;
        const sameEpoch = (entry.epoch ?? null) === (wanted.get(entry.ledger) ?? null);
        const revision = sameEpoch && Number.isInteger(entry.revision) ? (entry.revision as number) : 0;
        const newest = found.get(entry.ledger);
        if (revision === 0) {
          if (!newest) found.set(entry.ledger, { revision: 0, lines: 0 });
          done.add(entry.ledger);
        } else if (!newest) found.set(entry.ledger, { revision, lines: 1 });
        else if (newest.revision === revision) newest.lines += 1;
        else done.add(entry.ledger);
      }
    }
  } finally {
    await handle.close();
  }
  return found;
}

function parse(line: string): { ledger?: unknown; revision?: unknown; epoch?: unknown } | null {
  if (line.trim() === '') return null;
  try {
    const entry = JSON.parse(line) as unknown;
    return typeof entry === 'object' && entry !== null ? entry : null;
  } catch {
    return null;
  }
}
