// The worker that writes a 分案清单 file (assignment-service.ts): a team's whole open list is
// thousands of rows, and the Word document of 4,000 of them takes seconds to pack; here it does not
// hold up the syncs answered meanwhile. One message: the list, the report settings and the format.

import { parentPort } from 'node:worker_threads';
import type { AssignmentList } from '../domain/assignment-list.ts';
import type { ReportSettings } from '../domain/report/report-settings.ts';
import { failureOf } from '../workers/worker-thread.ts';
import { assignmentDocument } from './document.ts';
import { assignmentWorkbook } from './workbook.ts';

interface Message {
  list: AssignmentList;
  settings: ReportSettings;
  format: 'xlsx' | 'docx';
}

parentPort!.on('message', async ({ list, settings, format }: Message) => {
  try {
    const bytes = new Uint8Array(format === 'xlsx' ? await assignmentWorkbook(list) : await assignmentDocument(list, settings));
    parentPort!.postMessage({ bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage(failureOf(error));
  }
});
