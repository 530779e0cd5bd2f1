// Configuration from the environment (README lists every variable).

import os from 'node:os';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** HTTPS unless HTTPS=0 (tests, or behind a proxy that terminates TLS). */
  https: boolean;
  tlsCert: string;
  tlsKey: string;
  /** The certificate paths are office-addin-dev-certs' defaults (no TLS_CERT/TLS_KEY): they may be generated. */
  tlsDevelopment: boolean;
  /** When set, the first start creates the admin with this token instead of a random one. */
  adminToken: string | undefined;
  timeZone: string;
  /** Origins allowed to call the API from a browser besides the service's own pages. */
  corsOrigins: string[];
  backupsKept: number;
}

/** ADMIN_TOKEN is the admin's password: shorter ones are guessed too easily (a generated one has 36). */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const devCerts = path.join(os.homedir(), '.office-addin-dev-certs');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT「${env.PORT}」不是有效端口`);
  const timeZone = env.LEDGER_TZ || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`LEDGER_TZ「${timeZone}」不是有效时区，例如 Asia/Shanghai`);
  }
  const adminToken = env.ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && [...adminToken].length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new Error(
      `ADMIN_TOKEN 太短（${[...adminToken].length} 个字符），管理员令牌至少需要 ${MIN_ADMIN_TOKEN_LENGTH} 个字符。` +
        '请换一个更长的随机令牌，或不设置 ADMIN_TOKEN，由首次启动自动生成并显示一次',
    );
  }
  if (adminToken !== undefined && /\s/.test(adminToken)) {
    throw new Error('ADMIN_TOKEN 不能含有空格或换行：登录时令牌里的空格无法输入');
  }
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    https: env.HTTPS !== '0' && env.HTTPS !== 'false',
    tlsCert: env.TLS_CERT || path.join(devCerts, 'localhost.crt'),
    tlsKey: env.TLS_KEY || path.join(devCerts, 'localhost.key'),
    tlsDevelopment: !env.TLS_CERT && !env.TLS_KEY,
    adminToken,
    timeZone,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    backupsKept: Number(env.BACKUPS_KEPT ?? 30),
  };
}
