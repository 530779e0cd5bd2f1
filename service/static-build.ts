// The add-in's pages and the web page are built by webpack into dist/, which the service serves.
// `npm start` builds them first when dist/ is missing or older than any file the last build read
// (dist/build-inputs.json, written by webpack.config.js): a fresh clone, or an update pulled since.
// An up-to-date dist/ starts at once.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The pages the manifest, the web page and the WPS 加载项 need; without any of them dist/ is rebuilt. */
const PAGES = [
  'taskpane.html',
  'commands.html',
  path.join('web', 'index.html'),
  path.join('wps', 'install.html'),
  path.join('wps', 'addin', 'index.html'),
  path.join('wps', 'addin', 'taskpane.html'),
];

/** Why dist/ must be built (in Chinese, for the console), or null when it is up to date. */
export function buildReason(root: string): string | null {
  const dist = path.join(root, 'dist');
  const missing = PAGES.find((page) => !fs.existsSync(path.join(dist, page)));
  if (missing !== undefined) return `dist/ 中没有 ${missing.split(path.sep).join('/')}`;
  let inputs: { builtAt: number; files: string[] };
  try {
    inputs = JSON.parse(fs.readFileSync(path.join(dist, 'build-inputs.json'), 'utf8'));
  } catch {
    return 'dist/ 不是由当前版本构建的';
  }
  for (const file of inputs.files) {
    const stat = fs.statSync(path.join(root, file), { throwIfNoEntry: false });
    if (stat === undefined) return `${file} 已删除`;
    if (stat.mtimeMs > inputs.builtAt) return `${file} 在上次构建后有改动`;
  }
  return null;
}

/**
 * Builds dist/ when it is missing or stale. A failed build with a usable dist/ is said and the old
 * pages are served; without one it throws: the service would answer 404 for the add-in.
 */
export function buildIfStale(root: string, log: (line: string) => void, webpackOutput: 'inherit' | 'ignore' = 'inherit'): void {
  const reason = buildReason(root);
  if (reason === null) return;
  log(`正在构建加载项和网页版（${reason}），约需半分钟……`);
  const failure = runWebpack(root, webpackOutput);
  if (failure === null) {
    log('加载项和网页版构建完成。');
    return;
  }
  if (!fs.existsSync(path.join(root, 'dist', 'taskpane.html'))) throw new Error(`无法构建加载项和网页版：${failure}`);
  log(`注意：加载项和网页版未能重新构建（${failure}），继续使用 dist/ 中原有的版本。`);
}

/** Runs webpack as `npm run build` does; the reason it failed, or null. */
function runWebpack(root: string, output: 'inherit' | 'ignore'): string | null {
  let cli: string;
  try {
    cli = createRequire(path.join(root, 'package.json')).resolve('webpack-cli/bin/cli.js');
  } catch {
    return '找不到 webpack。请在程序目录运行 npm install（不要加 --omit=dev 或 --production）后重试';
  }
  const run = spawnSync(process.execPath, [cli, '--mode', 'production'], { cwd: root, stdio: ['ignore', output, 'inherit'] });
  if (run.error) return run.error.message;
  if (run.status !== 0) return `webpack 退出码 ${run.status ?? run.signal}，原因见上方输出`;
  return null;
}
