// Every error leaves as { error: { code, message } } with a Chinese message; no stack trace does.

import type { ErrorRequestHandler, Response } from 'express';
import { logError } from '../log.ts';
import { StorageError } from '../store/storage-error.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** Errors raised by express.json() carry a `type`; each gets its own Chinese explanation. */
const BODY_ERRORS: Record<string, [number, string, (limit: unknown) => string]> = {
  'entity.parse.failed': [400, 'invalid_json', () => '请求体不是有效的 JSON，请检查格式'],
  'entity.too.large': [413, 'body_too_large', (limit) => `请求体超过上限（${Math.round(Number(limit) / 1024 / 1024)} MB），请分批提交`],
  'encoding.unsupported': [415, 'unsupported_encoding', () => '不支持的内容编码，请使用 UTF-8 且不压缩'],
  'charset.unsupported': [415, 'unsupported_charset', () => '不支持的字符集，请使用 UTF-8'],
  'request.aborted': [400, 'request_aborted', () => '请求在传输中被中断'],
  'request.size.invalid': [400, 'request_size_invalid', () => '请求体长度与声明不符'],
};

export const errorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  if (res.headersSent) return;
  if (error instanceof HttpError) return sendError(res, error.status, error.code, error.message);
  // The disk refused the write and the store undid it (the store logged the cause): 507 Insufficient Storage.
  if (error instanceof StorageError) return sendError(res, 507, error.code, error.message);
  const bodyError = typeof error?.type === 'string' ? BODY_ERRORS[error.type] : undefined;
  if (bodyError) return sendError(res, bodyError[0], bodyError[1], bodyError[2](error.limit));
  // Other request errors raised while reading the body (e.g. a gzip stream that is not gzip).
  const status = Number(error?.status ?? error?.statusCode);
  if (status >= 400 && status < 500) return sendError(res, status, 'bad_request', '请求体无法读取，请检查编码和内容');
  logError('未处理的错误', error);
  sendError(res, 500, 'internal', '服务器内部错误，已记录日志，请联系管理员');
};
