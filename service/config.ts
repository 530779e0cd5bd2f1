// Configuration from the environment (README lists every variable).

import path from 'node:path';
import { parsePublicUrls } from './public-url.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** HTTPS unless HTTPS=0 (tests, or behind a proxy that terminates TLS). */
  https: boolean;
  /** The administrator's certificate (TLS_CERT/TLS_KEY); null: the service's own, from its CA in DATA_DIR/tls. */
  tls: { cert: string; key: string } | null;
  /**
   * The addresses clients use (PUBLIC_URL, origins without a trailing slash), the first in the manifest and
   * the web page; empty when unset: https://localhost:<port> once the service listens.
   */
  publicUrls: string[];
  /** When set, the first start creates the admin with this token instead of a random one. */
  adminToken: string | undefined;
  timeZone: string;
  /** Origins allowed to call the API from a browser besides the service's own pages (CORS_ORIGINS; unset: the public URLs). */
  corsOrigins: string[] | null;
  backupsKept: number;
  /** Font files the 周通报's charts may draw text in besides the system's (REPORT_CHART_FONT, paths split by ':'). */
  chartFontFiles: string[];
}

/** ADMIN_TOKEN is the admin's password: shorter ones are guessed too easily (a generated one has 36). */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
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
  const https = env.HTTPS !== '0' && env.HTTPS !== 'false';
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    https,
    tls: configuredCertificate(env),
    publicUrls: parsePublicUrls(env.PUBLIC_URL ?? '', https),
    adminToken,
    timeZone,
    corsOrigins: corsOrigins.length > 0 ? corsOrigins : null,
    backupsKept: Number(env.BACKUPS_KEPT ?? 30),
    chartFontFiles: (env.REPORT_CHART_FONT ?? '')
      .split(path.delimiter)
      .filter(Boolean)
      .map((file) => path.resolve(file)),
  };
}

/** TLS_CERT and TLS_KEY go together: one alone is a mistake, never a reason to make our own certificate. */
function configuredCertificate(env: NodeJS.ProcessEnv): Config['tls'] {
  const cert = env.TLS_CERT || '';
  const key = env.TLS_KEY || '';
  if (cert === '' && key === '') return null;
  if (cert === '')
    throw new Error(`已设置 TLS_KEY（${key}），但没有设置 TLS_CERT：请同时指定证书文件和私钥文件，或两个都不设置，由服务自动生成证书`);
  if (key === '')
    throw new Error(`已设置 TLS_CERT（${cert}），但没有设置 TLS_KEY：请同时指定证书文件和私钥文件，或两个都不设置，由服务自动生成证书`);
  return { cert: path.resolve(cert), key: path.resolve(key) };
}
