// How WPS finds the add-in: an online entry in the user's publish.xml pointing at our service. The
// same entry is written by WPS's local service (the install page's button) or by hand (publish.xml).

export const PUBLISH_ENTRY = { name: 'ledger-assistant', type: 'et' };

/** WPS's local service on each PC, which its publish page calls to enable an add-in. */
export const WPS_LOCAL_SERVICE = 'http://127.0.0.1:58890';

/** The add-in's folder on the service: ribbon.xml and index.html are read from it. */
export function addinUrl(publicUrl: string): string {
  return `${publicUrl}/wps/addin/`;
}

export function publishLine(publicUrl: string): string {
  return `<jspluginonline name="${PUBLISH_ENTRY.name}" type="${PUBLISH_ENTRY.type}" url="${addinUrl(publicUrl)}" enable="true" />`;
}

export function publishXml(publicUrl: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${publishLine(publicUrl)}\n</jsplugins>\n`;
}

/** The body WPS's local service takes: the enable command as base64 of its UTF-8 JSON. */
export function publishRequest(url: string): string {
  const json = JSON.stringify({ cmd: 'enable', name: PUBLISH_ENTRY.name, url, addonType: PUBLISH_ENTRY.type, online: 'true' });
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
