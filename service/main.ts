// `npm start`: the service on the configured data directory, until SIGINT or SIGTERM.

import { configFromEnv } from './config.ts';
import { startService } from './server.ts';

try {
  const config = configFromEnv();
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
