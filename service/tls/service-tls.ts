// The certificate the service serves: the administrator's (TLS_CERT/TLS_KEY), checked at start, or
// its own from its CA in DATA_DIR/tls, renewed while it runs.

import type { Config } from '../config.ts';
import type { CertificateExpiry } from '../health.ts';
import { hostsOf } from '../public-url.ts';
import { readConfiguredCertificate, type LoadedCertificate } from './configured.ts';
import { LOCAL_HOSTS } from './issue.ts';
import { OwnCertificates } from './own.ts';

export class ServiceTls {
  private constructor(
    /** The certificate served now. */
    private readonly current: () => LoadedCertificate,
    /** Ours, when there is no configured one. */
    private readonly own: OwnCertificates | null,
    private readonly file: string,
  ) {}

  /** Throws, in Chinese, when the configured certificate cannot be served: the service does not start. */
  static async open(config: Config, now: Date, log: (line: string) => void): Promise<ServiceTls> {
    const hosts = hostsOf(config.publicUrls);
    if (config.tls) {
      const configured = await readConfiguredCertificate(config.tls, now, hosts, log);
      return new ServiceTls(() => configured, null, config.tls.cert);
    }
    const own = await OwnCertificates.open(config.dataDir, [...new Set([...hosts, ...LOCAL_HOSTS])], now, log);
    return new ServiceTls(() => own.certificate, own, own.file);
  }

  /** For https.createServer and setSecureContext. */
  get options(): { cert: string; key: string } {
    const { cert, key } = this.current();
    return { cert, key };
  }

  /** Our CA's certificate, which the clerks' PCs trust (served at /ca.crt); null with the administrator's certificate. */
  get caCertificate(): string | null {
    return this.own?.ca.cert ?? null;
  }

  get expiry(): CertificateExpiry {
    return { configured: this.own === null, validTo: this.current().validTo, file: this.file };
  }

  /** Our certificate renewed when due (the administrator's is never touched); true when the served one changed. */
  renewIfDue(now: Date, log: (line: string) => void): Promise<boolean> {
    return this.own ? this.own.renewIfDue(now, log) : Promise.resolve(false);
  }
}
