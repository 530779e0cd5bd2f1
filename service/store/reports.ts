// The stored weekly reports: data/reports/周通报-2026-W48.xlsx, one per week, kept, with the week's
// figures (.json) and its Word document (.docx) beside it. Each is written
// atomically and flushed (temp file, fsync, rename), so a crash leaves the old file or the new one.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeDurably } from './durable-file.ts';
import { StorageHealth } from './storage-error.ts';
import { reportDocumentName, reportFiguresName, reportFileName, reportWeek, type ReportStore, type StoredReport } from './store.ts';

export class ReportFiles implements ReportStore {
  readonly directory: string;

  constructor(
    dataDir: string,
    private readonly health: StorageHealth = new StorageHealth(),
  ) {
    this.directory = path.join(dataDir, 'reports');
  }

  async save(week: string, bytes: Uint8Array, figures?: string, docx?: Uint8Array): Promise<StoredReport> {
    await fs.mkdir(this.directory, { recursive: true, mode: 0o700 });
    const file = reportFileName(week);
    // A report the disk cannot hold leaves no partial file (StorageError; the scheduler logs it and retries).
    await this.health.guard('保存周通报', async () => {
      await fs.mkdir(this.directory, { recursive: true });
      // Figures or a document left from an earlier save of the week would no longer match its xlsx;
      // the xlsx goes last, as the scheduler counts a week stored by it.
      await this.replace(reportFiguresName(week), figures === undefined ? undefined : Buffer.from(figures));
      await this.replace(reportDocumentName(week), docx);
      await writeDurably(path.join(this.directory, file), bytes);
    });
    return this.describe(file, week);
  }

  private async replace(file: string, bytes: Uint8Array | undefined): Promise<void> {
    if (bytes === undefined) await fs.rm(path.join(this.directory, file), { force: true });
    else await writeDurably(path.join(this.directory, file), bytes);
  }

  /** Every stored report, newest week first. */
  async list(): Promise<StoredReport[]> {
    let entries: string[];
    try {
      entries = await fs.readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const reports = await Promise.all(
      entries.flatMap((file) => {
        const week = reportWeek(file);
        return week && file === reportFileName(week) ? [this.describe(file, week)] : [];
      }),
    );
    return reports.sort((a, b) => b.week.localeCompare(a.week));
  }

  /** A stored report's bytes, by its exact file name; null for any other name or a missing file. */
  async read(file: string): Promise<Buffer | null> {
    if (!reportWeek(file)) return null;
    try {
      return await fs.readFile(path.join(this.directory, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async figures(week: string): Promise<string | null> {
    if (!reportWeek(reportFileName(week))) return null;
    try {
      return await fs.readFile(path.join(this.directory, reportFiguresName(week)), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private async describe(file: string, week: string): Promise<StoredReport> {
    const stat = await fs.stat(path.join(this.directory, file));
    const report: StoredReport = { week, file, bytes: stat.size, savedAt: stat.mtime.toISOString() };
    const docx = reportDocumentName(week);
    const document = await fs.stat(path.join(this.directory, docx)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    return document ? { ...report, docx: { file: docx, bytes: document.size } } : report;
  }
}
