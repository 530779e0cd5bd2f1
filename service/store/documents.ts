// The small files beside the ledgers (users, rules, calendar override) and the audit log. These
// need no lock: a command may add a user while the service runs, and the service rereads the file.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { utf8Pieces, type Pieces } from './commit-text.ts';
import { appendDurably, DurableJSONFile, writeDurably } from './durable-file.ts';
import { RESTORE_HINT } from './ledger-file.ts';
import { StorageHealth } from './storage-error.ts';
import type { AuditEntry, DocumentName, DocumentStore } from './store.ts';

const DOCUMENT_LABELS: Record<DocumentName, string> = {
  users: '用户文件',
  rules: '规则配置',
  calendar: '节假日配置',
  seen: '用户最近使用时间',
  'report-settings': '通报设置',
};

export class Documents implements DocumentStore {
  constructor(
    readonly dataDir: string,
    private readonly health: StorageHealth = new StorageHealth(),
  ) {}

  file(name: DocumentName): string {
    return path.join(this.dataDir, `${name}.json`);
  }

  /**
   * A document, or null when it was never written. A file that is not JSON, or holds no object
   * (`null`, a list; users.json without its list of users), is refused, naming it: read as empty,
   * users.json would lose every token and rules.json every setting.
   */
  async read<T>(name: DocumentName): Promise<T | null> {
    const file = this.file(name);
    const refuse = (what: string) => new Error(`${DOCUMENT_LABELS[name]} ${file} ${what}，${RESTORE_HINT}`);
    let value: unknown;
    try {
      value = await new DurableJSONFile<unknown>(file).read();
    } catch {
      throw refuse('已损坏（不是有效的 JSON）');
    }
    if (value === null) {
      const present = await fs.stat(file).then(
        () => true,
        () => false,
      );
      if (present) throw refuse('内容为空（null）');
      return null;
    }
    if (typeof value !== 'object' || Array.isArray(value)) throw refuse('内容不完整（不是配置数据）');
    if (name === 'users') {
      const { users } = value as { users?: unknown };
      if (!Array.isArray(users)) throw refuse('内容不完整（缺少 users）');
      users.forEach((user: { name?: unknown; tokenHash?: unknown; roles?: unknown } | null, index) => {
        if (typeof user?.name !== 'string' || typeof user.tokenHash !== 'string' || !Array.isArray(user.roles)) {
          throw refuse(`第 ${index + 1} 个用户的记录已损坏`);
        }
      });
    }
    return value as T;
  }

  /** Writes a document, then its audit entry. A disk that refuses it leaves the old file (StorageError). */
  async write(name: DocumentName, value: unknown, audit: AuditEntry | null): Promise<void> {
    await this.health.guard('保存配置', async () => {
      await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
      await writeDurably(this.file(name), JSON.stringify(value, null, 2));
    });
    if (audit) await this.appendAudit([audit]);
  }

  /** The audit log: one JSON line per change, only ever appended to. */
  get auditFile(): string {
    return path.join(this.dataDir, 'audit.jsonl');
  }

  where(name: DocumentName): string {
    return this.file(name);
  }

  /** The file's modification time: a command that adds a user while the service runs changes it. */
  async version(name: DocumentName): Promise<number> {
    try {
      return (await fs.stat(this.file(name))).mtimeMs;
    } catch {
      return 0;
    }
  }

  /** Appends and flushes; a failed append is cut back (nothing half-written) and throws a StorageError. */
  async appendAudit(entries: AuditEntry[]): Promise<void> {
    await this.appendAuditText(entries.flatMap((entry) => [JSON.stringify(entry), '\n']));
  }

  /** Appends lines already written as JSON in pieces (a commit's, see CommitText), as appendAudit does. */
  async appendAuditText(pieces: Pieces): Promise<void> {
    if (pieces.length === 0) return;
    await this.health.guard('写入审计日志', () => appendDurably(this.auditFile, utf8Pieces(pieces).bytes));
  }

  /** Cuts a last audit line a crash left half-written, so the next one starts on a fresh line (the journal still holds it). */
  async cutTornAudit(): Promise<void> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.auditFile, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    let cut = -1;
    try {
      const size = (await handle.stat()).size;
      const last = Buffer.alloc(1);
      if (size > 0) await handle.read(last, 0, 1, size - 1);
      if (size === 0 || last[0] === 10) return;
      // Back from the end to the last line break.
      for (let end = size; end > 0 && cut < 0; end -= 64 * 1024) {
        const start = Math.max(0, end - 64 * 1024);
        const chunk = Buffer.alloc(end - start);
        await handle.read(chunk, 0, chunk.length, start);
        const index = chunk.lastIndexOf(10);
        if (index >= 0) cut = start + index + 1;
        else if (start === 0) cut = 0;
      }
    } finally {
      await handle.close();
    }
    console.error(`[执行台账助手] 审计日志 ${this.auditFile} 最后一行不完整（写入时服务中断），已舍弃，将从台账日志补记`);
    await this.health.guard('整理审计日志', () => fs.truncate(this.auditFile, cut));
  }
}
