// Annotating a 50,000-row workbook through HTTP, against its floor: exceljs reading and writing the
// same workbook and nothing else. Each figure is measured in a fresh process, so the peak resident
// memory (RSS) belongs to that work alone; once more under a 1.5 GB heap limit, where V8 collects
// garbage sooner, to show what the work needs rather than what an idle heap lets it keep. Then the
// annotation's own steps (the worker's read, the sync on the main thread, the worker's write), timed
// by the annotator without HTTP, and exceljs reading and writing the annotated result (a check that
// it is a workbook exceljs takes, at about the input's cost). Prints one JSON line per figure.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { casesLedger } from '../service/domain/ledgers/cases/definition.ts';
import { caseRows } from './case-rows.ts';

const ROWS = 50_000;
const TOKEN = 'bench-admin-token-0123456789abcdef';

interface Measure {
  ms: number;
  rssMb: number;
  /** The annotation's steps, in ms (the split). */
  steps?: Record<string, number>;
}

/** A clerk's workbook: a merged title, their own 序号 and 备注 columns, the ledger's columns, 50,000 cases. */
async function clerkWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2026年案件');
  const columns = casesLedger.columns;
  sheet.getCell('A1').value = '2026年执行案件流转台账';
  sheet.mergeCells(1, 1, 1, columns.length + 2);
  sheet.addRow([]);
  sheet.addRow(['序号', ...columns.map((column) => column.header), '备注']);
  caseRows(ROWS).forEach((row, index) => {
    const values: Record<string, unknown> = row.values;
    sheet.addRow([index + 1, ...columns.map((column) => values[column.id] ?? null), index % 9 === 0 ? '已约谈' : null]);
  });
  await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** exceljs alone: load and write back, as the annotation must at least. */
async function floor(file: string): Promise<number> {
  const input = await readFile(file);
  const start = performance.now();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(input as unknown as ArrayBuffer);
  await workbook.xlsx.writeBuffer();
  return performance.now() - start;
}

/** The whole path: upload, inspection, reading, sync into a fresh ledger, write-back, download. */
async function annotate(file: string, output: string): Promise<number> {
  const { configFromEnv } = await import('../service/config.ts');
  const { startService } = await import('../service/server.ts');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-bench-annotate-'));
  const service = await startService(
    configFromEnv({ HTTPS: '0', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN }),
    () => {},
  );
  try {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await readFile(file))]), 'bench.xlsx');
    const start = performance.now();
    const response = await fetch(`${service.url}/api/workbooks/annotate?asOf=2026-11-26`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: form,
    });
    const body = Buffer.from(await response.arrayBuffer());
    const elapsed = performance.now() - start;
    if (response.status !== 200) throw new Error(`annotate failed: HTTP ${response.status} ${body.toString('utf8').slice(0, 300)}`);
    const summary = JSON.parse(decodeURIComponent(response.headers.get('x-annotation-summary') ?? '{}'));
    if (summary.sheets?.[0]?.rows !== ROWS) throw new Error(`annotated ${summary.sheets?.[0]?.rows} rows, not ${ROWS}`);
    await writeFile(output, body);
    return elapsed;
  } finally {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The annotator alone, on an in-memory store, timing its steps. */
async function split(file: string): Promise<Measure> {
  const { LedgerService } = await import('../service/ledger-service.ts');
  const { SettingsHolder } = await import('../service/settings.ts');
  const { MemoryStore } = await import('../service/store/memory-store.ts');
  const { WorkbookAnnotator } = await import('../service/workbook/annotate.ts');
  const store = new MemoryStore([casesLedger.id]);
  const settings = await SettingsHolder.load(store.documents);
  const steps: Record<string, number> = {};
  const annotator = new WorkbookAnnotator(new LedgerService(store, settings.get, 'Asia/Shanghai'), [casesLedger], 'Asia/Shanghai', {
    onStep: (step, ms) => (steps[step] = ms),
  });
  const start = performance.now();
  const { summary } = await annotator.annotate(await readFile(file), { name: 'bench', roles: ['admin'] }, '2026-11-26');
  const ms = performance.now() - start;
  if (summary.sheets[0]?.rows !== ROWS) throw new Error(`annotated ${summary.sheets[0]?.rows} rows, not ${ROWS}`);
  await store.close();
  return { ms, rssMb: 0, steps };
}

function measureInChild(kind: string, file: string, nodeOptions: string[] = []): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', import.meta.filename, '--measure', kind, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Measure) : reject(new Error(`${kind} exited with ${code}`))));
  });
}

const [flag, kind, file] = process.argv.slice(2);
if (flag === '--measure') {
  if (kind === 'split') process.stdout.write(JSON.stringify(await split(file)));
  else {
    const ms = kind === 'floor' ? await floor(file) : await annotate(file, `${file}.annotated.xlsx`);
    process.stdout.write(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024 }));
  }
} else {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-bench-workbook-'));
  try {
    const workbook = path.join(dir, 'cases.xlsx');
    await clerkWorkbook(workbook);
    const base = await measureInChild('floor', workbook);
    const full = await measureInChild('annotate', workbook);
    const bounded = await measureInChild('annotate', workbook, ['--max-old-space-size=1536']);
    const steps = (await measureInChild('split', workbook)).steps ?? {};
    const output = await measureInChild('floor', `${workbook}.annotated.xlsx`);
    const line = (name: string, value: number, unit: string, floorValue: number) =>
      console.log(
        JSON.stringify({
          name,
          value: Math.round(value),
          unit,
          floor: Math.round(floorValue),
          ratio: Number((value / floorValue).toFixed(2)),
        }),
      );
    line(`annotate a ${ROWS}-row workbook over HTTP (floor: exceljs load + write of it)`, full.ms, 'ms', base.ms);
    line(`peak RSS annotating a ${ROWS}-row workbook (floor: exceljs load + write of it)`, full.rssMb, 'MB', base.rssMb);
    line(`annotate a ${ROWS}-row workbook with a 1.5 GB heap limit`, bounded.ms, 'ms', base.ms);
    line(`peak RSS annotating a ${ROWS}-row workbook with a 1.5 GB heap limit`, bounded.rssMb, 'MB', base.rssMb);
    line(`annotating ${ROWS} rows: the worker's read (inspection, cells, rows)`, steps.read, 'ms', base.ms);
    line(`annotating ${ROWS} rows: the sync on the main thread`, steps.sync, 'ms', base.ms);
    line(`annotating ${ROWS} rows: the worker's write (the annotated copy)`, steps.write, 'ms', base.ms);
    line(`exceljs load + write of the annotated ${ROWS}-row result (floor: of the input)`, output.ms, 'ms', base.ms);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
