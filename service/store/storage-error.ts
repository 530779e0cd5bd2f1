// A write the disk refused (full, read-only, failing): the store undoes what it had begun and throws
// a StorageError, which the HTTP layer answers with 507 and this Chinese message. The store's health
// remembers the last such failure until a later write succeeds, so `GET /api/health` can say why
// changes are refused and the service recovers by itself once space returns.

export type StorageErrorCode = 'disk_full' | 'storage_error';

/** errno codes that mean the disk is out of room (EDQUOT: the user's quota). */
const FULL = new Set(['ENOSPC', 'EDQUOT']);
/** errno codes of a disk or file system that cannot be written: the request is not at fault. */
const FAILING = new Set(['EIO', 'EROFS', 'EACCES', 'EPERM', 'EBUSY', 'EMFILE', 'ENFILE', 'EFBIG', 'ENOTEMPTY', 'ESTALE']);

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    /** The errno code the file system gave (ENOSPC, EIO, …), for the log. */
    readonly errno: string,
  ) {
    super(message);
  }
}

/** Whether an error is the file system refusing a write (rather than a bug). */
export function isStorageFailure(error: unknown): boolean {
  if (error instanceof StorageError) return true;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && (FULL.has(code) || FAILING.has(code));
}

/** The StorageError for a file system error: "nothing of this change was saved". */
export function storageErrorOf(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const errno = String((error as NodeJS.ErrnoException).code);
  if (FULL.has(errno)) return new StorageError('disk_full', '服务器磁盘空间不足，本次修改未保存，请联系管理员清理磁盘后重试', errno);
  return new StorageError('storage_error', `服务器无法写入数据文件（${errno}），本次修改未保存，请联系管理员检查磁盘后重试`, errno);
}

/** What health says while writes fail. */
export interface StorageWarning {
  code: StorageErrorCode;
  message: string;
}

/**
 * The state of the disk as the last write found it. `guard` runs a write: a file system failure
 * becomes a StorageError and is remembered; a write that succeeds clears it.
 */
export class StorageHealth {
  private failure: StorageWarning | null = null;

  constructor(private readonly log: (line: string) => void = (line) => console.error(line)) {}

  get warning(): StorageWarning | null {
    return this.failure;
  }

  /** Records a failure found outside a write (e.g. at start). */
  failed(error: unknown, what: string): StorageError {
    const storage = storageErrorOf(error);
    const first = this.failure === null;
    this.failure = {
      code: storage.code,
      message:
        storage.code === 'disk_full'
          ? '服务器磁盘空间已满，台账的修改暂时无法保存（只能查看）；清理磁盘后自动恢复'
          : `服务器无法写入数据文件（${storage.errno}），台账的修改暂时无法保存（只能查看）；请检查磁盘`,
    };
    if (first) this.log(`[执行台账助手] ${what}失败（${storage.errno}）：${this.failure.message}`);
    return storage;
  }

  succeeded(): void {
    if (this.failure) this.log('[执行台账助手] 数据目录又可以写入了，修改恢复正常保存');
    this.failure = null;
  }

  async guard<T>(what: string, work: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await work();
    } catch (error) {
      if (isStorageFailure(error)) throw this.failed(error, what);
      throw error;
    }
    this.succeeded();
    return result;
  }
}
