// The heap a workbook may take, from the limit the process runs with: the old generation only, since
// the young generation V8 adds to `heap_size_limit` differs between Node versions (48 MB on Node 20,
// 192 MB on Node 24) and holds nothing a workbook keeps.

import assert from 'node:assert/strict';
import { getHeapStatistics } from 'node:v8';
import { checkHeap, heapAvailable, statedOldSpaceMb, WorkbookRefusal, YOUNG_GENERATION_ALLOWANCE } from '../../service/workbook/limits.ts';

const MB = 1024 * 1024;

describe('heap left for a workbook', () => {
  it('reads --max-old-space-size from NODE_OPTIONS and the command line, the command line winning', () => {
    assert.equal(statedOldSpaceMb([], ''), undefined);
    assert.equal(statedOldSpaceMb([], undefined), undefined);
    assert.equal(statedOldSpaceMb([], '--max-old-space-size=256'), 256);
    assert.equal(statedOldSpaceMb(['--max_old_space_size=512'], ''), 512);
    assert.equal(statedOldSpaceMb(['--max-old-space-size', '1024'], '  --import tsx  '), 1024);
    assert.equal(statedOldSpaceMb(['--max-old-space-size=2048'], '--max-old-space-size=256'), 2048);
    assert.equal(statedOldSpaceMb(['--max-old-space-size-percentage=50'], ''), undefined);
    assert.equal(statedOldSpaceMb(['--max-old-space-size=lots'], ''), undefined);
  });

  it('counts the stated old space, not the young generation Node 20 and Node 24 add to it', () => {
    const used = 40 * MB;
    for (const young of [48 * MB, 192 * MB]) {
      const heap = { heap_size_limit: 256 * MB + young, used_heap_size: used };
      assert.equal(heapAvailable(heap, [], '--max-old-space-size=256'), 216 * MB);
    }
  });

  it('without a stated old space, leaves the largest young generation out of the default heap', () => {
    const heap = { heap_size_limit: 4288 * MB, used_heap_size: 40 * MB };
    assert.equal(heapAvailable(heap, [], ''), 4288 * MB - YOUNG_GENERATION_ALLOWANCE - 40 * MB);
    assert.equal(heapAvailable({ heap_size_limit: 100 * MB, used_heap_size: 10 * MB }, [], ''), 0);
  });

  it('never offers more than the heap limit of this process', () => {
    const heap = getHeapStatistics();
    const available = heapAvailable(heap);
    assert.ok(available > 0 && available <= heap.heap_size_limit - heap.used_heap_size);
    assert.ok(heapAvailable(heap, ['--max-old-space-size=999999'], '') <= heap.heap_size_limit - heap.used_heap_size);
  });

  it('refuses a 60,000-row sheet of 30 columns under a 256 MB old space on either Node version, in Chinese, and takes a small one', () => {
    for (const young of [48 * MB, 192 * MB]) {
      const available = heapAvailable({ heap_size_limit: 256 * MB + young, used_heap_size: 40 * MB }, [], '--max-old-space-size=256');
      assert.throws(
        () => checkHeap({ rows: 60_000, cells: 1_800_000 }, available),
        (error: unknown) =>
          error instanceof WorkbookRefusal &&
          error.status === 413 &&
          /60,000 行/.test(error.message) &&
          /只能提供约 216 MB/.test(error.message),
      );
      checkHeap({ rows: 20, cells: 300 }, available);
    }
  });
});

describe('heap left for a workbook in a worker thread', () => {
  it('counts the worker’s own limit, not the process’s --max-old-space-size', () => {
    const heap = { heap_size_limit: 300 * MB, used_heap_size: 20 * MB };
    assert.equal(heapAvailable(heap, [], '--max-old-space-size=4096', 256), 236 * MB);
  });
});
