// npm run restore -- <YYYY-MM-DD> [--all]   Restores the ledgers from the daily backup of that date
// (with --all also users, rules and the calendar); the service must be stopped. The data as it
// stood is copied aside first, and the restore is written to the audit log.

import path from 'node:path';
import { configFromEnv } from '../config.ts';
import { restoreBackup } from '../store/file-store.ts';

const args = process.argv.slice(2);
const all = args.includes('--all');
const names = args.filter((arg) => arg !== '--all');
if (names.length !== 1 || names[0].startsWith('-')) {
  console.error('用法：npm run restore -- <备份日期 YYYY-MM-DD> [--all]');
  console.error('先停止服务。备份在 数据目录/backups/ 下；默认只恢复台账，加 --all 同时恢复用户、规则和节假日设置。');
  process.exit(2);
}
const [name] = names;
try {
  const { dataDir, timeZone } = configFromEnv();
  const { safetyCopy, restored, kept } = await restoreBackup(dataDir, name, { all, timeZone });
  console.log(`恢复前的数据已另存到：${safetyCopy}`);
  console.log(`已从备份 ${name} 恢复：${restored.join('、')}`);
  if (kept.length > 0) console.log(`未恢复、保持现状：${kept.join('、')}（如需一并恢复，请加 --all）`);
  console.log(`如需撤销本次恢复：npm run restore -- ${path.basename(safetyCopy)} --all`);
} catch (error) {
  console.error(`恢复失败：${(error as Error).message}`);
  process.exit(1);
}
