// The worker that reads and writes one uploaded workbook (annotate.ts, WorkbookAnnotator): the
// first message brings the file and gets the ledger tables' rows back; the second brings each row's
// annotation and gets the annotated workbook. The workbook stays here in between, while the main
// thread syncs the rows. The ledgers come as their layouts (annotate.ts, ledgerLayout).

import { parentPort } from 'node:worker_threads';
import type { AnyLedger } from '../domain/ledger.ts';
import type { User } from '../users.ts';
import { failureOf } from '../workers/worker-thread.ts';
import { readWorkbook, tablesOf, writeWorkbook, type OpenWorkbook } from './annotate.ts';
import type { RowAnnotation } from './annotation-writer.ts';

type Message = { file: Uint8Array; ledgers: AnyLedger[]; user: User } | { annotations: RowAnnotation[][] };

let open: OpenWorkbook | null = null;

parentPort!.on('message', async (message: Message) => {
  try {
    if ('file' in message) {
      const file = Buffer.from(message.file.buffer, message.file.byteOffset, message.file.byteLength);
      open = await readWorkbook(file, message.ledgers, message.user);
      parentPort!.postMessage(tablesOf(open));
    } else {
      const workbook = await writeWorkbook(open!, message.annotations);
      open = null;
      const bytes = new Uint8Array(workbook.buffer, workbook.byteOffset, workbook.byteLength);
      parentPort!.postMessage(
        { workbook: bytes },
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [],
      );
    }
  } catch (error) {
    parentPort!.postMessage(failureOf(error));
  }
});
