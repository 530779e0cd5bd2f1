// The smallest process that takes a data directory's lock through the store. It loads the store and
// says `ready`; then, per line on stdin, `open <dir>` opens a FileStore on the directory and answers
// `locked <pid>` or `refused <message>`, and `close` closes the store it holds and answers `closed`.
// It exits when stdin closes.

import readline from 'node:readline';
import { FileStore } from '../../service/store/file-store.ts';

let store: FileStore | null = null;
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  const [command, ...rest] = line.split(' ');
  if (command === 'open') {
    try {
      store = await FileStore.open(rest.join(' '), []);
      console.log(`locked ${process.pid}`);
    } catch (error) {
      console.log(`refused ${(error as Error).message.replace(/\n/g, ' ')}`);
    }
  } else if (command === 'close') {
    await store?.close();
    store = null;
    console.log('closed');
  }
});
lines.once('close', async () => {
  await store?.close();
  process.exit(0);
});
console.log('ready');
