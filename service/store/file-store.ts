// The embedded store, and the only module that touches the data directory. Each ledger has its own
// files (a snapshot and a journal), so a change to one ledger rewrites nothing of the others; every
// write is serialised, atomic and flushed before it returns.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { civilDateTimeAt } from '../domain/civil-date.ts';
import { CommitText, type Pieces } from './commit-text.ts';
import { Documents } from './documents.ts';
import { PRIVATE_FILE_MODE, writeDurably } from './durable-file.ts';
import { lastAuditedRevisions } from './audit-log.ts';
import { LedgerFile, resetJournal, RESTORE_HINT } from './ledger-file.ts';
import { acquireLock } from './lock.ts';
import { AssignmentFiles } from './assignment-files.ts';
import { ReportFiles } from './reports.ts';
import { isStorageFailure, StorageHealth, type StorageWarning } from './storage-error.ts';
import { DOCUMENT_NAMES, WriteQueue, type AuditEntry, type BackupFile, type BackupInfo, type Store, type StoredRow } from './store.ts';

const DAILY_BACKUP = /^\d{4}-\d{2}-\d{2}$/;
/** The date of a daily backup (2026-10-05, 2026-10-05-2) or a manual one (手动-2026-10-05-103012); not a safety copy or a partial one. */
const BACKUP_DATE = /^(?:手动-)?(\d{4}-\d{2}-\d{2})(?:-\d+)?$/;

export class FileStore implements Store {
  private readonly ledgers = new Map<string, LedgerFile>();
  private readonly queue = new WriteQueue();
  /** The audit.jsonl lines, as JSON pieces, of commits already in their journal line but not yet in audit.jsonl (a failed append). */
  private unwrittenAudit: Pieces = [];
  /** Ledgers whose compaction is queued (see compactSoon). */
  private readonly compacting = new Set<LedgerFile>();

  readonly documents: Documents;
  readonly reports: ReportFiles;
  readonly assignments: AssignmentFiles;
  /** Whether the last write failed on the disk (full, read-only), and why: for health. */
  readonly health: StorageHealth;

  private constructor(
    readonly dataDir: string,
    private readonly releaseLock: () => void,
  ) {
    this.health = new StorageHealth();
    this.documents = new Documents(dataDir, this.health);
    this.reports = new ReportFiles(dataDir, this.health);
    this.assignments = new AssignmentFiles(dataDir, this.health);
  }

  /**
   * Opens the ledgers, refusing damaged files with a Chinese message naming them. A disk that cannot
   * be written (full) does not stop the start: the store opens read-only, says so in `warnings`,
   * and every write answers a StorageError until one succeeds.
   */
  static async open(dataDir: string, ledgerIds: readonly string[]): Promise<FileStore> {
    await fs.mkdir(path.join(dataDir, 'ledgers'), { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
    const release = acquireLock(dataDir);
    // Files an earlier version wrote readable by everyone (new ones are created private).
    for (const name of ['users.json', 'audit.jsonl']) await makePrivate(path.join(dataDir, name));
    const store = new FileStore(dataDir, release);
    const writeFailed = (error: unknown) => {
      if (!isStorageFailure(error)) throw error;
      store.health.failed(error, '启动时写入数据目录');
    };
    try {
      for (const id of ledgerIds) store.ledgers.set(id, await LedgerFile.read(path.join(dataDir, 'ledgers'), id));
      // Checked against the audit log before anything is tidied: a refused file is left as it was.
      await store.catchUpAudit().catch(writeFailed);
      for (const ledger of store.ledgers.values()) await ledger.tidy().catch(writeFailed);
    } catch (error) {
      release();
      throw error;
    }
    return store;
  }

  /**
   * Brings audit.jsonl up to the journals: the audit entries of journal records newer than the audit
   * log's last line of their ledger are appended (a crash came between the journal's append and the
   * audit log's). An audit log that has a revision the journal lacks means journal lines were lost.
   */
  private async catchUpAudit(): Promise<void> {
    const auditFile = this.documents.auditFile;
    await this.documents.cutTornAudit();
    // Every ledger, the empty ones too: a ledger whose files were both deleted opens empty, and only the audit log tells.
    const wanted = new Map([...this.ledgers].map(([id, ledger]) => [id, ledger.epoch]));
    const audited = await lastAuditedRevisions(auditFile, wanted);
    const missing: Pieces = [];
    let count = 0;
    for (const [id, ledger] of this.ledgers) {
      const { revision: last, lines } = audited.get(id) ?? { revision: 0, lines: 0 };
      if (last > ledger.revision) {
        throw new Error(
          `台账日志 ${ledger.journalFile} 缺少修改：审计日志 ${auditFile} 已记到第 ${last} 版，台账只到第 ${ledger.revision} 版（日志被截断或替换），${RESTORE_HINT}`,
        );
      }
      for (const record of ledger.journalAudit) {
        // The newest audited commit may have only some of its lines (a crash during that append).
        const written = record.revision === last ? lines : record.revision < last ? record.audit.length : 0;
        for (const entry of record.audit.slice(written)) {
          ledger.auditLine(entry, record.revision, missing);
          count += 1;
        }
      }
    }
    if (count === 0) return;
    await this.documents.appendAuditText(missing);
    console.error(`[执行台账助手] 审计日志补记了 ${count} 条（服务上次中断在台账写入之后、审计日志写入之前）`);
    for (const ledger of this.ledgers.values()) ledger.journalAudit.length = 0;
  }

  /** Why writes fail at the moment (the disk is full, …); empty while they succeed. */
  warnings(): StorageWarning[] {
    const warning = this.health.warning;
    return warning ? [warning] : [];
  }

  get where(): string {
    return `数据目录 ${this.dataDir}`;
  }

  async close(): Promise<void> {
    await this.queue.drained();
    this.releaseLock();
  }

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run(work);
  }

  rows(ledgerId: string): ReadonlyMap<string, StoredRow> {
    return this.state(ledgerId).rows;
  }

  revision(ledgerId: string): number {
    return this.state(ledgerId).revision;
  }

  /**
   * Appends the changed rows with their audit entries to the ledger's journal as one flushed line:
   * once that is written the change and its audit are durable together. Then the audit entries go to
   * audit.jsonl (the log people read); should that append fail, they are kept and written before the
   * next commit, or at the next start from the journal. A failed journal append changes nothing and
   * throws a StorageError (507).
   */
  async commitLedger(ledgerId: string, changed: StoredRow[], audit: AuditEntry[]): Promise<number> {
    const ledger = this.state(ledgerId);
    const text = new CommitText();
    const revision = await this.health.guard('保存台账修改', async () => {
      await this.writeUnwrittenAudit();
      return ledger.commit(changed, audit, text);
    });
    for (const entry of audit) ledger.auditLine(entry, revision, this.unwrittenAudit, text);
    try {
      await this.writeUnwrittenAudit();
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      // The change itself is stored with its audit in the journal: it is acknowledged.
      this.health.failed(error, '写入审计日志');
    }
    if (ledger.compactionDue) this.compactSoon(ledger);
    return revision;
  }

  /**
   * Folds a ledger's journal into its snapshot as the next write, after this request is answered:
   * rewriting every row (half a second for 50,000) is not what the clerk waits for, and the
   * journal already holds the change. Compaction waits for the audit log (the journal lines it drops
   * must have their audit lines); one that fails is tried again after a later commit.
   */
  private compactSoon(ledger: LedgerFile): void {
    if (this.compacting.has(ledger)) return;
    this.compacting.add(ledger);
    void this.queue.run(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      try {
        await this.writeUnwrittenAudit();
        if (ledger.compactionDue) await ledger.compact();
      } catch (error) {
        if (isStorageFailure(error)) this.health.failed(error, '写入审计日志或整理台账文件');
        else console.error(`[执行台账助手] 整理台账文件 ${ledger.journalFile} 失败，下次保存后重试：${(error as Error).message}`);
      } finally {
        this.compacting.delete(ledger);
      }
    });
  }

  private async writeUnwrittenAudit(): Promise<void> {
    if (this.unwrittenAudit.length === 0) return;
    await this.documents.appendAuditText(this.unwrittenAudit);
    this.unwrittenAudit = [];
  }

  /** Copies every data file into backups/<date>/ (once per date) and keeps the newest `keep` daily copies. */
  async backup(date: string, keep: number): Promise<string | null> {
    const root = path.join(this.dataDir, 'backups');
    const target = path.join(root, date);
    if (await exists(target)) return null;
    await this.copyInto(target);
    const dated = (await fs.readdir(root)).filter((entry) => DAILY_BACKUP.test(entry)).sort();
    for (const old of dated.slice(0, Math.max(0, dated.length - keep))) await fs.rm(path.join(root, old), { recursive: true, force: true });
    return target;
  }

  async lastBackup(): Promise<string | null> {
    let names: string[];
    try {
      names = await fs.readdir(path.join(this.dataDir, 'backups'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const dates = names.map((name) => BACKUP_DATE.exec(name)?.[1]).filter((date) => date !== undefined);
    return dates.sort().at(-1) ?? null;
  }

  /** A backup under a name of its own (`npm run backup`, the admin's 立即备份): the daily rotation never removes it. */
  async backupAs(name: string): Promise<BackupInfo> {
    // Two backups within one second would have one name: the later one takes the next free one.
    let free = name;
    for (let again = 2; await exists(path.join(this.backupsDir, free)); again++) free = `${name}-${again}`;
    await this.copyInto(path.join(this.backupsDir, free));
    return describeBackup(this.backupsDir, free);
  }

  private get backupsDir(): string {
    return path.join(this.dataDir, 'backups');
  }

  /** Every complete backup directory (a `.partial` one is a copy under way or cut off), the newest first. */
  async backups(): Promise<BackupInfo[]> {
    const entries = await fs.readdir(this.backupsDir, { withFileTypes: true }).catch(() => []);
    const names = entries.filter((entry) => entry.isDirectory() && !entry.name.endsWith('.partial')).map((entry) => entry.name);
    const listed = await Promise.all(names.map((name) => describeBackup(this.backupsDir, name)));
    return listed.sort((a, b) => b.madeAt.localeCompare(a.madeAt) || b.name.localeCompare(a.name));
  }

  async backupFiles(name: string): Promise<BackupFile[] | null> {
    if (!isPlainName(name) || name.endsWith('.partial')) return null;
    const root = path.join(this.backupsDir, name);
    if (
      !(await fs.stat(root).then(
        (stat) => stat.isDirectory(),
        () => false,
      ))
    )
      return null;
    const files: BackupFile[] = [];
    for (const file of await filesUnder(root))
      files.push({ path: file.split(path.sep).join('/'), bytes: await fs.readFile(path.join(root, file)) });
    return files;
  }

  /** Every ledger (compacted), document and the audit log, into a directory that appears complete or not at all. */
  private async copyInto(target: string): Promise<void> {
    const partial = `${target}.partial`;
    // A backup the disk cannot hold leaves no partial copy: the error is logged by the caller.
    await this.health.guard('备份', async () => {
      try {
        await fs.rm(partial, { recursive: true, force: true });
        await fs.mkdir(path.join(partial, 'ledgers'), { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
        await fs.chmod(path.dirname(target), PRIVATE_DIRECTORY_MODE);
        await this.writeUnwrittenAudit();
        for (const [id, ledger] of this.ledgers) {
          await ledger.compact();
          await copyPrivately(ledger.snapshotFile, path.join(partial, 'ledgers', `${id}.json`));
        }
        for (const name of DOCUMENT_NAMES) await copyIfExists(this.documents.file(name), path.join(partial, `${name}.json`));
        await copyIfExists(this.documents.auditFile, path.join(partial, path.basename(this.documents.auditFile)));
        await fs.rename(partial, target);
      } catch (error) {
        await fs.rm(partial, { recursive: true, force: true }).catch(() => undefined);
        throw error;
      }
    });
  }

  private state(ledgerId: string): LedgerFile {
    const state = this.ledgers.get(ledgerId);
    if (!state) throw new Error(`unknown ledger ${ledgerId}`);
    return state;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && path.basename(name) === name;
}

/** Paths of the files under a directory, relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function describeBackup(root: string, name: string): Promise<BackupInfo> {
  const dir = path.join(root, name);
  let bytes = 0;
  for (const file of await filesUnder(dir)) bytes += (await fs.stat(path.join(dir, file))).size;
  return { name, madeAt: (await fs.stat(dir)).mtime.toISOString(), bytes };
}

async function copyIfExists(from: string, to: string): Promise<void> {
  if (await exists(from)) await copyPrivately(from, to);
}

/** Directories the store creates (the data directory, ledgers/, backups/) are the service account's only. */
const PRIVATE_DIRECTORY_MODE = 0o700;

/** A copy readable by the service's account only, whatever the original's mode (copyFile keeps it). */
async function copyPrivately(from: string, to: string): Promise<void> {
  await fs.copyFile(from, to);
  await fs.chmod(to, PRIVATE_FILE_MODE);
}

async function makePrivate(file: string): Promise<void> {
  try {
    await fs.chmod(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

export interface RestoreOptions {
  /** Also users, rules and the calendar override (else only the ledgers). */
  all?: boolean;
  now?: Date;
  /** The court's time zone, for the safety copy's name. */
  timeZone?: string;
}

export interface Restored {
  /** Where the data as it stood before the restore was copied (backups/恢复前-<date>-<time>/). */
  safetyCopy: string;
  /** The files restored, e.g. ledgers/cases.json. */
  restored: string[];
  /** The documents left as they were (without `all`). */
  kept: string[];
}

/**
 * Restores a backup (a date, or any directory under backups/, e.g. a safety copy) into a data
 * directory no service is using. The data as it stands is first copied aside, so a restore can be
 * undone by restoring that copy. Only the ledgers are restored unless `all`: users.json rolled back
 * would stop every token issued since. The audit log is never rolled back; the restore is added to it.
 */
export async function restoreBackup(dataDir: string, name: string, options: RestoreOptions = {}): Promise<Restored> {
  if (!isPlainName(name)) throw new Error(`「${name}」不是备份的名称`);
  const source = path.join(dataDir, 'backups', name);
  if (!(await exists(source))) throw new Error(`没有 ${name} 的备份（${source}）`);
  const release = acquireLock(dataDir);
  try {
    const now = options.now ?? new Date();
    const documents = new Documents(dataDir);
    const safetyCopy = await copyAside(dataDir, documents, backupName('恢复前', now, options.timeZone ?? 'Asia/Shanghai'));
    const restored = await restoreLedgers(source, path.join(dataDir, 'ledgers'));
    const kept: string[] = [];
    // When users last signed in is not rolled back: a backup's times are older than the truth.
    for (const document of DOCUMENT_NAMES.filter((name) => name !== 'seen')) {
      const file = `${document}.json`;
      if (!options.all) {
        if (await exists(documents.file(document))) kept.push(file);
        continue;
      }
      // A document the backup lacks did not exist then (e.g. rules never changed): remove today's.
      const backedUp = path.join(source, file);
      if (await exists(backedUp)) {
        await writeDurably(documents.file(document), await fs.readFile(backedUp));
        restored.push(file);
      } else {
        await fs.rm(documents.file(document), { force: true });
      }
    }
    await documents.appendAudit([
      {
        time: now.toISOString(),
        user: 'system',
        ledger: 'backups',
        rowId: null,
        action: 'restore',
        before: null,
        after: { from: name, restored, kept, safetyCopy },
      },
    ]);
    return { safetyCopy, restored, kept };
  } finally {
    release();
  }
}

/** Each ledger of a backup; a journal beside it (a safety copy has them) too, else today's journal goes. */
async function restoreLedgers(source: string, ledgersDir: string): Promise<string[]> {
  await fs.mkdir(ledgersDir, { recursive: true });
  const restored: string[] = [];
  for (const entry of await fs.readdir(path.join(source, 'ledgers'))) {
    if (!entry.endsWith('.json')) continue;
    const journal = entry.replace(/\.json$/, '.journal.jsonl');
    await fs.rm(path.join(ledgersDir, journal), { force: true });
    await writeDurably(path.join(ledgersDir, entry), await fs.readFile(path.join(source, 'ledgers', entry)));
    restored.push(`ledgers/${entry}`);
    // A safety copy keeps its journal; a daily backup is compacted, so its ledger starts a fresh
    // journal in a new epoch (the audit lines before it count the revisions of another history).
    const backedUpJournal = path.join(source, 'ledgers', journal);
    if (await exists(backedUpJournal)) await writeDurably(path.join(ledgersDir, journal), await fs.readFile(backedUpJournal));
    else await resetJournal(path.join(ledgersDir, entry));
  }
  return restored;
}

/** Copies the ledgers, documents and audit log as they stand, each flushed, into backups/<name>/. */
async function copyAside(dataDir: string, documents: Documents, name: string): Promise<string> {
  // Two restores within one second would name the same copy: the later one takes the next free name.
  let target = path.join(dataDir, 'backups', name);
  for (let again = 2; await exists(target); again++) target = path.join(dataDir, 'backups', `${name}-${again}`);
  const partial = `${target}.partial`;
  await fs.rm(partial, { recursive: true, force: true });
  await fs.mkdir(path.join(partial, 'ledgers'), { recursive: true });
  const ledgersDir = path.join(dataDir, 'ledgers');
  const ledgerFiles = (await exists(ledgersDir)) ? await fs.readdir(ledgersDir) : [];
  const files = [
    ...ledgerFiles.filter((entry) => /\.(json|journal\.jsonl)$/.test(entry)).map((entry) => path.join('ledgers', entry)),
    ...[...DOCUMENT_NAMES.map((document) => documents.file(document)), documents.auditFile].map((file) => path.basename(file)),
  ];
  for (const file of files) {
    const from = path.join(dataDir, file);
    if (await exists(from)) await writeDurably(path.join(partial, file), await fs.readFile(from));
  }
  await fs.rename(partial, target);
  return target;
}

/** 手动-2026-10-05-103012: a backup's name with the court's date and time of day, beside the daily ones. */
export function backupName(kind: '手动' | '恢复前', now: Date, timeZone: string): string {
  const { date, minutes } = civilDateTimeAt(now, timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${kind}-${date}-${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}${pad(now.getUTCSeconds())}`;
}
