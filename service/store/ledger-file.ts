// One ledger on disk: a lowdb snapshot (`<id>.json`) plus an append-only journal
// (`<id>.journal.jsonl`) of the rows each commit changed. A one-row edit appends one short line
// instead of rewriting every row; the journal is folded into the snapshot once it outgrows it.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { appendDurably, DurableJSONFile } from './durable-file.ts';
import type { StoredRow } from './store.ts';

export type { StoredRow } from './store.ts';

interface Snapshot {
  revision: number;
  rows: StoredRow[];
}

interface JournalEntry {
  revision: number;
  rows: StoredRow[];
}

/** The journal is folded into the snapshot when it is larger than this and than the snapshot. */
const JOURNAL_FLOOR_BYTES = 8 * 1024 * 1024;

export class LedgerFile {
  private journalBytes = 0;
  private snapshotBytes = 0;

  private constructor(
    readonly snapshotFile: string,
    readonly journalFile: string,
    private readonly db: Low<Snapshot>,
    readonly rows: Map<string, StoredRow>,
    public revision: number,
  ) {}

  static async open(directory: string, id: string): Promise<LedgerFile> {
    const snapshotFile = path.join(directory, `${id}.json`);
    const journalFile = path.join(directory, `${id}.journal.jsonl`);
    const { rows, revision, complete, torn } = await readLedger(snapshotFile, journalFile);
    // Later appends must start on a fresh line, so the cut-off line goes.
    if (torn) await fs.truncate(journalFile, complete);
    const db = new Low<Snapshot>(new DurableJSONFile(snapshotFile), { revision: 0, rows: [] });
    const file = new LedgerFile(snapshotFile, journalFile, db, rows, revision);
    file.journalBytes = complete;
    file.snapshotBytes = await sizeOf(snapshotFile);
    // An empty ledger gets its snapshot at once, so every backup holds every ledger.
    if (file.snapshotBytes === 0) await file.compact();
    return file;
  }

  /**
   * Appends the changed rows to the journal and flushes it, then applies them to the rows in
   * memory: a failed write changes nothing.
   */
  async commit(changed: StoredRow[]): Promise<number> {
    const entry: JournalEntry = { revision: this.revision + 1, rows: changed };
    const line = `${JSON.stringify(entry)}\n`;
    await appendDurably(this.journalFile, line);
    this.journalBytes += Buffer.byteLength(line);
    for (const row of changed) this.rows.set(row.rowId, row);
    this.revision = entry.revision;
    if (this.journalBytes > JOURNAL_FLOOR_BYTES && this.journalBytes > this.snapshotBytes) await this.compact();
    return this.revision;
  }

  /** Writes every row to the snapshot (atomically, flushed), then empties the journal. */
  async compact(): Promise<void> {
    this.db.data = { revision: this.revision, rows: [...this.rows.values()] };
    await this.db.write();
    await fs.rm(this.journalFile, { force: true });
    this.journalBytes = 0;
    this.snapshotBytes = await sizeOf(this.snapshotFile);
  }
}

/**
 * Reads a ledger as it stands on disk without changing anything: the snapshot, then the journal
 * lines newer than it. A last line without its newline was cut off by a crash before it was
 * flushed, so its sync was never acknowledged: it is left out, and `complete` says where it starts.
 */
export async function readLedger(
  snapshotFile: string,
  journalFile: string,
): Promise<{ rows: Map<string, StoredRow>; revision: number; complete: number; torn: boolean }> {
  const snapshot = (await new DurableJSONFile<Snapshot>(snapshotFile).read()) ?? { revision: 0, rows: [] };
  const rows = new Map(snapshot.rows.map((row) => [row.rowId, row]));
  let revision = snapshot.revision;
  let text = '';
  try {
    text = await fs.readFile(journalFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  for (const [index, line] of complete.split('\n').entries()) {
    if (line === '') continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      throw new Error(`台账日志 ${journalFile} 第 ${index + 1} 行已损坏，请从备份恢复`);
    }
    if (entry.revision <= revision) continue;
    for (const row of entry.rows) rows.set(row.rowId, row);
    revision = entry.revision;
  }
  return { rows, revision, complete: Buffer.byteLength(complete), torn: complete.length < text.length };
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0;
  }
}
