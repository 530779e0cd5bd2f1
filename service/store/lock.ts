// One service process owns a data directory: a lock file with its PID refuses a second one.
// A lock left by a process that no longer runs is taken over.

import fs from 'node:fs';
import path from 'node:path';

const heldHere = new Set<string>();

export function acquireLock(dataDir: string): () => void {
  const lockFile = path.join(path.resolve(dataDir), 'service.lock');
  if (heldHere.has(lockFile)) throw new Error(`数据目录 ${dataDir} 已被本进程中的另一个服务实例占用`);
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    // A full disk: the exclusive create made the file, so the lock is ours, but the PID did not fit.
    // The store then opens read-only (a start on a full disk still starts).
    const createdEmpty = (error as NodeJS.ErrnoException).code === 'ENOSPC' && fs.existsSync(lockFile) && fs.statSync(lockFile).size === 0;
    if (!createdEmpty && (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (createdEmpty) {
      heldHere.add(lockFile);
      return () => {
        heldHere.delete(lockFile);
        fs.rmSync(lockFile, { force: true });
      };
    }
    const owner = Number(fs.readFileSync(lockFile, 'utf8').trim());
    if (owner && owner !== process.pid && isRunning(owner)) {
      throw new Error(`数据目录 ${dataDir} 已被另一个服务进程（PID ${owner}）占用；同一数据目录只能由一个服务使用`);
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  heldHere.add(lockFile);
  return () => {
    heldHere.delete(lockFile);
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // Already gone: nothing to release.
    }
  };
}

/** Whether a process runs with this PID (signal 0 only checks). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
