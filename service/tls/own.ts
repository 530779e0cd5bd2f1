// The service's own certificates, without TLS_CERT/TLS_KEY: a CA made once in DATA_DIR/tls (the
// clerks' PCs trust its ca.crt once), and a server certificate it signs for every host of
// PUBLIC_URL plus localhost and 127.0.0.1, renewed from the same CA 30 days before it expires or
// as soon as a host is not covered. Keys are the service account's only (0600, the directory 0700).

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE, writeDurably } from '../store/durable-file.ts';
import { dayOf, uncovered, type LoadedCertificate } from './configured.ts';
import { issueServerCertificate, makeCa, type KeyPair } from './issue.ts';

const DAY = 86_400_000;
/** A server certificate is renewed when it has fewer days left than this. */
export const RENEW_DAYS_BEFORE = 30;
const PRIVATE_DIRECTORY_MODE = 0o700;

export function tlsDirectory(dataDir: string): string {
  return path.join(dataDir, 'tls');
}

const files = (dir: string) => ({
  caCert: path.join(dir, 'ca.crt'),
  caKey: path.join(dir, 'ca.key'),
  cert: path.join(dir, 'server.crt'),
  key: path.join(dir, 'server.key'),
});

export class OwnCertificates {
  private constructor(
    private readonly dir: string,
    readonly ca: KeyPair,
    private readonly hosts: readonly string[],
    private served: LoadedCertificate,
  ) {}

  /** Reads (or makes) the CA and a server certificate for `hosts` that is good as of `now`. */
  static async open(dataDir: string, hosts: readonly string[], now: Date, log: (line: string) => void): Promise<OwnCertificates> {
    const dir = tlsDirectory(dataDir);
    await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
    await fs.chmod(dir, PRIVATE_DIRECTORY_MODE);
    const ca = await readOrMakeCa(dir, now, log);
    const current = await readServer(dir);
    const reason = renewalReason(current, ca, hosts, now);
    const served = current !== null && reason === null ? current : await issueInto(dir, ca, hosts, now, reason ?? '', log);
    return new OwnCertificates(dir, ca, hosts, served);
  }

  get certificate(): LoadedCertificate {
    return this.served;
  }

  /** Where the server certificate is kept. */
  get file(): string {
    return files(this.dir).cert;
  }

  /** Issues a new server certificate when the one served is not good for 30 more days; true when it did. */
  async renewIfDue(now: Date, log: (line: string) => void): Promise<boolean> {
    const reason = renewalReason(this.served, this.ca, this.hosts, now);
    if (reason === null) return false;
    this.served = await issueInto(this.dir, this.ca, this.hosts, now, reason, log);
    return true;
  }
}

async function issueInto(
  dir: string,
  ca: KeyPair,
  hosts: readonly string[],
  now: Date,
  reason: string,
  log: (line: string) => void,
): Promise<LoadedCertificate> {
  const issued = issueServerCertificate(ca, hosts, now);
  const { cert, key } = files(dir);
  // The key first: a start after a crash between the two finds them not matching and issues again.
  await writeDurably(key, issued.key, PRIVATE_FILE_MODE);
  await writeDurably(cert, issued.cert, 0o644);
  const validTo = new Date(new X509Certificate(issued.cert).validTo);
  log(
    `已生成服务器证书（${reason}）：${cert}，适用于 ${hosts.join('、')}，有效期至 ${dayOf(validTo)}，到期前 ${RENEW_DAYS_BEFORE} 天自动续期。`,
  );
  return { ...issued, validTo };
}

/** Why the served certificate must be replaced, or null when it is good. */
function renewalReason(served: LoadedCertificate | null, ca: KeyPair, hosts: readonly string[], now: Date): string | null {
  if (served === null) return '首次生成';
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(served.cert);
    if (!cert.checkPrivateKey(createPrivateKey(served.key))) return '原证书与私钥不匹配';
  } catch {
    return '原证书文件已损坏';
  }
  if (!cert.verify(new X509Certificate(ca.cert).publicKey)) return '原证书不是本服务的根证书签发的';
  const missing = uncovered(cert, hosts);
  if (missing.length > 0) return `原证书不含 ${missing.join('、')}`;
  const left = new Date(cert.validTo).getTime() - now.getTime();
  if (left <= 0) return '原证书已过期';
  if (new Date(cert.validFrom).getTime() > now.getTime()) return '原证书尚未生效';
  if (left < RENEW_DAYS_BEFORE * DAY) return `原证书将于 ${dayOf(new Date(cert.validTo))} 到期`;
  return null;
}

/** The CA: made when there is none; a broken one refuses the start (the clerks' PCs trust it). */
async function readOrMakeCa(dir: string, now: Date, log: (line: string) => void): Promise<KeyPair> {
  const { caCert, caKey } = files(dir);
  const cert = await readIfExists(caCert);
  // Without ca.crt the CA was never offered: a key left alone (a crash while making it) is replaced.
  if (cert === null) return writeCa(dir, makeCa(now), log, `已生成本服务的根证书 ${caCert}`);
  const key = await readIfExists(caKey);
  const broken = (why: string) =>
    new Error(
      `本服务的根证书 ${caCert} ${why}。请从备份恢复 ${dir} 目录；无法恢复时删除该目录后重启，服务会生成新的根证书，` +
        '但各书记员电脑都要重新安装根证书',
    );
  if (key === null) throw broken(`缺少私钥 ${caKey}`);
  const parsed = parseCa(cert, key);
  if (typeof parsed === 'string') throw broken(parsed);
  if (new Date(parsed.validTo).getTime() <= now.getTime()) {
    return writeCa(dir, makeCa(now), log, `原根证书已于 ${dayOf(new Date(parsed.validTo))} 过期，已生成新的根证书 ${caCert}`);
  }
  await fs.chmod(caKey, PRIVATE_FILE_MODE);
  return { cert, key };
}

/** The CA certificate, or what is wrong with it and its key. */
function parseCa(cert: string, key: string): X509Certificate | string {
  try {
    const parsed = new X509Certificate(cert);
    return parsed.checkPrivateKey(createPrivateKey(key)) ? parsed : '与其私钥 ca.key 不匹配';
  } catch {
    return '或其私钥 ca.key 已损坏';
  }
}

async function writeCa(dir: string, ca: KeyPair, log: (line: string) => void, what: string): Promise<KeyPair> {
  const { caCert, caKey, cert } = files(dir);
  await writeDurably(caKey, ca.key, PRIVATE_FILE_MODE);
  await writeDurably(caCert, ca.cert, 0o644);
  // A server certificate of an earlier CA is issued again by this one.
  await fs.rm(cert, { force: true });
  log(
    `${what}。书记员电脑需要信任它一次：在浏览器打开本服务的网页版，按「安装根证书与加载项」的步骤操作，` +
      '电脑较多时可由管理员通过域组策略统一下发（见 README）。',
  );
  return ca;
}

async function readServer(dir: string): Promise<LoadedCertificate | null> {
  const { cert, key } = files(dir);
  const certText = await readIfExists(cert);
  const keyText = await readIfExists(key);
  if (certText === null || keyText === null) return null;
  await fs.chmod(key, PRIVATE_FILE_MODE);
  let validTo = new Date(0);
  try {
    validTo = new Date(new X509Certificate(certText).validTo);
  } catch {
    // A damaged file: renewalReason says so and a new certificate replaces it.
  }
  return { cert: certText, key: keyText, validTo };
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
