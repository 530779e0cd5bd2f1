// The kept daily 分案清单: data/assignments/分案清单-<team>-<date>.xlsx and .docx, kept like the
// weekly reports. Each is written atomically and flushed, so a crash leaves no partial file.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeDurably } from './durable-file.ts';
import { StorageHealth } from './storage-error.ts';
import { keptListOf, type AssignmentStore, type KeptList } from './store.ts';

export class AssignmentFiles implements AssignmentStore {
  readonly directory: string;

  constructor(
    dataDir: string,
    private readonly health: StorageHealth = new StorageHealth(),
  ) {
    this.directory = path.join(dataDir, 'assignments');
  }

  async save(file: string, bytes: Uint8Array): Promise<KeptList> {
    const kept = keptListOf(file);
    if (!kept) throw new Error(`not the name of a kept 分案清单: ${file}`);
    await this.health.guard('保存分案清单', async () => {
      await fs.mkdir(this.directory, { recursive: true, mode: 0o700 });
      await writeDurably(path.join(this.directory, file), bytes);
    });
    return this.describe(file, kept);
  }

  async list(): Promise<KeptList[]> {
    let entries: string[];
    try {
      entries = await fs.readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const lists = await Promise.all(
      entries.flatMap((file) => {
        const kept = keptListOf(file);
        return kept ? [this.describe(file, kept)] : [];
      }),
    );
    return lists.sort(latestFirst);
  }

  async read(file: string): Promise<Buffer | null> {
    if (!keptListOf(file)) return null;
    try {
      return await fs.readFile(path.join(this.directory, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private async describe(file: string, kept: Pick<KeptList, 'team' | 'date' | 'format'>): Promise<KeptList> {
    const stat = await fs.stat(path.join(this.directory, file));
    return { ...kept, file, bytes: stat.size, savedAt: stat.mtime.toISOString() };
  }
}

/** The latest day first; within a day by team, the xlsx before the docx. */
export function latestFirst(a: KeptList, b: KeptList): number {
  return b.date.localeCompare(a.date) || a.team.localeCompare(b.team, 'zh') || b.format.localeCompare(a.format);
}
