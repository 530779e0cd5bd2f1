// npm run backup   Takes a backup of the data directory now, with the service stopped (before an
// upgrade, or before moving the data): backups/手动-<date>-<time>/, which the daily rotation keeps.
// While the service runs it owns the data directory and backs it up itself every day, so this
// command refuses then rather than copy ledgers the service may be writing.

import path from 'node:path';
import { configFromEnv } from '../config.ts';
import { LEDGERS } from '../domain/ledgers/index.ts';
import { FileStore, backupName } from '../store/file-store.ts';

if (process.argv.length > 2) {
  console.error('用法：npm run backup（先停止服务；备份保存在 数据目录/backups/ 下）');
  process.exit(2);
}
try {
  const { dataDir, timeZone } = configFromEnv();
  let store: FileStore;
  try {
    store = await FileStore.open(
      dataDir,
      LEDGERS.map((ledger) => ledger.id),
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}。服务运行时每天自动备份；如需立即备份，请先停止服务再运行本命令`);
  }
  try {
    const target = await store.exclusive(() => store.backupAs(backupName('手动', new Date(), timeZone)));
    console.log(`已备份到：${path.join(dataDir, 'backups', target.name)}（含全部台账、用户、规则、节假日设置和审计日志）`);
  } finally {
    await store.close();
  }
} catch (error) {
  console.error(`备份失败：${(error as Error).message}`);
  process.exit(1);
}
