// One ledger on disk: a lowdb snapshot (`<id>.json`) plus an append-only journal
// (`<id>.journal.jsonl`) of the rows each commit changed. A one-row edit appends one short line
// instead of rewriting every row; the journal is folded into the snapshot once it outgrows it.
//
// Every line of the journal is verifiable: it ends with the sha256 of the rest of the line, and the
// revisions follow one another without a gap. The first line is a header naming the revision the
// journal starts from (the snapshot's, when it was written), and the snapshot says that a journal
// accompanies it (`format: 2`): so a deleted journal, a deleted snapshot or a journal cut in the
// middle is found at start and refused, never read as a shorter ledger. Each commit's line also
// carries its audit entries, so the change and its audit are written in one flushed append.

import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { checkedBytes, CommitText, sha256, type Pieces } from './commit-text.ts';
import { appendDurably, DurableJSONFile, writeDurably } from './durable-file.ts';
import type { AuditEntry, StoredRow } from './store.ts';

export type { StoredRow } from './store.ts';

/** The snapshot format whose journal always exists (written with a header at each compaction). */
const FORMAT = 2;

interface Snapshot {
  format?: number;
  revision: number;
  rows: StoredRow[];
}

interface JournalEntry {
  revision: number;
  rows: StoredRow[];
  /** The commit's audit entries; absent in journals written before they were kept here. */
  audit?: JournalAuditEntry[];
}

/** An audit entry as a journal line holds it: without `after` when that is its row's values in the same line. */
type JournalAuditEntry = Omit<AuditEntry, 'after'> & { after?: unknown };

/** A commit's audit entries as its journal record holds them. */
export interface JournalAudit {
  revision: number;
  audit: AuditEntry[];
}

/** The journal is folded into the snapshot when it is larger than this and than the snapshot. */
const JOURNAL_FLOOR_BYTES = 8 * 1024 * 1024;

export const RESTORE_HINT = '请从备份恢复：npm run restore -- <日期>（日期为 数据目录/backups/ 下的备份）';

export class LedgerFile {
  private journalBytes = 0;
  private snapshotBytes = 0;
  /** A failed append could not be cut back: the journal is cut to `journalBytes` before the next one. */
  private journalDirty = false;
  /** The journal has lines without checksums (written before they existed): compacted before any append. */
  private legacy = false;
  /** The journal's last line was cut off (found at read, cut by `tidy`). */
  private torn = false;
  /** The journal starts with its header line. */
  private headed = false;
  /** Set by a restore, kept by compaction: audit lines of an earlier epoch count revisions of another ledger. */
  epoch: string | undefined;

  private constructor(
    readonly snapshotFile: string,
    readonly journalFile: string,
    private readonly db: Low<Snapshot>,
    readonly rows: Map<string, StoredRow>,
    public revision: number,
    /** The audit entries of the journal's commits newer than the snapshot, for the store to check against audit.jsonl. */
    readonly journalAudit: JournalAudit[],
  ) {}

  /**
   * Reads the ledger, refusing damaged files, then tidies it (see `tidy`). `onWriteFailure` gets the
   * file system errors of tidying (a full disk): the ledger is then read as it stands.
   */
  static async open(directory: string, id: string, onWriteFailure?: (error: unknown) => void): Promise<LedgerFile> {
    const file = await LedgerFile.read(directory, id);
    try {
      await file.tidy();
    } catch (error) {
      if (!onWriteFailure) throw error;
      onWriteFailure(error);
    }
    return file;
  }

  /** Reads the ledger, refusing damaged files, and changes nothing on disk. */
  static async read(directory: string, id: string): Promise<LedgerFile> {
    const snapshotFile = path.join(directory, `${id}.json`);
    const journalFile = path.join(directory, `${id}.journal.jsonl`);
    const read = await readLedger(snapshotFile, journalFile);
    const db = new Low<Snapshot>(new DurableJSONFile(snapshotFile), { revision: 0, rows: [] });
    const file = new LedgerFile(snapshotFile, journalFile, db, read.rows, read.revision, read.audit);
    file.journalBytes = read.complete;
    file.legacy = read.legacy;
    file.epoch = read.epoch;
    file.torn = read.torn;
    file.headed = read.headed;
    file.snapshotBytes = await sizeOf(snapshotFile);
    return file;
  }

  /**
   * A torn last line (a crash during its append: never acknowledged) is cut off, so later appends
   * start on a fresh line; an empty ledger gets its snapshot at once, so every backup holds every
   * ledger; a journal of the old format is folded into a snapshot of the new one.
   */
  async tidy(): Promise<void> {
    if (this.torn) {
      console.error(`[执行台账助手] 台账日志 ${this.journalFile} 最后一行不完整（写入时服务中断，该修改未曾确认），已舍弃`);
      this.journalDirty = true;
      await this.cutJournal();
      this.torn = false;
    }
    if (this.snapshotBytes === 0 || this.legacy || !this.headed) await this.compact();
  }

  /**
   * Appends the changed rows and their audit entries to the journal as one line and flushes it,
   * then applies them to the rows in memory. A failed write changes nothing: the journal is cut
   * back to its length before it.
   */
  async commit(changed: StoredRow[], audit: AuditEntry[] = [], text = new CommitText()): Promise<number> {
    if (this.legacy) await this.compact();
    await this.cutJournal();
    const revision = this.revision + 1;
    const line = text.journalLine(revision, changed, audit);
    try {
      await appendDurably(this.journalFile, line);
    } catch (error) {
      this.journalDirty = true;
      await this.cutJournal().catch(() => undefined);
      throw error;
    }
    this.journalBytes += line.length;
    for (const row of changed) this.rows.set(row.rowId, row);
    this.revision = revision;
    return this.revision;
  }

  /** Whether the journal has outgrown the snapshot, so that `compact` is due. */
  get compactionDue(): boolean {
    return this.journalBytes > JOURNAL_FLOOR_BYTES && this.journalBytes > this.snapshotBytes;
  }

  /**
   * Writes every row to the snapshot (atomically, flushed), then starts the journal afresh with its
   * header. A crash between the two leaves journal lines the snapshot already holds: they are skipped.
   * A failure leaves both files as they were (the old snapshot, or the new one and the old journal).
   */
  async compact(): Promise<void> {
    await this.cutJournal();
    this.db.data = { format: FORMAT, revision: this.revision, rows: [...this.rows.values()] };
    await this.db.write();
    this.snapshotBytes = await sizeOf(this.snapshotFile);
    await writeDurably(this.journalFile, checkedLine({ base: this.revision, ...(this.epoch ? { epoch: this.epoch } : {}) }));
    this.journalBytes = await sizeOf(this.journalFile);
    this.legacy = false;
    this.headed = true;
    this.journalAudit.length = 0;
  }

  /** An audit entry's line in audit.jsonl, into `into`: with the revision it made, to be checked against the journal at start. */
  auditLine(entry: AuditEntry, revision: number, into: Pieces, text = new CommitText()): void {
    text.auditLine(entry, revision, this.epoch, into);
  }

  /** Cuts the journal back to its last good length after a failed append that could not be undone at once. */
  private async cutJournal(): Promise<void> {
    if (!this.journalDirty) return;
    if (this.journalBytes === 0) await fs.rm(this.journalFile, { force: true });
    else await fs.truncate(this.journalFile, this.journalBytes);
    this.journalDirty = false;
  }
}

/** A journal line of a record other than a commit (the header). */
function checkedLine(record: object): Buffer {
  return checkedBytes([JSON.stringify(record)]);
}

const CHECKSUM = /,"sha256":"([0-9a-f]{64})"\}$/;

/**
 * Starts the journal of a snapshot put in place from elsewhere (a restored backup): the header
 * only, at the snapshot's revision, so the ledger opens with no journal line newer than it.
 */
export async function resetJournal(snapshotFile: string): Promise<void> {
  const journalFile = snapshotFile.replace(/\.json$/, '.journal.jsonl');
  const snapshot = (await new DurableJSONFile<Snapshot>(snapshotFile).read()) as Snapshot | null;
  const revision = typeof snapshot?.revision === 'number' ? snapshot.revision : 0;
  await writeDurably(journalFile, checkedLine({ base: revision, epoch: randomUUID() }));
}

function damaged(file: string, what: string): Error {
  return new Error(`${file}${/行$/.test(file) ? '' : ' '}${what}，${RESTORE_HINT}`);
}

/** The snapshot, checked: a missing file is null; anything but { revision, rows: [rows] } is refused. */
async function readSnapshot(snapshotFile: string): Promise<Snapshot | null> {
  let snapshot: unknown;
  try {
    snapshot = await new DurableJSONFile<unknown>(snapshotFile).read();
  } catch {
    throw damaged(`台账快照 ${snapshotFile}`, '已损坏（不是有效的 JSON）');
  }
  if (snapshot === null) {
    // read() answers null for a missing file; a file holding `null` is damage.
    if (await sizeOf(snapshotFile, -1).then((size) => size >= 0)) throw damaged(`台账快照 ${snapshotFile}`, '内容为空（null）');
    return null;
  }
  if (typeof snapshot !== 'object' || Array.isArray(snapshot)) throw damaged(`台账快照 ${snapshotFile}`, '内容不完整（不是台账数据）');
  const { rows, revision } = snapshot as Partial<Snapshot>;
  if (!Array.isArray(rows)) throw damaged(`台账快照 ${snapshotFile}`, '内容不完整（缺少 rows）');
  if (!Number.isInteger(revision) || (revision as number) < 0) throw damaged(`台账快照 ${snapshotFile}`, '内容不完整（缺少 revision）');
  rows.forEach((row, index) => {
    if (!isRow(row)) throw damaged(`台账快照 ${snapshotFile}`, `第 ${index + 1} 条记录已损坏`);
  });
  return snapshot as Snapshot;
}

function isRow(row: unknown): row is StoredRow {
  const candidate = row as Partial<StoredRow> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.rowId === 'string' &&
    typeof candidate.rev === 'number' &&
    typeof candidate.values === 'object' &&
    candidate.values !== null
  );
}

/**
 * Reads a ledger as it stands on disk without changing anything: the snapshot, then the journal
 * lines newer than it. A last line without its newline was cut off by a crash before it was
 * flushed, so its sync was never acknowledged: it is left out, and `complete` says where it starts.
 * Anything else unreadable throws a Chinese message naming the file, the line and the restore command.
 */
export async function readLedger(
  snapshotFile: string,
  journalFile: string,
): Promise<{
  rows: Map<string, StoredRow>;
  revision: number;
  complete: number;
  torn: boolean;
  legacy: boolean;
  headed: boolean;
  epoch: string | undefined;
  audit: JournalAudit[];
}> {
  const snapshot = await readSnapshot(snapshotFile);
  const rows = new Map((snapshot?.rows ?? []).map((row) => [row.rowId, row]));
  const snapshotRevision = snapshot?.revision ?? 0;
  let revision = snapshotRevision;
  let text: string | null = null;
  try {
    text = await fs.readFile(journalFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // A snapshot of this format is always written with its journal: without one, the changes since are gone.
  if (snapshot?.format === FORMAT && (text === null || text === '')) {
    throw damaged(`台账日志 ${journalFile}`, `${text === null ? '不见了' : '是空文件'}（台账快照 ${snapshotFile} 记录其后还有日志）`);
  }
  text ??= '';
  // Its header is written whole (temp file and rename): a journal of this format without one was cut.
  if (snapshot?.format === FORMAT && !text.includes('\n')) throw damaged(`台账日志 ${journalFile}`, '不完整（缺少起始行）');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const lines = complete.split('\n').slice(0, -1);
  // Journals written before lines had checksums have none on any line: read as they are. A line
  // without a checksum among checked ones is damage, not an old line.
  const legacy = lines.length > 0 && lines.every((line) => !CHECKSUM.test(line));
  const audit: JournalAudit[] = [];
  let headed = false;
  let epoch: string | undefined;
  let previous: number | null = null;
  for (const [index, line] of lines.entries()) {
    const where = `台账日志 ${journalFile} 第 ${index + 1} 行`;
    const record = parseLine(line, legacy, where);
    if (index === 0 && 'base' in record) {
      if (!Number.isInteger(record.base)) throw damaged(where, '已损坏（缺少起始版本）');
      if (record.base > snapshotRevision) {
        throw damaged(
          where,
          `与台账快照不符：日志从第 ${record.base} 版开始，快照${snapshot ? `只到第 ${snapshotRevision} 版` : '不见了'}`,
        );
      }
      headed = true;
      epoch = typeof record.epoch === 'string' ? record.epoch : undefined;
      previous = record.base;
      continue;
    }
    const entry = record as JournalEntry;
    if (!Number.isInteger(entry.revision) || !Array.isArray(entry.rows) || !entry.rows.every(isRow)) {
      throw damaged(where, '已损坏（内容不完整）');
    }
    if (previous !== null && entry.revision !== previous + 1) {
      throw damaged(where, `与前一行不连续（第 ${previous} 版之后是第 ${entry.revision} 版，中间的修改缺失）`);
    }
    if (previous === null && entry.revision > snapshotRevision + 1) {
      throw damaged(
        where,
        `与台账快照不符：日志从第 ${entry.revision} 版开始，快照${snapshot ? `只到第 ${snapshotRevision} 版` : '不见了'}`,
      );
    }
    previous = entry.revision;
    if (entry.revision <= revision) continue;
    for (const row of entry.rows) rows.set(row.rowId, row);
    revision = entry.revision;
    if (entry.audit && entry.audit.length > 0) audit.push({ revision: entry.revision, audit: withAfter(entry.audit, entry.rows) });
  }
  if (previous !== null && previous < snapshotRevision) {
    throw damaged(`台账日志 ${journalFile}`, `与台账快照不符：日志只到第 ${previous} 版，快照已是第 ${snapshotRevision} 版`);
  }
  return { rows, revision, complete: Buffer.byteLength(complete), torn: complete.length < text.length, legacy, headed, epoch, audit };
}

/**
 * A journal line's audit entries with their `after`: an entry without one made its row's values in
 * the line (see CommitText). The entries were just parsed, so they are completed in place.
 */
function withAfter(audit: JournalAuditEntry[], rows: StoredRow[]): AuditEntry[] {
  let written: Map<string, StoredRow['values']> | undefined;
  for (const entry of audit) {
    if (entry.after !== undefined) continue;
    written ??= new Map(rows.map((row) => [row.rowId, row.values]));
    entry.after = written.get(entry.rowId ?? '') ?? null;
  }
  return audit as AuditEntry[];
}

function parseLine(line: string, legacy: boolean, where: string): Record<string, any> {
  const checksum = CHECKSUM.exec(line);
  if (!legacy) {
    if (!checksum) throw damaged(where, '已损坏（缺少校验和）');
    const body = `${line.slice(0, checksum.index)}}`;
    if (sha256(body) !== checksum[1]) throw damaged(where, '已损坏（校验和不符）');
  }
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    throw damaged(where, '已损坏（不是有效的 JSON）');
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw damaged(where, '已损坏（内容不完整）');
  return record as Record<string, any>;
}

async function sizeOf(file: string, missing = 0): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return missing;
  }
}
