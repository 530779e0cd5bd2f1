// The embedded store, and the only module that touches the data directory. Each ledger has its own
// files (a snapshot and a journal), so a change to one ledger rewrites nothing of the others; every
// write is serialised, atomic and flushed before it returns.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Documents } from './documents.ts';
import { PRIVATE_FILE_MODE, writeDurably } from './durable-file.ts';
import { LedgerFile } from './ledger-file.ts';
import { acquireLock } from './lock.ts';
import { ReportFiles } from './reports.ts';
import { DOCUMENT_NAMES, WriteQueue, type AuditEntry, type Store, type StoredRow } from './store.ts';

export class FileStore implements Store {
  private readonly ledgers = new Map<string, LedgerFile>();
  private readonly queue = new WriteQueue();

  readonly documents: Documents;
  readonly reports: ReportFiles;

  private constructor(
    readonly dataDir: string,
    private readonly releaseLock: () => void,
  ) {
    this.documents = new Documents(dataDir);
    this.reports = new ReportFiles(dataDir);
  }

  static async open(dataDir: string, ledgerIds: readonly string[]): Promise<FileStore> {
    await fs.mkdir(path.join(dataDir, 'ledgers'), { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
    const release = acquireLock(dataDir);
    // Files an earlier version wrote readable by everyone (new ones are created private).
    for (const name of ['users.json', 'audit.jsonl']) await makePrivate(path.join(dataDir, name));
    const store = new FileStore(dataDir, release);
    try {
      for (const id of ledgerIds) store.ledgers.set(id, await LedgerFile.open(path.join(dataDir, 'ledgers'), id));
    } catch (error) {
      release();
      throw error;
    }
    return store;
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

  /** Appends the changed rows to the ledger's journal (flushed), then the audit entries to audit.jsonl. */
  async commitLedger(ledgerId: string, changed: StoredRow[], audit: AuditEntry[]): Promise<number> {
    const revision = await this.state(ledgerId).commit(changed);
    await this.documents.appendAudit(audit);
    return revision;
  }

  /** Copies every data file into backups/<date>/ (once per date) and keeps the newest `keep`. */
  async backup(date: string, keep: number): Promise<string | null> {
    const root = path.join(this.dataDir, 'backups');
    const target = path.join(root, date);
    if (await exists(target)) return null;
    const partial = `${target}.partial`;
    await fs.rm(partial, { recursive: true, force: true });
    await fs.mkdir(path.join(partial, 'ledgers'), { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
    await fs.chmod(root, PRIVATE_DIRECTORY_MODE);
    for (const [id, ledger] of this.ledgers) {
      await ledger.compact();
      await copyPrivately(ledger.snapshotFile, path.join(partial, 'ledgers', `${id}.json`));
    }
    for (const name of DOCUMENT_NAMES) await copyIfExists(this.documents.file(name), path.join(partial, `${name}.json`));
    await fs.rename(partial, target);
    const dated = (await fs.readdir(root)).filter((entry) => /^\d{4}-\d{2}-\d{2}$/.test(entry)).sort();
    for (const old of dated.slice(0, Math.max(0, dated.length - keep))) await fs.rm(path.join(root, old), { recursive: true, force: true });
    return target;
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

/** Restores a backup into a data directory no service is using. */
export async function restoreBackup(dataDir: string, date: string): Promise<string[]> {
  const source = path.join(dataDir, 'backups', date);
  if (!(await exists(source))) throw new Error(`没有 ${date} 的备份（${source}）`);
  const release = acquireLock(dataDir);
  try {
    await fs.mkdir(path.join(dataDir, 'ledgers'), { recursive: true });
    const restored: string[] = [];
    for (const entry of await fs.readdir(path.join(source, 'ledgers'))) {
      await writeDurably(path.join(dataDir, 'ledgers', entry), await fs.readFile(path.join(source, 'ledgers', entry), 'utf8'));
      await fs.rm(path.join(dataDir, 'ledgers', entry.replace(/\.json$/, '.journal.jsonl')), { force: true });
      restored.push(`ledgers/${entry}`);
    }
    // A document the backup lacks did not exist then (e.g. rules never changed): remove today's.
    for (const name of DOCUMENT_NAMES) {
      const backedUp = path.join(source, `${name}.json`);
      if (await exists(backedUp)) {
        await writeDurably(path.join(dataDir, `${name}.json`), await fs.readFile(backedUp, 'utf8'));
        restored.push(`${name}.json`);
      } else {
        await fs.rm(path.join(dataDir, `${name}.json`), { force: true });
      }
    }
    return restored;
  } finally {
    release();
  }
}
