// What a court's PCs need besides the API, without a token: manifest.xml with the service's own
// address (PUBLIC_URL) filled in, our CA's certificate to trust, and the addresses the web page shows.
// For WPS 表格: the install page (/wps/) and publish.xml with the address filled in, the add-in's
// ribbon.xml and icons (its pages are built into dist/wps/addin/).

import { promises as fs } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { publishXml } from '../../addin/wps/publish.ts';

/** The origin the repository's manifest.xml names throughout; the served one names PUBLIC_URL's instead. */
export const MANIFEST_ORIGIN = 'https://localhost:3000';
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const WPS_RIBBON = path.join(ROOT, 'addin', 'wps', 'ribbon.xml');

export interface InstallParts {
  /** The first address of PUBLIC_URL (an origin, no trailing slash). */
  publicUrl: string;
  /** Our CA's certificate (PEM); null with the administrator's certificate or plain HTTP. */
  caCertificate: string | null;
  /** The built pages (dist/), where the WPS install page is. */
  staticDir?: string;
}

export function installRouter(parts: InstallParts): Router {
  const router = Router();
  router.get('/manifest.xml', async (_req, res) => {
    const template = await fs.readFile(MANIFEST, 'utf8');
    res.type('application/xml').send(template.split(MANIFEST_ORIGIN).join(parts.publicUrl));
  });
  // '/wps' also answers '/wps/' (non-strict routing); the page's script is found from either.
  router.get(['/wps', '/wps/install.html'], async (_req, res) => {
    const page = parts.staticDir ? await fs.readFile(path.join(parts.staticDir, 'wps', 'install.html'), 'utf8').catch(() => null) : null;
    if (page === null) {
      res.status(503).type('text/plain; charset=utf-8').send('安装页尚未构建：请在服务目录执行 npm run build 后重启服务。');
      return;
    }
    res.type('html').send(page.split(MANIFEST_ORIGIN).join(parts.publicUrl));
  });
  router.get('/wps/publish.xml', (_req, res) => {
    res.attachment('publish.xml').type('application/xml').send(publishXml(parts.publicUrl));
  });
  // WPS reads the ribbon from the add-in's address; it names no address of ours, so it is served as it is.
  router.get('/wps/addin/ribbon.xml', (_req, res) => res.type('application/xml').sendFile(WPS_RIBBON));
  router.use('/wps/addin/images', express.static(path.join(ROOT, 'assets')));
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
      wpsInstallUrl: `${parts.publicUrl}/wps/`,
      caCertificateUrl: parts.caCertificate === null ? null : `${parts.publicUrl}/ca.crt`,
    });
  });
  return router;
}
