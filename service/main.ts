// `npm start`: the service on the configured data directory, until SIGINT or SIGTERM; the add-in and
// the web page are built first when dist/ is missing or older than its sources.

import path from 'node:path';
import { configFromEnv } from './config.ts';
import { startService } from './server.ts';
import { buildIfStale } from './static-build.ts';

try {
  const config = configFromEnv();
  // A fresh clone (or an update) has no up-to-date dist/: the add-in and the web page are built first
  // (not under npm run dev-server, whose webpack --watch keeps dist/ up to date itself).
  if (process.env.BUILD_AT_START !== '0') buildIfStale(path.resolve(import.meta.dirname, '..'), console.log);
  const service = await startService(config);
  // A configured ADMIN_TOKEN is never printed: the administrator has it, and logs keep what is printed.
  if (service.adminToken && config.adminToken) {
    console.log('首次启动，已用 ADMIN_TOKEN 中的令牌创建管理员 admin。');
  } else if (service.adminToken) {
    console.log('首次启动，已创建管理员 admin。管理员令牌（只显示这一次，请妥善保存）：');
    console.log(service.adminToken);
  }
  const stop = async () => {
    await service.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`执行台账助手无法启动：${(error as Error).message}`);
  process.exit(1);
}
