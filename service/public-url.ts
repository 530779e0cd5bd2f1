// PUBLIC_URL: the address clerks' PCs and the add-in reach the service at (e.g. https://10.1.2.3:3000).
// The served manifest.xml, the web page's links, the default CORS origin and the names our own
// certificate covers all follow it. Several addresses may be given, comma-separated (an IP and a
// name): the first is the one the manifest and the web page name.

import net from 'node:net';

const EXAMPLE = '形如 https://10.1.2.3:3000 或 https://zxzh.court.local:3000（只写协议、主机和端口）';

/** The origins PUBLIC_URL names, checked; empty when it is unset. */
export function parsePublicUrls(text: string, https: boolean): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => parseOne(part, https));
}

function parseOne(text: string, https: boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`PUBLIC_URL「${text}」不是有效的服务地址，应为书记员电脑访问本服务所用的地址，${EXAMPLE}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`PUBLIC_URL「${text}」应以 https:// 开头，${EXAMPLE}`);
  }
  if (url.protocol === 'http:' && https) {
    throw new Error(
      `PUBLIC_URL「${text}」以 http:// 开头，但服务以 HTTPS 运行（Office 加载项只能通过 HTTPS 访问）：请改为 https://，${EXAMPLE}`,
    );
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    throw new Error(`PUBLIC_URL「${text}」只能写协议、主机和端口，不能带路径、参数或用户名，${EXAMPLE}`);
  }
  return url.origin;
}

/** When PUBLIC_URL is unset: the service on this machine, over HTTPS (also with HTTPS=0 behind a proxy: Office needs HTTPS). */
export function defaultPublicUrl(port: number): string {
  return `https://localhost:${port}`;
}

/** The host names and IP addresses of the origins, without the brackets of an IPv6 address. */
export function hostsOf(origins: readonly string[]): string[] {
  return [...new Set(origins.map((origin) => new URL(origin).hostname.replace(/^\[(.*)\]$/, '$1')))];
}

export function isIpAddress(host: string): boolean {
  return net.isIP(host) !== 0;
}
