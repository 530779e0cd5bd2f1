// What every store adapter promises the service (service/store/store.ts), run against the file
// store in a temporary data directory and against the memory store.

import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileStore } from '../../service/store/file-store.ts';
import { MemoryStore } from '../../service/store/memory-store.ts';
import type { AuditEntry, Store, StoredRow } from '../../service/store/store.ts';

interface Adapter {
  name: string;
  open(ledgerIds: readonly string[]): Promise<Store>;
  /** The audit log of the store opened last, as the adapter keeps it. */
  audit(): Promise<AuditEntry[]>;
  cleanUp(): Promise<void>;
}

function fileAdapter(): Adapter {
  const dataDirs: string[] = [];
  return {
    name: 'file store',
    open: async (ledgerIds) => {
      dataDirs.push(await fs.mkdtemp(path.join(os.tmpdir(), 'store-contract-')));
      return FileStore.open(dataDirs[dataDirs.length - 1], ledgerIds);
    },
    audit: async () => {
      const text = await fs.readFile(path.join(dataDirs[dataDirs.length - 1], 'audit.jsonl'), 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as AuditEntry);
    },
    cleanUp: async () => {
      for (const dataDir of dataDirs.splice(0)) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

function memoryAdapter(): Adapter {
  let opened = new MemoryStore([]);
  return {
    name: 'memory store',
    open: async (ledgerIds) => (opened = new MemoryStore(ledgerIds)),
    audit: async () => opened.documents.audit(),
    cleanUp: async () => undefined,
  };
}

function row(rowId: string, rev: number, caseNo: string): StoredRow {
  return { rowId, rev, values: { caseNo }, createdAt: '2026-11-26T00:00:00Z', updatedAt: '2026-11-26T00:00:00Z', updatedBy: '测试' };
}

function entry(rowId: string | null, action: string): AuditEntry {
  return { time: '2026-11-26T00:00:00Z', user: '测试', ledger: 'cases', rowId, action, before: null, after: { rowId } };
}

for (const make of [fileAdapter, memoryAdapter]) {
  const adapter = make();

  describe(`store contract: ${adapter.name}`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await adapter.open(['cases', 'payments']);
    });
    afterEach(async () => {
      await store.close();
      await adapter.cleanUp();
    });

    describe('ledgers', () => {
      it('starts every ledger empty at revision 0 and refuses an unknown one', () => {
        assert.equal(store.revision('cases'), 0);
        assert.equal(store.rows('payments').size, 0);
        assert.throws(() => store.rows('nosuch'), /unknown ledger nosuch/);
      });

      it('counts one revision per commit, shows the committed rows at once and leaves other ledgers alone', async () => {
        assert.equal(await store.exclusive(() => store.commitLedger('cases', [row('a', 1, 'A'), row('b', 1, 'B')], [])), 1);
        assert.equal(await store.exclusive(() => store.commitLedger('cases', [row('a', 2, 'A2')], [])), 2);
        assert.deepEqual(
          [...store.rows('cases').values()].map((stored) => [stored.rowId, stored.rev, stored.values.caseNo]),
          [
            ['a', 2, 'A2'],
            ['b', 1, 'B'],
          ],
        );
        assert.equal(store.revision('cases'), 2);
        assert.equal(store.revision('payments'), 0);
      });

      it('appends the audit entries of a commit, in order', async () => {
        await store.exclusive(() => store.commitLedger('cases', [row('a', 1, 'A')], [entry('a', 'create')]));
        await store.exclusive(() => store.commitLedger('cases', [row('a', 2, 'A2')], [entry('a', 'update'), entry('a', 'delete')]));
        assert.deepEqual(
          (await adapter.audit()).map((kept) => kept.action),
          ['create', 'update', 'delete'],
        );
      });
    });

    describe('exclusive', () => {
      it('runs each write after the earlier ones have finished, and a later one sees their rows', async () => {
        const order: string[] = [];
        const slow = store.exclusive(async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push('slow');
          return store.commitLedger('cases', [row('a', 1, 'A')], []);
        });
        const fast = store.exclusive(async () => {
          order.push(`fast sees ${store.rows('cases').size}`);
          return store.commitLedger('cases', [row('b', 1, 'B')], []);
        });
        assert.deepEqual(await Promise.all([slow, fast]), [1, 2]);
        assert.deepEqual(order, ['slow', 'fast sees 1']);
      });

      it('goes on after a write that failed, and hands back its error', async () => {
        const failed = store.exclusive(async () => {
          throw new Error('写入失败');
        });
        const next = store.exclusive(async () => 'next');
        await assert.rejects(failed, /写入失败/);
        assert.equal(await next, 'next');
      });

      it('lets close wait for the writes under way', async () => {
        let done = false;
        void store.exclusive(async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          done = true;
        });
        await store.close();
        assert.equal(done, true);
        store = await adapter.open(['cases']);
      });
    });

    describe('documents', () => {
      it('reads null and version 0 for a document never written', async () => {
        assert.equal(await store.documents.read('rules'), null);
        assert.equal(await store.documents.version('rules'), 0);
      });

      it('reads back a copy of what was written, with its audit entry, and a changed version', async () => {
        const users = { users: [{ name: '管理员', roles: ['admin'], tokenHash: 'ab', createdAt: '2026-11-26T00:00:00Z' }] };
        await store.documents.write('users', users, { ...entry(null, 'add-user'), ledger: 'users' });
        const first = await store.documents.version('users');
        assert.notEqual(first, 0);
        const read = await store.documents.read<typeof users>('users');
        assert.deepEqual(read, users);
        read?.users.pop();
        assert.deepEqual(await store.documents.read('users'), users, 'changing what was read changes nothing stored');

        // A file's modification time has a resolution of a few milliseconds.
        await new Promise((resolve) => setTimeout(resolve, 15));
        await store.documents.write('users', { users: [] }, null);
        assert.notEqual(await store.documents.version('users'), first);
        assert.deepEqual(
          (await adapter.audit()).map((kept) => [kept.ledger, kept.action]),
          [['users', 'add-user']],
        );
      });

      it('says where a document is kept, naming it', () => {
        assert.match(store.documents.where('calendar'), /calendar/);
      });
    });

    describe('reports', () => {
      it('lists none at first', async () => {
        assert.deepEqual(await store.reports.list(), []);
      });

      it('keeps one report per week, lists them newest first and reads one back by its name', async () => {
        await store.exclusive(() => store.reports.save('2026-W47', Buffer.from('第47周')));
        await store.exclusive(() => store.reports.save('2026-W48', Buffer.from('旧的')));
        const saved = await store.exclusive(() => store.reports.save('2026-W48', Buffer.from('第48周')));
        assert.deepEqual(
          { ...saved, savedAt: undefined },
          { week: '2026-W48', file: '周通报-2026-W48.xlsx', bytes: Buffer.byteLength('第48周'), savedAt: undefined },
        );
        assert.ok(!Number.isNaN(Date.parse(saved.savedAt)));
        assert.deepEqual(
          (await store.reports.list()).map((report) => report.file),
          ['周通报-2026-W48.xlsx', '周通报-2026-W47.xlsx'],
        );
        assert.equal((await store.reports.read('周通报-2026-W48.xlsx'))?.toString(), '第48周');
      });

      it('keeps the figures saved with a report, and none once it is saved again without them', async () => {
        assert.equal(await store.reports.figures('2026-W47'), null);
        await store.exclusive(() => store.reports.save('2026-W47', Buffer.from('第47周'), '{"week":"2026-W47"}'));
        assert.equal(await store.reports.figures('2026-W47'), '{"week":"2026-W47"}');
        assert.deepEqual(
          (await store.reports.list()).map((report) => report.file),
          ['周通报-2026-W47.xlsx'],
        );
        await store.exclusive(() => store.reports.save('2026-W47', Buffer.from('第47周')));
        assert.equal(await store.reports.figures('2026-W47'), null);
      });

      it('keeps the Word document saved with a report, lists it with the week, and none once saved again without it', async () => {
        await store.exclusive(() => store.reports.save('2026-W47', Buffer.from('第47周'), '{"week":"2026-W47"}', Buffer.from('通报')));
        const [listed] = await store.reports.list();
        assert.deepEqual(listed.docx, { file: '周通报-2026-W47.docx', bytes: Buffer.byteLength('通报') });
        assert.equal((await store.reports.list()).length, 1, 'one entry a week, not one a file');
        assert.equal((await store.reports.read('周通报-2026-W47.docx'))?.toString(), '通报');
        assert.equal((await store.reports.read('周通报-2026-W47.xlsx'))?.toString(), '第47周');
        await store.exclusive(() => store.reports.save('2026-W47', Buffer.from('第47周')));
        assert.equal((await store.reports.list())[0].docx, undefined);
        assert.equal(await store.reports.read('周通报-2026-W47.docx'), null);
      });

      it('reads null for a week not stored and for any other name', async () => {
        await store.reports.save('2026-W47', Buffer.from('第47周'));
        for (const name of [
          '周通报-2026-W46.xlsx',
          '周通报-2026-W47.docx',
          '周通报-2026-W47.json',
          '../周通报-2026-W47.xlsx',
          'audit.jsonl',
          '周通报-2026-W47.xlsx.tmp',
        ]) {
          assert.equal(await store.reports.read(name), null, name);
        }
      });
    });

    describe('kept 分案清单', () => {
      it('keeps each team’s day’s files, lists the latest day first, and reads one back by its name only', async () => {
        assert.deepEqual(await store.assignments.list(), []);
        for (const file of [
          '分案清单-速执团队-2026-10-19.xlsx',
          '分案清单-速执团队-2026-10-20.xlsx',
          '分案清单-速执团队-2026-10-20.docx',
          '分案清单-首执团队-2026-10-20.xlsx',
        ])
          await store.exclusive(() => store.assignments.save(file, Buffer.from(file)));
        assert.deepEqual(
          (await store.assignments.list()).map((kept) => [kept.date, kept.team, kept.format]),
          [
            ['2026-10-20', '首执团队', 'xlsx'],
            ['2026-10-20', '速执团队', 'xlsx'],
            ['2026-10-20', '速执团队', 'docx'],
            ['2026-10-19', '速执团队', 'xlsx'],
          ],
        );
        assert.equal((await store.assignments.read('分案清单-速执团队-2026-10-20.docx'))?.toString(), '分案清单-速执团队-2026-10-20.docx');
        for (const name of [
          '分案清单-特执团队-2026-10-20.xlsx',
          '../分案清单-速执团队-2026-10-20.xlsx',
          '分案清单-..-2026-10-20.xlsx',
          'users.json',
        ])
          assert.equal(await store.assignments.read(name), null, name);
        await assert.rejects(store.assignments.save('../users.json', Buffer.from('x')));
      });
    });
  });
}
