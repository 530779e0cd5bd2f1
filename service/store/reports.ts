// The stored weekly reports: data/reports/周通报-2026-W48.xlsx, one per week, kept. Each is written
// atomically and flushed (temp file, fsync, rename), so a crash leaves the old file or the new one.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeDurably } from './durable-file.ts';
import { StorageHealth } from './storage-error.ts';
import { reportFiguresName, reportFileName, reportWeek, type ReportStore, type StoredReport } from './store.ts';

export class ReportFiles implements ReportStore {
  readonly directory: string;

  constructor(
    dataDir: string,
    private readonly health: StorageHealth = new StorageHealth(),
  ) {
    this.directory = path.join(dataDir, 'reports');
  }

  async save(week: string, bytes: Uint8Array, figures?: string): Promise<StoredReport> {
    await fs.mkdir(this.directory, { recursive: true, mode: 0o700 });
    const file = reportFileName(week);
    // A report the disk cannot hold leaves no partial file (StorageError; the scheduler logs it and retries).
    await this.health.guard('保存周通报', async () => {
      await fs.mkdir(this.directory, { recursive: true });
      // Figures left from an earlier save of the week would no longer match its xlsx.
      const figuresFile = path.join(this.directory, reportFiguresName(week));
      if (figures === undefined) await fs.rm(figuresFile, { force: true });
      else await writeDurably(figuresFile, Buffer.from(figures));
      await writeDurably(path.join(this.directory, file), bytes);
    });
    return this.describe(file, week);
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
        return week ? [this.describe(file, week)] : [];
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
    return { week, file, bytes: stat.size, savedAt: stat.mtime.toISOString() };
  }
}
