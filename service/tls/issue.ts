// Making certificates: the service's own CA, and server certificates it signs for the names clients
// use. node-forge (pure JavaScript, so it works the same on Windows) writes the X.509; the keys are
// Node's own RSA keys. Nothing here reads or writes files.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import os from 'node:os';
import forge from 'node-forge';
import { isIpAddress } from '../public-url.ts';

const DAY = 86_400_000;
/** The CA outlives many server certificates: the clerks' PCs trust it once. */
export const CA_VALID_DAYS = 3650;
/** At least a year, and no more than the 398 days browsers accept for a server certificate. */
export const SERVER_VALID_DAYS = 397;
/** A certificate's validity starts a day early, so a PC whose clock is a little behind accepts it. */
const BACKDATE = DAY;

export interface KeyPair {
  /** PEM */
  cert: string;
  /** PEM (PKCS#1) */
  key: string;
}

/** The names a server certificate always covers besides PUBLIC_URL's: the service on its own machine. */
export const LOCAL_HOSTS = ['localhost', '127.0.0.1'];

export function makeCa(now: Date): KeyPair {
  const { key, publicKey } = newKey();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  setValidity(cert, now, CA_VALID_DAYS);
  // The name a clerk sees when installing it: which service on which machine, since when.
  const name = nameOf(`执行台账助手根证书 ${os.hostname()} ${now.toISOString().slice(0, 10)}`);
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(key) };
}

/** A server certificate for `hosts` (names and IP addresses) signed by the CA, valid from `from` for `days`. */
export function issueServerCertificate(ca: KeyPair, hosts: readonly string[], from: Date, days = SERVER_VALID_DAYS): KeyPair {
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const caKey = forge.pki.privateKeyFromPem(ca.key);
  const { key, publicKey } = newKey();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  setValidity(cert, from, days);
  cert.setSubject(nameOf(hosts[0] ?? 'localhost'));
  cert.setIssuer(issuerOf(caCert));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: hosts.map((host) => (isIpAddress(host) ? { type: 7, ip: host } : { type: 2, value: host })) },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(key) };
}

function newKey(): { key: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  return { key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

function setValidity(cert: forge.pki.Certificate, from: Date, days: number): void {
  // A positive serial of 16 random bytes (the first bit clear: DER integers are signed).
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(from.getTime() - BACKDATE);
  cert.validity.notAfter = new Date(from.getTime() + days * DAY);
}

const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

/** A common name in UTF-8 (forge's default, PrintableString, cannot hold Chinese); forge encodes it. */
function nameOf(commonName: string): forge.pki.CertificateField[] {
  return [{ name: 'commonName', value: commonName, valueTagClass: UTF8 }];
}

/** The CA's subject as read back: forge keeps a UTF-8 value as bytes, and would encode it again. */
function issuerOf(ca: forge.pki.Certificate): forge.pki.CertificateField[] {
  return ca.subject.attributes.map((field) =>
    field.valueTagClass === UTF8 && typeof field.value === 'string' ? { ...field, value: forge.util.decodeUtf8(field.value) } : field,
  );
}
