// The small files beside the ledgers (users, rules, calendar override) and the audit log. These
// need no lock: a command may add a user while the service runs, and the service rereads the file.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { appendDurably, DurableJSONFile, writeDurably } from './durable-file.ts';
import type { AuditEntry, DocumentName, DocumentStore } from './store.ts';

export class Documents implements DocumentStore {
  constructor(readonly dataDir: string) {}

  file(name: DocumentName): string {
    return path.join(this.dataDir, `${name}.json`);
  }

  async read<T>(name: DocumentName): Promise<T | null> {
    return new DurableJSONFile<T>(this.file(name)).read();
  }

  /** Writes a document, then its audit entry. */
  async write(name: DocumentName, value: unknown, audit: AuditEntry | null): Promise<void> {
    await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    await writeDurably(this.file(name), JSON.stringify(value, null, 2));
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

  async appendAudit(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await appendDurably(this.auditFile, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  }
}
