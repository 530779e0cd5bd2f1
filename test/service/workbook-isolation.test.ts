// No upload stalls the others: workbooks are read in worker threads with heap and time limits, a
// user who may write none of a workbook's ledgers is refused from its header rows before any worker
// starts, one upload per user and a bounded queue. The crafted workbooks are a few hundred KB each.

import assert from 'node:assert/strict';
import { WorkQueue } from '../../service/workers/work-queue.ts';
import { workersStarted } from '../../service/workers/worker-thread.ts';
import { LedgerService } from '../../service/ledger-service.ts';
import { SettingsHolder } from '../../service/settings.ts';
import { MemoryStore } from '../../service/store/memory-store.ts';
import { LEDGERS } from '../../service/domain/ledgers/index.ts';
import { WorkbookAnnotator } from '../../service/workbook/annotate.ts';
import { WorkbookRefusal } from '../../service/workbook/limits.ts';
import { addUser, assertError, caseRow, rowsOf, Sandbox, storedRows, type TestService } from '../helpers/service.ts';
import { annotate, clerkWorkbook, sharedStringsBomb, sheetXmlWithRows, stylesBomb, workbookZip } from '../helpers/workbooks.ts';

const annotateWorkers = () => workersStarted.get('annotate-worker.ts') ?? 0;

describe('uploads that would stall the service', () => {
  const sandbox = new Sandbox();
  let service: TestService;

  beforeEach(async () => {
    service = await sandbox.start();
  });
  afterEach(() => sandbox.cleanUp());

  it('refuses a viewer’s crafted workbook with 403 from its header rows, without reading it in full', async () => {
    const token = await addUser(service, '查阅员', ['viewer']);
    const before = annotateWorkers();
    const message = assertError(await annotate(service, sharedStringsBomb(), { token }), 403, 'forbidden');
    assert.match(message, /查阅员.*无权写入执行案件流转台账/);
    assert.equal(annotateWorkers(), before, 'a worker was started for a user who may write nothing in it');
  });

  it('refuses 10 million shared strings and 2.8 million cell formats with 413 in Chinese, and stores nothing', async () => {
    assert.match(assertError(await annotate(service, sharedStringsBomb()), 413, 'too_many_strings'), /10,500,003 条共享文本/);
    assert.match(assertError(await annotate(service, stylesBomb()), 413, 'too_many_styles'), /2,800,000 种单元格格式/);
    assert.equal((await storedRows(service)).length, 0);
  });

  it('answers a one-row sync while a crafted workbook is being read', async () => {
    const order: string[] = [];
    const before = annotateWorkers();
    const upload = annotate(service, sharedStringsBomb()).then((reply) => (order.push('upload'), reply));
    while (annotateWorkers() === before) await new Promise((resolve) => setTimeout(resolve, 5));
    const sync = await service.admin.sync([caseRow()]);
    order.push('sync');
    assert.equal(rowsOf(sync).length, 1);
    assertError(await upload, 413, 'too_many_strings');
    assert.deepEqual(order, ['sync', 'upload']);
  });

  it('takes one upload per user at a time: a second one while the first is read gets 429 in Chinese', async () => {
    const before = annotateWorkers();
    const first = annotate(service, stylesBomb());
    while (annotateWorkers() === before) await new Promise((resolve) => setTimeout(resolve, 5));
    const message = assertError(await annotate(service, await clerkWorkbook()), 429, 'busy');
    assert.match(message, /已有一个工作簿正在处理，请等它完成后再上传/);
    assertError(await first, 413, 'too_many_styles');
    assert.equal((await annotate(service, await clerkWorkbook())).status, 200);
  });
});

describe('the upload queue', () => {
  const words = { userBusy: '已有一个工作簿正在处理', full: '服务繁忙' };

  it('runs two at once, lets two more wait their turn, and refuses the next with 429', async () => {
    const queue = new WorkQueue({ running: 2, waiting: 2 }, words);
    const started: string[] = [];
    const gates: Array<() => void> = [];
    const job = (name: string) => () => new Promise<string>((resolve) => (started.push(name), gates.push(() => resolve(name))));
    const runs = ['a', 'b', 'c', 'd'].map((user) => queue.admit(user).run(job(user)));
    assert.throws(
      () => queue.admit('e'),
      (error: { status?: number; message?: string }) => error.status === 429 && error.message === '服务繁忙',
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, ['a', 'b']);
    gates.shift()!();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, ['a', 'b', 'c']);
    assert.throws(
      () => queue.admit('b'),
      (error: { message?: string }) => error.message === '已有一个工作簿正在处理',
    );
    while (gates.length) (gates.shift()!(), await new Promise((resolve) => setImmediate(resolve)));
    assert.deepEqual(await Promise.all(runs), ['a', 'b', 'c', 'd']);
    queue.admit('e').release();
  });
});

describe('limits of the worker reading a workbook', () => {
  let store: MemoryStore;

  beforeEach(() => {
    store = new MemoryStore(LEDGERS.map((ledger) => ledger.id));
  });
  afterEach(() => store.close());

  async function annotator(options: ConstructorParameters<typeof WorkbookAnnotator>[3]) {
    const settings = await SettingsHolder.load(store.documents);
    return new WorkbookAnnotator(new LedgerService(store, settings.get, 'Asia/Shanghai'), LEDGERS, 'Asia/Shanghai', options);
  }
  const admin = { name: '管理员', roles: ['admin'] } as never;

  it('stops a workbook past the time limit with 422, saying so in Chinese', async () => {
    const refused = await (await annotator({ timeoutMs: 1 })).annotate(await clerkWorkbook(), admin, '2026-10-05').catch((error) => error);
    assert.ok(refused instanceof WorkbookRefusal && refused.status === 422, String(refused));
    assert.match(refused.message, /工作簿过于复杂，处理超过 0 秒，已停止；请拆分后再上传/);
  });

  it('refuses a workbook larger than the worker’s own heap with 413, offering what is left of that heap', async () => {
    const workbook = workbookZip(sheetXmlWithRows(40_000));
    const refused = await (await annotator({ heapMb: 128 })).annotate(workbook, admin, '2026-10-05').catch((error) => error);
    assert.ok(refused instanceof WorkbookRefusal && refused.code === 'not_enough_memory', String(refused));
    const offered = Number(/只能提供约 ([\d,]+) MB/.exec(refused.message)?.[1]?.replaceAll(',', ''));
    assert.ok(offered > 0 && offered < 128, refused.message);
  });
});
