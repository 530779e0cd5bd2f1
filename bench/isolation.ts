// No request stalls the others: the p99 of a one-row sync on an idle service (the floor), while
// three crafted uploads (10.5 million shared strings each, read in worker threads) run, and while
// the weekly report over 100,000 case rows is built. Target: 300 ms.

import { addUser, Sandbox, type TestService } from '../test/helpers/service.ts';
import { annotate, sharedStringsBomb } from '../test/helpers/workbooks.ts';
import { caseRows } from './case-rows.ts';
import { line, percentile } from './measure.ts';

const SYNCS = 200;
const REPORT_ROWS = 100_000;

async function syncLatencies(service: TestService, count: number, busy: () => boolean = () => true): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; latencies.length < count && busy(); index++) {
    const begin = performance.now();
    const reply = await service.admin.sync([{ values: { caseNo: `（2026）豫0102执${900_000 + index}号`, filedOn: '2026-10-12' } }]);
    if (reply.status !== 200) throw new Error(`sync answered ${reply.status}`);
    latencies.push(performance.now() - begin);
  }
  return latencies;
}

const sandbox = new Sandbox();
try {
  const service = await sandbox.startOnDisk();
  const rows = caseRows(REPORT_ROWS);
  for (let start = 0; start < rows.length; start += 5_000) {
    const reply = await service.admin.sync(rows.slice(start, start + 5_000));
    if (reply.status !== 200) throw new Error(`seeding answered ${reply.status}`);
  }
  await syncLatencies(service, 20);
  const idle = percentile(await syncLatencies(service, SYNCS), 99);

  const bomb = sharedStringsBomb();
  // One after another: users.json is rewritten by each.
  const tokens: string[] = [];
  for (const n of [1, 2, 3]) tokens.push(await addUser(service, `上传员${n}`, ['admin']));
  let uploading = true;
  const uploads = Promise.all(
    tokens.map(async (token) => {
      for (let round = 0; round < 3; round++) await annotate(service, bomb, { token });
    }),
  ).finally(() => (uploading = false));
  const duringUploads = percentile(await syncLatencies(service, SYNCS, () => uploading), 99);
  await uploads;
  if (!(await annotate(service, bomb, { token: tokens[0] })).text.includes('too_many_strings'))
    throw new Error('the upload was not refused');
  line('sync p99 while 3 crafted uploads run (ms)', duringUploads, idle, 'ms');

  let building = true;
  const report = service.admin.get('/api/reports/weekly?week=2026-W40&format=xlsx').finally(() => (building = false));
  const duringReport = percentile(await syncLatencies(service, SYNCS * 5, () => building), 99);
  if ((await report).status !== 200) throw new Error('the weekly report was not built');
  line(`sync p99 while the weekly report over ${REPORT_ROWS.toLocaleString('en-US')} rows is built (ms)`, duringReport, idle, 'ms');
} finally {
  await sandbox.cleanUp();
}
