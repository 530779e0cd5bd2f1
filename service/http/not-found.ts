// A page address the service does not know: a small Chinese page pointing to the web page, not
// Express's English "Cannot GET". Addresses under /api keep answering JSON (errors.ts).

import type { RequestHandler } from 'express';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

export function notFoundPage(address: string): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>找不到页面 · 执行台账助手</title>
  </head>
  <body>
    <h1>找不到页面</h1>
    <p>本服务没有「${escapeHtml(address.slice(0, 200))}」这个页面，请核对地址。</p>
    <p><a href="/web/">打开执行台账助手网页版</a>（登录、上传台账、下载模板和周通报）</p>
  </body>
</html>
`;
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).type('html').send(notFoundPage(req.path));
};
