// npm run restore -- <YYYY-MM-DD>   Restores the daily backup of that date; the service must be stopped.

import { configFromEnv } from '../config.ts';
import { isCivilDate } from '../domain/civil-date.ts';
import { restoreBackup } from '../store/file-store.ts';

const [date] = process.argv.slice(2);
if (!isCivilDate(date)) {
  console.error('用法：npm run restore -- <备份日期 YYYY-MM-DD>（先停止服务；备份在 数据目录/backups/ 下）');
  process.exit(2);
}
try {
  const { dataDir } = configFromEnv();
  const restored = await restoreBackup(dataDir, date);
  console.log(`已从 ${date} 的备份恢复：${restored.join('、')}`);
} catch (error) {
  console.error(`恢复失败：${(error as Error).message}`);
  process.exit(1);
}
