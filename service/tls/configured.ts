// The administrator's certificate (TLS_CERT/TLS_KEY): used as it is, or the service refuses to
// start and says why. It never falls back to plain HTTP: that is only ever HTTPS=0.

import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { isIpAddress } from '../public-url.ts';

export interface LoadedCertificate {
  cert: string;
  key: string;
  validTo: Date;
}

const NO_HTTP = '。服务不会改用 HTTP 启动：请改正后重启；如确实要用 HTTP（位于反向代理之后），请设置 HTTPS=0';

export async function readConfiguredCertificate(
  paths: { cert: string; key: string },
  now: Date,
  hosts: readonly string[],
  log: (line: string) => void,
): Promise<LoadedCertificate> {
  const certText = await readSetting('TLS_CERT', '证书文件', paths.cert);
  const keyText = await readSetting('TLS_KEY', '私钥文件', paths.key);
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certText);
  } catch {
    throw new Error(`TLS_CERT 指定的文件 ${paths.cert} 不是有效的证书（应为 PEM 格式，以 -----BEGIN CERTIFICATE----- 开头）${NO_HTTP}`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(keyText);
  } catch {
    throw new Error(`TLS_KEY 指定的文件 ${paths.key} 不是有效的私钥（应为 PEM 格式、未设密码的私钥）${NO_HTTP}`);
  }
  const validTo = new Date(cert.validTo);
  if (validTo.getTime() <= now.getTime()) {
    throw new Error(`TLS_CERT 指定的证书 ${paths.cert} 已于 ${dayOf(validTo)} 过期，请换用有效的证书${NO_HTTP}`);
  }
  const validFrom = new Date(cert.validFrom);
  if (validFrom.getTime() > now.getTime()) {
    throw new Error(`TLS_CERT 指定的证书 ${paths.cert} 自 ${dayOf(validFrom)} 起才生效，请检查服务器时钟或换用有效的证书${NO_HTTP}`);
  }
  if (!cert.checkPrivateKey(key)) {
    throw new Error(`TLS_KEY 的私钥 ${paths.key} 与 TLS_CERT 的证书 ${paths.cert} 不匹配，请确认两者取自同一套证书${NO_HTTP}`);
  }
  for (const host of uncovered(cert, hosts)) {
    log(`注意：证书 ${paths.cert} 不含 PUBLIC_URL 的主机 ${host}，书记员电脑用这个地址访问时会提示证书错误。`);
  }
  return { cert: certText, key: keyText, validTo };
}

/** The hosts the certificate's names do not cover. */
export function uncovered(cert: X509Certificate, hosts: readonly string[]): string[] {
  return hosts.filter((host) => (isIpAddress(host) ? cert.checkIP(host) : cert.checkHost(host)) === undefined);
}

async function readSetting(variable: string, what: string, file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${variable} 指定的${what} ${file} 不存在${NO_HTTP}`);
    throw new Error(`无法读取 ${variable} 指定的${what} ${file}（${code ?? (error as Error).message}），请检查路径和文件权限${NO_HTTP}`);
  }
}

export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
