// What a court's PCs need besides the API, without a token: manifest.xml with the service's own
// address (PUBLIC_URL) filled in, our CA's certificate to trust, and the addresses the web page shows.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Router } from 'express';

/** The origin the repository's manifest.xml names throughout; the served one names PUBLIC_URL's instead. */
export const MANIFEST_ORIGIN = 'https://localhost:3000';
const MANIFEST = path.resolve(import.meta.dirname, '..', '..', 'manifest.xml');

export interface InstallParts {
  /** The first address of PUBLIC_URL (an origin, no trailing slash). */
  publicUrl: string;
  /** Our CA's certificate (PEM); null with the administrator's certificate or plain HTTP. */
  caCertificate: string | null;
}

export function installRouter(parts: InstallParts): Router {
  const router = Router();
  router.get('/manifest.xml', async (_req, res) => {
    const template = await fs.readFile(MANIFEST, 'utf8');
    res.type('application/xml').send(template.split(MANIFEST_ORIGIN).join(parts.publicUrl));
  });
  router.get('/ca.crt', (_req, res) => {
    if (parts.caCertificate === null) {
      res
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('本服务使用管理员配置的证书（或由反向代理提供 HTTPS），没有需要安装的根证书。');
      return;
    }
    // A Buffer, so that Express adds no charset to the type Windows opens with its certificate import.
    res.attachment('执行台账助手根证书.crt').type('application/x-x509-ca-cert').send(Buffer.from(parts.caCertificate));
  });
  router.get('/api/install', (_req, res) => {
    res.json({
      publicUrl: parts.publicUrl,
      webUrl: `${parts.publicUrl}/web/`,
      manifestUrl: `${parts.publicUrl}/manifest.xml`,
      caCertificateUrl: parts.caCertificate === null ? null : `${parts.publicUrl}/ca.crt`,
    });
  });
  return router;
}
