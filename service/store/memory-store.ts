// The store in memory, for tests whose subject is not the disk: the same revisions, write queue,
// documents, audit log, reports and kept 分案清单 as the file store, gone when the process ends. Documents and
// audit entries are kept as JSON text, so what is read back is a copy, as it is from a file.
// There is nothing to back up: `backup` and `backupAs` make no copy and answer null, and none is listed.

import { latestFirst } from './assignment-files.ts';
import {
  keptListOf,
  reportDocumentName,
  reportFileName,
  reportWeek,
  WriteQueue,
  type AssignmentStore,
  type AuditEntry,
  type BackupFile,
  type BackupInfo,
  type DocumentName,
  type DocumentStore,
  type KeptList,
  type ReportStore,
  type Store,
  type StoredReport,
  type StoredRow,
} from './store.ts';

interface MemoryLedger {
  rows: Map<string, StoredRow>;
  revision: number;
}

export class MemoryStore implements Store {
  readonly where = '内存（服务停止后数据不保留）';
  readonly documents = new MemoryDocuments();
  readonly reports = new MemoryReports();
  readonly assignments = new MemoryAssignments();
  private readonly ledgers: Map<string, MemoryLedger>;
  private readonly queue = new WriteQueue();
  private backedUpOn: string | null = null;

  constructor(ledgerIds: readonly string[]) {
    this.ledgers = new Map(ledgerIds.map((id) => [id, { rows: new Map(), revision: 0 }]));
  }

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run(work);
  }

  rows(ledgerId: string): ReadonlyMap<string, StoredRow> {
    return this.ledger(ledgerId).rows;
  }

  revision(ledgerId: string): number {
    return this.ledger(ledgerId).revision;
  }

  async commitLedger(ledgerId: string, changed: StoredRow[], audit: AuditEntry[]): Promise<number> {
    const ledger = this.ledger(ledgerId);
    for (const row of changed) ledger.rows.set(row.rowId, row);
    ledger.revision += 1;
    await this.documents.appendAudit(audit);
    return ledger.revision;
  }

  async backup(date: string): Promise<string | null> {
    this.backedUpOn = date;
    return null;
  }

  /** Nothing in memory outlives the process: the day it was last asked to back up counts as backed up. */
  async lastBackup(): Promise<string | null> {
    return this.backedUpOn;
  }

  async backupAs(): Promise<BackupInfo | null> {
    return null;
  }

  async backups(): Promise<BackupInfo[]> {
    return [];
  }

  async backupFiles(): Promise<BackupFile[] | null> {
    return null;
  }

  close(): Promise<void> {
    return this.queue.drained();
  }

  warnings(): Array<{ code: string; message: string }> {
    return [];
  }

  private ledger(ledgerId: string): MemoryLedger {
    const ledger = this.ledgers.get(ledgerId);
    if (!ledger) throw new Error(`unknown ledger ${ledgerId}`);
    return ledger;
  }
}

export class MemoryDocuments implements DocumentStore {
  private readonly texts = new Map<DocumentName, { text: string; version: number }>();
  private readonly auditLines: string[] = [];
  private writes = 0;

  async read<T>(name: DocumentName): Promise<T | null> {
    const stored = this.texts.get(name);
    return stored ? (JSON.parse(stored.text) as T) : null;
  }

  async write(name: DocumentName, value: unknown, audit: AuditEntry | null): Promise<void> {
    this.writes += 1;
    this.texts.set(name, { text: JSON.stringify(value), version: this.writes });
    if (audit) await this.appendAudit([audit]);
  }

  async version(name: DocumentName): Promise<number> {
    return this.texts.get(name)?.version ?? 0;
  }

  async appendAudit(entries: AuditEntry[]): Promise<void> {
    for (const entry of entries) this.auditLines.push(JSON.stringify(entry));
  }

  where(name: DocumentName): string {
    return `内存中的 ${name}`;
  }

  /** Every audit entry so far, oldest first (the file store's audit.jsonl, read back). */
  audit(): AuditEntry[] {
    return this.auditLines.map((line) => JSON.parse(line) as AuditEntry);
  }
}

export class MemoryReports implements ReportStore {
  private readonly saved = new Map<string, { bytes: Buffer; savedAt: string; figures?: string; docx?: Buffer }>();

  async save(week: string, bytes: Uint8Array, figures?: string, docx?: Uint8Array): Promise<StoredReport> {
    const report = { bytes: Buffer.from(bytes), savedAt: new Date().toISOString(), figures, docx: docx && Buffer.from(docx) };
    this.saved.set(week, report);
    return describe(week, report);
  }

  async list(): Promise<StoredReport[]> {
    return [...this.saved].map(([week, report]) => describe(week, report)).sort((a, b) => b.week.localeCompare(a.week));
  }

  async figures(week: string): Promise<string | null> {
    return this.saved.get(week)?.figures ?? null;
  }

  async read(file: string): Promise<Buffer | null> {
    const week = reportWeek(file);
    const report = week === null ? undefined : this.saved.get(week);
    const bytes = file === reportDocumentName(week ?? '') ? report?.docx : report?.bytes;
    return bytes ? Buffer.from(bytes) : null;
  }
}

function describe(week: string, report: { bytes: Buffer; savedAt: string; docx?: Buffer }): StoredReport {
  const described: StoredReport = { week, file: reportFileName(week), bytes: report.bytes.length, savedAt: report.savedAt };
  return report.docx ? { ...described, docx: { file: reportDocumentName(week), bytes: report.docx.length } } : described;
}

export class MemoryAssignments implements AssignmentStore {
  private readonly saved = new Map<string, { bytes: Buffer; savedAt: string }>();

  async save(file: string, bytes: Uint8Array): Promise<KeptList> {
    const kept = keptListOf(file);
    if (!kept) throw new Error(`not the name of a kept 分案清单: ${file}`);
    const entry = { bytes: Buffer.from(bytes), savedAt: new Date().toISOString() };
    this.saved.set(file, entry);
    return { ...kept, file, bytes: entry.bytes.length, savedAt: entry.savedAt };
  }

  async list(): Promise<KeptList[]> {
    return [...this.saved]
      .flatMap(([file, entry]) => {
        const kept = keptListOf(file);
        return kept ? [{ ...kept, file, bytes: entry.bytes.length, savedAt: entry.savedAt }] : [];
      })
      .sort(latestFirst);
  }

  async read(file: string): Promise<Buffer | null> {
    const entry = this.saved.get(file);
    return entry ? Buffer.from(entry.bytes) : null;
  }
}
