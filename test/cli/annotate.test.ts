// `npm run annotate`: IT staff annotate a file or a folder of files from the shell, through the
// running service.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ADMIN_TOKEN, ROOT, Sandbox, storedRows, type TestService } from '../helpers/service.ts';
import { cellUnder, CLERK_HEADER_ROW, CLERK_ROWS, CLERK_SHEET, clerkWorkbook, loadWorkbook } from '../helpers/workbooks.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'service', 'cli', 'annotate.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, LEDGER_SERVICE_URL: '', LEDGER_TOKEN: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('annotating from the command line', () => {
  const sandbox = new Sandbox();
  let service: TestService;
  let folder: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    service = await sandbox.start();
    folder = await sandbox.dataDir();
    env = { LEDGER_SERVICE_URL: service.url, LEDGER_TOKEN: ADMIN_TOKEN };
  });
  afterEach(() => sandbox.cleanUp());

  it('annotates every workbook of a folder into 已标注, reports each, and fails on the bad one', async () => {
    const workbook = await clerkWorkbook();
    await fs.writeFile(path.join(folder, '10月台账.xlsx'), workbook);
    await fs.writeFile(path.join(folder, '导出.xlsx'), '案号,立案日期\n');
    await fs.writeFile(path.join(folder, '~$10月台账.xlsx'), 'Excel lock file');
    await fs.writeFile(path.join(folder, '说明.txt'), '不是工作簿');

    const run = await runCli([folder, '--as-of', '2026-10-05'], env);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /✔ 10月台账\.xlsx → .*已标注\/10月台账（已标注）\.xlsx/);
    assert.match(
      run.stdout,
      new RegExp(`工作表「${CLERK_SHEET}」：执行案件流转台账，5 行，有错误 2 行，仅有提示 \\d+ 行，超期 2 行，临期 1 行`),
    );
    assert.match(run.stdout, /✘ 导出\.xlsx：.*CSV/);
    assert.match(run.stdout, /共 2 个文件，成功 1 个，失败 1 个/);
    assert.deepEqual(await fs.readdir(path.join(folder, '已标注')), ['10月台账（已标注）.xlsx']);

    const sheet = (await loadWorkbook(await fs.readFile(path.join(folder, '已标注', '10月台账（已标注）.xlsx')))).getWorksheet(
      CLERK_SHEET,
    )!;
    assert.equal(cellUnder(sheet, CLERK_HEADER_ROW, '预警', CLERK_ROWS.overdue).value, '超期');
    assert.equal((await storedRows(service)).length, 5);

    // Run again on the same folder: the results are not annotated a second time.
    const again = await runCli([folder, '--as-of', '2026-10-05'], env);
    assert.match(again.stdout, /共 2 个文件/);
  });

  it('annotates one file into the folder given by --out, and exits 0', async () => {
    const file = path.join(folder, '台账.xlsx');
    await fs.writeFile(file, await clerkWorkbook());
    const out = path.join(folder, '结果');
    const run = await runCli([file, '--out', out], env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(await fs.readdir(out), ['台账（已标注）.xlsx']);
  });

  it('says in Chinese what is wrong with the token, the service address or the arguments', async () => {
    const file = path.join(folder, '台账.xlsx');
    await fs.writeFile(file, await clerkWorkbook());

    const wrongToken = await runCli([file], { ...env, LEDGER_TOKEN: 'wrong' });
    assert.equal(wrongToken.code, 1);
    assert.match(wrongToken.stdout, /令牌无效/);

    const noService = await runCli([file], { ...env, LEDGER_SERVICE_URL: 'http://127.0.0.1:9' });
    assert.equal(noService.code, 1);
    assert.match(noService.stdout, /无法连接服务 http:\/\/127\.0\.0\.1:9/);

    const usage = await runCli([], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /用法：npm run annotate/);
    const badDate = await runCli([file, '--as-of', '2026/10/05'], env);
    assert.equal(badDate.code, 2);
    assert.match(badDate.stderr, /YYYY-MM-DD/);
  });
});
