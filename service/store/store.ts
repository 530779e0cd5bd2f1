// The store as the rest of the service sees it: ledgers of rows with revisions, a few small
// documents, an audit log, the stored weekly reports and daily 分案清单. Two adapters implement it:
// the embedded one on files in the data directory (file-store.ts, production) and one in memory
// (memory-store.ts, tests). Nothing here names a file, so a database adapter can be added without touching callers.

import type { RawValue } from '../domain/problem.ts';

export interface StoredRow {
  rowId: string;
  rev: number;
  /** What the clerk typed, by column id. */
  values: Record<string, RawValue>;
  /** Facts fixed by an earlier sync (e.g. the team of a triaged case). */
  fixed?: Record<string, unknown>;
  deleted?: { at: string; by: string };
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface AuditEntry {
  time: string;
  user: string;
  ledger: string;
  rowId: string | null;
  action: string;
  before: unknown;
  after: unknown;
  /** The ledger's revision the change made (file store): at start, audit.jsonl is checked against the journal by it. */
  revision?: number;
  /** Which run of revisions it counts in: a restore starts a new one (file store). */
  epoch?: string;
}

export interface UserRecord {
  name: string;
  roles: string[];
  tokenHash: string;
  createdAt: string;
  /** A disabled user's token signs nobody in; the user stays listed. */
  disabled?: boolean;
}

export interface StoredReport {
  /** '2026-W48' */
  week: string;
  /** The name the report is downloaded by, e.g. 周通报-2026-W48.xlsx. */
  file: string;
  bytes: number;
  /** When it was saved (ISO time). */
  savedAt: string;
  /** The same week's Word document (周通报-2026-W48.docx), when one was saved with it. */
  docx?: { file: string; bytes: number };
}

/** `seen`: when each user last signed in, kept apart from users.json so that signing in never rewrites it. */
/** A copy of the data directory under backups/ (daily, 手动-…, 恢复前-…). */
export interface BackupInfo {
  name: string;
  /** When it was made (ISO time). */
  madeAt: string;
  /** The size of its files together. */
  bytes: number;
}

/** One file of a backup, by its path inside the backup (ledgers/cases.json, users.json …). */
export interface BackupFile {
  path: string;
  bytes: Buffer;
}

export const DOCUMENT_NAMES = ['users', 'rules', 'calendar', 'seen', 'report-settings'] as const;
export type DocumentName = (typeof DOCUMENT_NAMES)[number];

const REPORT_NAME = /^周通报-(\d{4}-W\d{2})\.(xlsx|docx)$/;

export function reportFileName(week: string): string {
  return `周通报-${week}.xlsx`;
}

/** The Word document kept beside a report's xlsx (周通报-2026-W48.docx), downloadable by name like it. */
export function reportDocumentName(week: string): string {
  return `周通报-${week}.docx`;
}

/** The figures kept beside a report's xlsx (周通报-2026-W48.json); never listed nor downloadable by name. */
export function reportFiguresName(week: string): string {
  return `周通报-${week}.json`;
}

/** The week of a stored report's name (its xlsx or its docx), or null for any other name. */
export function reportWeek(file: string): string | null {
  return REPORT_NAME.exec(file)?.[1] ?? null;
}

/** A day's 分案清单 of a team, kept as the service made it after the day's triage. */
export interface KeptList {
  team: string;
  /** The day whose assignments it lists. */
  date: string;
  format: 'xlsx' | 'docx';
  /** 分案清单-速执团队-2026-11-20.xlsx */
  file: string;
  bytes: number;
  savedAt: string;
}

const KEPT_LIST_NAME = /^分案清单-([^/\\]+)-(\d{4}-\d{2}-\d{2})\.(xlsx|docx)$/;

export function keptListName(team: string, date: string, format: KeptList['format']): string {
  return `分案清单-${team}-${date}.${format}`;
}

/** The team, day and format of a kept list's name, or null for any other name. */
export function keptListOf(file: string): Pick<KeptList, 'team' | 'date' | 'format'> | null {
  const match = KEPT_LIST_NAME.exec(file);
  if (!match || match[1].includes('..')) return null;
  return { team: match[1], date: match[2], format: match[3] as KeptList['format'] };
}

export interface Store {
  /** Where the data is kept, for the start message (e.g. 数据目录 /srv/ledger/data). */
  readonly where: string;
  readonly documents: DocumentStore;
  readonly reports: ReportStore;
  readonly assignments: AssignmentStore;

  /** Runs `work` after every earlier write has finished, and before any later one starts. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** A ledger's rows, deleted ones included, as of the last commit. Do not change them. */
  rows(ledgerId: string): ReadonlyMap<string, StoredRow>;
  /** A ledger's revision: one more with every commit. */
  revision(ledgerId: string): number;
  /** Stores the changed rows, then appends the audit entries; returns the new revision. Call inside `exclusive`. */
  commitLedger(ledgerId: string, changed: StoredRow[], audit: AuditEntry[]): Promise<number>;
  /** Keeps a copy of everything as of `date` (once per date) and the newest `keep` copies; says where, or null when none was made. */
  backup(date: string, keep: number): Promise<string | null>;
  /** The court date of the newest backup (a daily or a manual one), or null when there is none. */
  lastBackup(): Promise<string | null>;
  /** A backup under a name of its own, made now (call inside `exclusive`); null when the store keeps no backups (memory). */
  backupAs(name: string): Promise<BackupInfo | null>;
  /** Every backup, the newest first. */
  backups(): Promise<BackupInfo[]>;
  /** A backup's files, or null for a name that is no backup. */
  backupFiles(name: string): Promise<BackupFile[] | null>;
  /** Waits for the writes under way, then lets the data go. */
  close(): Promise<void>;
  /** Why changes cannot be saved at the moment (a full disk …), in Chinese; empty while they can. */
  warnings(): Array<{ code: string; message: string }>;
}

/** Users, rules, the calendar override and the weekly report's settings, and the audit log. */
export interface DocumentStore {
  read<T>(name: DocumentName): Promise<T | null>;
  /** Writes a document, then its audit entry. */
  write(name: DocumentName, value: unknown, audit: AuditEntry | null): Promise<void>;
  /**
   * A number that changes whenever the document does, also when another process (the add-user
   * command) changed it: compare it, never order by it. 0 for a document never written.
   */
  version(name: DocumentName): Promise<number>;
  appendAudit(entries: AuditEntry[]): Promise<void>;
  /** Where a document is kept, for messages about a bad one. */
  where(name: DocumentName): string;
}

/** The automatic weekly reports, one per week, kept. */
export interface ReportStore {
  /** Keeps a week's xlsx and, when given, its figures (the weekly report JSON), which the trend reads back, and its docx. */
  save(week: string, bytes: Uint8Array, figures?: string, docx?: Uint8Array): Promise<StoredReport>;
  /** The figures kept with a week's report; null when none were (a report saved before they were kept, or none). */
  figures(week: string): Promise<string | null>;
  /** Every stored report, newest week first. */
  list(): Promise<StoredReport[]>;
  /** A stored report's bytes by its name (StoredReport.file); null for any other name or a missing report. */
  read(file: string): Promise<Buffer | null>;
}

/** The daily 分案清单 files, one per team, day and format, kept. */
export interface AssignmentStore {
  /** Keeps a file under its name (keptListName); call inside the store's queue. */
  save(file: string, bytes: Uint8Array): Promise<KeptList>;
  /** Every kept list, the latest day first. */
  list(): Promise<KeptList[]>;
  /** A kept file's bytes by its name; null for any other name or a missing file. */
  read(file: string): Promise<Buffer | null>;
}

/** Serialises writes within this process: each runs after every earlier one has finished. */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every write queued so far has finished, whether it failed or not. */
  drained(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
