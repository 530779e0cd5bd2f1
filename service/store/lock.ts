// One service process owns a data directory: a lock file with its PID refuses a second one.
// A lock left by a process that no longer runs is taken over.
//
// Both steps are atomic, so two processes started at the same instant never both win:
// - The lock file appears complete or not at all: the PID is written to a temporary file first,
//   which is then hard-linked to the lock name; link() fails when the name exists. (Opening with
//   'wx' and then writing leaves an empty file that a second process could read as "no owner".)
// - Only one process may remove a given stale lock: it must first create `service.lock.takeover-<PID>`
//   the same way. A lock is removed only by the holder of its takeover file, so the lock it read is
//   the lock it removes, never a live one another process has just put in its place. A takeover file
//   left by a process that died during a takeover is stale in turn and taken over the same way.
// No lock library is used: proper-lockfile judges staleness by age (mtime refreshed on a timer),
// which a paused or busy process can outlive; a PID check is exact on one machine.

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const heldHere = new Set<string>();

/** File systems without hard links (some network shares) get an exclusive create and a grace period. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);
/** How long an empty lock file (being written by a process on a file system without links) is waited for. */
const EMPTY_LOCK_GRACE_MS = 1000;
/** Takeovers of takeovers: more would take as many crashes in the middle of a takeover. */
const MAX_TAKEOVER_DEPTH = 8;

export function acquireLock(dataDir: string): () => void {
  const lockFile = path.join(path.resolve(dataDir), 'service.lock');
  if (heldHere.has(lockFile)) throw new Error(`数据目录 ${dataDir} 已被本进程中的另一个服务实例占用`);
  const owner = claim(lockFile, 0);
  if (owner !== null) {
    throw new Error(`数据目录 ${dataDir} 已被另一个服务进程（PID ${owner}）占用；同一数据目录只能由一个服务使用`);
  }
  heldHere.add(lockFile);
  return () => {
    heldHere.delete(lockFile);
    try {
      const content = fs.readFileSync(lockFile, 'utf8').trim();
      // Empty: taken on a full disk (see createEmpty), and held by this process until now.
      if (content === String(process.pid) || content === '') fs.unlinkSync(lockFile);
    } catch {
      // Already gone: nothing to release.
    }
  };
}

/** Takes `file` for this process; returns null when taken, else the PID of the live process holding it. */
function claim(file: string, depth: number): number | null {
  for (;;) {
    if (createExclusive(file)) return null;
    const content = readOwner(file);
    if (content === undefined) continue; // Removed meanwhile: try again.
    const owner = Number(content);
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) return owner;
    // Stale: whoever holds its takeover file may remove it.
    if (depth >= MAX_TAKEOVER_DEPTH)
      throw new Error(`锁文件 ${file} 无法接管，请确认没有服务在运行后删除 ${path.dirname(file)} 中的 service.lock*`);
    const gate = `${file}.takeover-${content.replace(/[^0-9A-Za-z]/g, '') || 'empty'}`;
    const gateOwner = claim(gate, depth + 1);
    if (gateOwner !== null) {
      // A live process is taking this stale lock over; it will hold the lock when it is done.
      waitBriefly();
      continue;
    }
    try {
      // Holding the gate, nobody else can remove or replace this lock, so it is still the stale one
      // if it still reads the same (a process that took it over and released the gate already
      // wrote its own PID, which is then checked again above).
      if (readOwner(file) === content) fs.rmSync(file, { force: true });
    } finally {
      fs.rmSync(gate, { force: true });
    }
  }
}

/** Creates `file` holding this process's PID, complete, or returns false if it exists. */
function createExclusive(file: string): boolean {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temporary, String(process.pid), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    return createEmpty(file);
  }
  try {
    fs.linkSync(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_LINKS.has(code)) throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * A full disk has no room for the PID, but an exclusive create still makes the (empty) file: the
 * lock is ours, and the store opens read-only (a start on a full disk still starts). Another
 * process would read the empty file as stale after the grace period: on a full disk, where nothing
 * can be written, that is the lesser harm than refusing to start.
 */
function createEmpty(file: string): boolean {
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The lock file's content (trimmed), or undefined when it does not exist. An empty file is waited for briefly. */
function readOwner(file: string): string | undefined {
  const deadline = Date.now() + EMPTY_LOCK_GRACE_MS;
  for (;;) {
    let content: string;
    try {
      content = fs.readFileSync(file, 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (content !== '' || Date.now() > deadline) return content;
    waitBriefly();
  }
}

function waitBriefly(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
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
