// The directory flush after a rename: on Linux it opens the directory; Windows refuses to open a
// directory as a file, so there it is skipped (NTFS journals the rename itself).

import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syncDirectory } from '../../service/store/durable-file.ts';

describe('durable file: flushing the directory after a rename', () => {
  it('opens and flushes the directory on Linux', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'durable-file-'));
    try {
      await syncDirectory(directory, 'linux');
      await assert.rejects(syncDirectory(path.join(directory, 'gone'), 'linux'), { code: 'ENOENT' });
    } finally {
      await fs.rm(directory, { recursive: true, force: true });
    }
  });

  it('does not open the directory on Windows, which refuses it', async () => {
    // A directory that does not exist: opening it would fail, so success means it was not opened.
    await syncDirectory(path.join(os.tmpdir(), 'durable-file-never-made', 'data'), 'win32');
  });
});
