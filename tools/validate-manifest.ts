// npm run validate: checks manifest.xml offline, and the manifest the service serves with PUBLIC_URL
// filled in (the one set, else an example court address), and that the service serves every URL it
// names (the built pages, icons, and office.js the pages load). Needs `npm run build` first.

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
const publicUrl = process.env.PUBLIC_URL || 'https://zxzh.court.local:3000';
try {
  configFromEnv({ PUBLIC_URL: publicUrl });
} catch (error) {
  problems.push((error as Error).message);
}
if (!fs.existsSync(path.join(root, 'dist', 'taskpane.html'))) {
  problems.push('dist/ 中没有构建好的加载项页面：请先运行 npm run build');
} else if (problems.length === 0) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-validate-'));
  const config = configFromEnv({ HTTPS: '0', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: publicUrl });
  const service = await startService(config, () => undefined);
  try {
    problems.push(...(await checkServed(report.urls, service.url)));
    const served = checkManifest(await (await fetch(`${service.url}/manifest.xml`)).text());
    problems.push(...served.errors.map((error) => `服务提供的 manifest.xml：${error}`));
    if (served.origin !== service.publicUrl)
      problems.push(`服务提供的 manifest.xml 的地址是 ${served.origin}，应为 PUBLIC_URL ${service.publicUrl}`);
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
console.log(
  `manifest.xml 检查通过：结构与顺序正确，${report.urls.length} 个网址均在同一地址上且服务都能提供；服务提供的清单已换成 PUBLIC_URL 的地址。`,
);
