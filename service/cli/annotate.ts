// npm run annotate -- <文件或文件夹> [--as-of YYYY-MM-DD] [--out <文件夹>] [--url <服务地址>] [--token <令牌>]
//
// Annotates workbooks from the shell, for IT staff. It is a client of the running service, as the
// web page is: the service owns its data directory (a second process is refused by the lock), and
// annotating writes rows, so it goes through the service's sign-in, roles and audit.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { annotateWorkbook } from '../../client/api.ts';
import type { ReceivedSummary, SheetReport } from '../../client/annotation-summary.ts';
import { ServiceError, type Connection } from '../../client/service.ts';

const USAGE = `用法：npm run annotate -- <.xlsx 文件或文件夹> [--as-of YYYY-MM-DD] [--out <输出文件夹>] [--url <服务地址>] [--token <令牌>]
  服务地址默认取环境变量 LEDGER_SERVICE_URL（否则 https://localhost:3000），令牌取 LEDGER_TOKEN。
  文件夹：标注其中每个 .xlsx（不含子文件夹），结果默认写入其中的「已标注」文件夹；
  单个文件：结果默认写在原文件旁边，文件名加「（已标注）」。`;

const ANNOTATED_DIR = '已标注';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        'as-of': { type: 'string' },
        out: { type: 'string' },
        url: { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const url = (values.url ?? process.env.LEDGER_SERVICE_URL ?? 'https://localhost:3000').replace(/\/+$/, '');
  const token = values.token ?? process.env.LEDGER_TOKEN ?? '';
  if (!token) {
    console.error('缺少令牌：请设置环境变量 LEDGER_TOKEN，或使用 --token');
    return 2;
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    console.error(`--as-of「${asOf}」应为 YYYY-MM-DD`);
    return 2;
  }

  const target = path.resolve(positionals[0]);
  const stat = await fs.stat(target).catch(() => null);
  if (!stat) {
    console.error(`找不到「${target}」`);
    return 2;
  }
  const files = stat.isDirectory() ? await workbooksIn(target) : [target];
  const outDir = path.resolve(values.out ?? (stat.isDirectory() ? path.join(target, ANNOTATED_DIR) : path.dirname(target)));
  if (files.length === 0) {
    console.error(`「${target}」中没有 .xlsx 文件`);
    return 2;
  }
  await fs.mkdir(outDir, { recursive: true });

  let failed = 0;
  for (const file of files) {
    try {
      const { name, workbook, summary } = await annotate({ baseUrl: url, token }, file, asOf);
      const written = path.join(outDir, name);
      await fs.writeFile(written, workbook);
      console.log(`✔ ${path.basename(file)} → ${written}`);
      for (const line of describe(summary)) console.log(`  ${line}`);
    } catch (error) {
      failed++;
      console.log(`✘ ${path.basename(file)}：${error instanceof ServiceError ? error.message : `意外错误：${(error as Error).message}`}`);
    }
  }
  console.log(`共 ${files.length} 个文件，成功 ${files.length - failed} 个${failed ? `，失败 ${failed} 个` : ''}。`);
  return failed ? 1 : 0;
}

/** The .xlsx files of a folder, without Excel's lock files (~$…) and earlier results. */
async function workbooksIn(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  return entries
    .filter(
      (entry) => entry.isFile() && /\.xlsx$/i.test(entry.name) && !entry.name.startsWith('~$') && !/（已标注）\.xlsx$/i.test(entry.name),
    )
    .map((entry) => path.join(folder, entry.name))
    .sort();
}

async function annotate(connection: Connection, file: string, asOf: string | undefined) {
  const workbook = new Blob([new Uint8Array(await fs.readFile(file))]);
  try {
    const { file: annotated, summary } = await annotateWorkbook(connection, workbook, path.basename(file), asOf);
    return { name: path.basename(annotated.name), workbook: Buffer.from(await annotated.blob.arrayBuffer()), summary };
  } catch (error) {
    throw error instanceof ServiceError && error.status === 0 ? unreachable(connection, error) : error;
  }
}

/** Why the service could not be reached, with what IT staff can do about it. */
function unreachable(connection: Connection, error: ServiceError): ServiceError {
  const cause = (error.cause as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const hint = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(String(cause?.code))
    ? '；服务使用自签名证书时，请以 NODE_EXTRA_CA_CERTS 指定其根证书'
    : '；服务是否已启动？';
  return new ServiceError(
    0,
    'network',
    `无法连接服务 ${connection.baseUrl}（${cause?.code ?? cause?.message ?? (error.cause as Error).message}）${hint}`,
  );
}

function describe(summary: ReceivedSummary): string[] {
  return (summary.sheets ?? []).map((sheet) => `工作表「${sheet.sheet}」：${describeSheet(sheet)}`);
}

function describeSheet(sheet: SheetReport): string {
  if (!sheet.ledger) return sheet.notAnnotated ?? '未识别';
  if (sheet.notAnnotated) return `${sheet.ledger.name}，${sheet.notAnnotated}`;
  const parts = [
    `${sheet.ledger.name}，${sheet.rows} 行`,
    `有错误 ${sheet.invalid} 行`,
    `仅有提示 ${sheet.warnings} 行`,
    `超期 ${sheet.overdue} 行`,
    `临期 ${sheet.dueSoon} 行`,
  ];
  if (sheet.conflicts) parts.push(`版本冲突 ${sheet.conflicts} 行`);
  if (sheet.missingRequired.length) parts.push(`缺少必填列：${sheet.missingRequired.join('、')}`);
  return parts.join('，');
}

process.exitCode = await main();
