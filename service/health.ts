// What the administrator must act on, for GET /api/health and the console (at start and daily):
// writes refused by the disk (the store's own warnings), a year without holiday data, the
// administrator's certificate about to expire, a data directory running out of space, backups
// that stopped. Each warning is { code, message }, the message in Chinese for the administrator.

import { promises as fs } from 'node:fs';
import { civilDateAt, diffDays, splitCivil } from './domain/civil-date.ts';
import type { Calendar } from './domain/calendar.ts';
import type { Store } from './store/store.ts';

export interface HealthWarning {
  code: string;
  message: string;
}

export interface DiskSpace {
  /** Bytes free for the service's account. */
  free: number;
  total: number;
}

export interface CertificateExpiry {
  /** The administrator's certificate (TLS_CERT): ours renews itself and is never warned about. */
  configured: boolean;
  validTo: Date;
  file: string;
}

export interface HealthSources {
  store: Store;
  calendar: () => Calendar;
  clock: () => Date;
  timeZone: string;
  dataDir: string;
  certificate: () => CertificateExpiry | null;
  /** The free space where `dir` is; null when it cannot be told (no such directory). */
  diskSpace?: (dir: string) => Promise<DiskSpace | null>;
}

const DAY = 86_400_000;
const GB = 1024 ** 3;
/** From this month on, next year's holiday data is asked for (the State Council publishes it around November). */
const NEXT_YEAR_FROM_MONTH = 11;
export const CERTIFICATE_WARN_DAYS = 30;
export const DISK_LOW_BYTES = GB;
export const DISK_LOW_SHARE = 0.1;
export const BACKUP_OLD_DAYS = 2;

export async function healthWarnings(sources: HealthSources): Promise<HealthWarning[]> {
  const today = civilDateAt(sources.clock(), sources.timeZone);
  const checks = [
    calendarWarning(sources.calendar(), today),
    certificateWarning(sources.certificate(), sources.clock()),
    diskWarning(sources.dataDir, await (sources.diskSpace ?? statfsSpace)(sources.dataDir)),
    backupWarning(await sources.store.lastBackup(), today, sources.dataDir),
  ];
  return [...sources.store.warnings(), ...checks.filter((warning) => warning !== null)];
}

function calendarWarning(calendar: Calendar, today: string): HealthWarning | null {
  const { year, month } = splitCivil(today);
  const wanted = month >= NEXT_YEAR_FROM_MONTH ? [year, year + 1] : [year];
  const missing = wanted.filter((wantedYear) => !calendar.hasDataFor(wantedYear));
  if (missing.length === 0) return null;
  const years = missing.map((missingYear) => `${missingYear}年`).join('、');
  return {
    code: 'calendar-missing',
    message: `${years}的法定节假日和调休安排尚未录入，落在${years}的期限暂按周末推算。请管理员按国务院办公厅公布的放假安排录入。`,
  };
}

function certificateWarning(certificate: CertificateExpiry | null, now: Date): HealthWarning | null {
  if (certificate === null || !certificate.configured) return null;
  const left = certificate.validTo.getTime() - now.getTime();
  if (left >= CERTIFICATE_WARN_DAYS * DAY) return null;
  const day = certificate.validTo.toISOString().slice(0, 10);
  const when = left > 0 ? `将于 ${day} 到期（还有 ${Math.ceil(left / DAY)} 天）` : `已于 ${day} 过期`;
  return {
    code: 'certificate-expiring',
    message: `服务证书 ${certificate.file} ${when}，过期后加载项和网页版都无法连接。请申请新证书，替换 TLS_CERT、TLS_KEY 所指的文件后重启服务。`,
  };
}

function diskWarning(dataDir: string, space: DiskSpace | null): HealthWarning | null {
  if (space === null || space.total <= 0) return null;
  if (space.free >= DISK_LOW_BYTES && space.free >= space.total * DISK_LOW_SHARE) return null;
  const free = (space.free / GB).toFixed(1);
  const share = Math.floor((space.free / space.total) * 100);
  return {
    code: 'disk-low',
    message: `数据目录 ${dataDir} 所在磁盘只剩 ${free} GB 可用（${share}%），空间用尽后台账修改将无法保存。请清理或扩容该磁盘（旧备份在 backups 下）。`,
  };
}

function backupWarning(last: string | null, today: string, dataDir: string): HealthWarning | null {
  if (last !== null && diffDays(today, last) <= BACKUP_OLD_DAYS) return null;
  const since = last === null ? '还没有任何备份' : `最近一次备份是 ${last}（${diffDays(today, last)} 天前）`;
  return {
    code: 'backup-old',
    message: `${since}，每日备份没有完成。请查看服务日志中「备份失败」的原因，检查数据目录 ${dataDir} 所在磁盘。`,
  };
}

async function statfsSpace(dir: string): Promise<DiskSpace | null> {
  try {
    const stats = await fs.statfs(dir);
    return { free: stats.bavail * stats.bsize, total: stats.blocks * stats.bsize };
  } catch {
    return null;
  }
}
