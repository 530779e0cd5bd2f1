// Headers that keep a browser from misreading or embedding what the service serves (SPEC §8).
// Every answer: no content sniffing, so an uploaded or downloaded file is never run as a page. The
// web page (/web/): its own scripts and styles only, and no framing by another site (clickjacking
// a signed-in clerk). The add-in's pages are left framable: Office shows a task pane in an iframe
// of the Office host's origin. API answers carry tokens' data: never cached.

import type { RequestHandler } from 'express';

export const WEB_PAGE_POLICY = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The WPS install page (/wps/): the same, except that its button calls WPS's local service on the
 * PC (see addin/wps/publish.ts) and its stylesheet is inlined by its script.
 */
export const WPS_INSTALL_POLICY =
  "default-src 'self'; connect-src 'self' http://127.0.0.1:58890; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    if (req.path === '/api' || req.path.startsWith('/api/')) res.set('Cache-Control', 'no-store');
    if (req.path === '/wps' || req.path === '/wps/' || req.path === '/wps/install.html') {
      res.set('Content-Security-Policy', WPS_INSTALL_POLICY);
      res.set('X-Frame-Options', 'DENY');
    }
    if (req.path === '/web' || req.path.startsWith('/web/')) {
      res.set('Content-Security-Policy', WEB_PAGE_POLICY);
      // For browsers that predate frame-ancestors.
      res.set('X-Frame-Options', 'DENY');
    }
    next();
  };
}
