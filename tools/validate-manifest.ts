// npm run validate: checks manifest.xml offline and that the service serves every URL it names
// (the built pages, icons, and office.js the pages load). Needs `npm run build` first.

import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv } from '../service/config.ts';
import { startService } from '../service/server.ts';
import { checkManifest, checkServed } from './manifest-check.ts';

const root = path.resolve(import.meta.dirname, '..');
const report = checkManifest(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'));
const problems = [...report.errors];
if (!fs.existsSync(path.join(root, 'dist', 'taskpane.html'))) {
  problems.push('dist/ 中没有构建好的加载项页面：请先运行 npm run build');
} else if (report.errors.length === 0) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-validate-'));
  const service = await startService(configFromEnv({ HTTPS: '0', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }), () => undefined);
  try {
    problems.push(...(await checkServed(report.urls, service.url)));
  } finally {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
if (problems.length > 0) {
  console.error(`manifest.xml 检查未通过（${problems.length} 处）：`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`manifest.xml 检查通过：结构与顺序正确，${report.urls.length} 个网址均在 ${report.origin} 上，且服务都能提供。`);
