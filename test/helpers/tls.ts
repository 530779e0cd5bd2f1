// A TLS handshake as a clerk's PC makes it: trusting only the given CA, checking the name (or IP
// address) it reached the service by.

import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';

export interface Reached {
  /** The name (SNI and name check) or the IP address the client used; the connection goes to 127.0.0.1. */
  host: string;
  /** PEM of the only CA trusted; omitted: no verification at all (to look at what is served). */
  ca?: string;
}

/** The certificate the service presented; rejects when the handshake fails verification. */
export function handshake(port: number, reached: Reached): Promise<X509Certificate> {
  const ip = /^[\d.]+$|:/.test(reached.host);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: '127.0.0.1',
      port,
      ca: reached.ca,
      rejectUnauthorized: reached.ca !== undefined,
      // SNI carries names only; an address is checked against the certificate's IP names.
      servername: ip ? undefined : reached.host,
      checkServerIdentity: (_host, cert) => tls.checkServerIdentity(reached.host, cert),
    });
    socket.once('secureConnect', () => {
      const cert = new X509Certificate(socket.getPeerCertificate().raw);
      socket.end();
      resolve(cert);
    });
    socket.once('error', reject);
  });
}
