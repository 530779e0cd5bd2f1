// A lowdb adapter whose writes survive a crash: the JSON goes to a temporary file, is flushed to
// disk, renamed over the old file, and the directory entry is flushed too. lowdb's own JSONFile
// renames but never flushes, so an acknowledged write could vanish on power loss.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';

export class DurableJSONFile<T> implements Adapter<T> {
  constructor(private readonly filename: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.filename, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      // Windows Notepad may save a byte-order mark, which JSON.parse rejects.
      return JSON.parse(text.replace(/^\uFEFF/, '')) as T;
    } catch {
      throw new Error(`数据文件 ${this.filename} 已损坏（不是有效的 JSON），请从备份恢复：npm run restore -- <日期>`);
    }
  }

  async write(data: T): Promise<void> {
    await writeDurably(this.filename, JSON.stringify(data));
  }
}

/** Data files are readable by the service's account only (tokens' hashes, case data, the audit log). */
export const PRIVATE_FILE_MODE = 0o600;

/** A write that fails (a full disk) leaves the old file and no temporary one behind. */
export async function writeDurably(filename: string, text: string | Uint8Array, mode = PRIVATE_FILE_MODE): Promise<void> {
  const temporary = `${filename}.${process.pid}.tmp`;
  try {
    await writeFlushed(temporary, 'w', text, mode);
    await fs.rename(temporary, filename);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(path.dirname(filename));
}

/**
 * Appends and flushes. A write or flush that fails (a full disk writes part of the text) is cut
 * back to the file's length before it, so the next append does not follow broken bytes.
 */
export async function appendDurably(filename: string, text: string | Uint8Array, mode = PRIVATE_FILE_MODE): Promise<void> {
  await writeFlushed(filename, 'a', text, mode);
}

/** `mode` applies when the file is created (an existing file keeps its own). */
async function writeFlushed(filename: string, flags: 'w' | 'a', text: string | Uint8Array, mode: number): Promise<void> {
  const handle = await fs.open(filename, flags, mode);
  try {
    const before = flags === 'a' ? (await handle.stat()).size : 0;
    try {
      await handle.writeFile(text, typeof text === 'string' ? 'utf8' : undefined);
      await handle.sync();
    } catch (error) {
      if (flags === 'a') await handle.truncate(before).catch(() => undefined);
      throw error;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a directory's entries, so a rename survives power loss. Windows cannot open a directory
 * as a file (EPERM/EISDIR), and needs no such flush: NTFS journals its metadata, so a completed
 * rename is already durable there. The platform is a parameter so Linux tests can check that.
 */
export async function syncDirectory(directory: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (platform === 'win32') return;
  const handle = await fs.open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
