// Reads one uploaded file from a multipart/form-data request into memory, never past its limit.
// busboy streams the parts; nothing is written to disk, so a refused upload leaves no trace.

import busboy from 'busboy';
import type { Request } from 'express';
import { HttpError } from './errors.ts';

export interface Upload {
  file: Buffer;
  filename: string;
}

/** Room for the multipart boundaries and headers around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

export function readUpload(req: Request, field: string, maxBytes: number): Promise<Upload> {
  const megabytes = Math.round(maxBytes / 1024 / 1024);
  const tooLarge = () =>
    new HttpError(413, 'file_too_large', `文件超过上限 ${megabytes} MB。请删去不需要的工作表或图片，或把台账拆成几个文件后分别上传`);
  if (!req.is('multipart/form-data')) {
    return Promise.reject(new HttpError(400, 'not_multipart', `请以 multipart/form-data 方式上传文件，字段名为 ${field}`));
  }
  if (Number(req.get('content-length')) > maxBytes + ENVELOPE_BYTES) {
    // Read and drop the body, so the client gets the answer instead of a broken connection.
    req.resume();
    return Promise.reject(tooLarge());
  }

  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: maxBytes, files: 1, fields: 20, parts: 30 } });
    } catch {
      return reject(new HttpError(400, 'bad_multipart', '上传请求的格式有误（缺少 multipart 分隔符）'));
    }
    let upload: Upload | null = null;
    let truncated = false;
    const chunks: Buffer[] = [];
    parser.on('file', (name, stream, info) => {
      if (name !== field || upload) return void stream.resume();
      upload = { file: Buffer.alloc(0), filename: info.filename ?? '' };
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (truncated = true));
    });
    parser.on('error', () => reject(new HttpError(400, 'bad_multipart', '上传的数据不完整或格式有误，请重新上传')));
    parser.on('close', () => {
      if (truncated) return reject(tooLarge());
      if (!upload) return reject(new HttpError(400, 'no_file', `没有收到文件：请在字段 ${field} 中上传 .xlsx 工作簿`));
      resolve({ ...(upload as Upload), file: Buffer.concat(chunks) });
    });
    req.on('aborted', () => reject(new HttpError(400, 'request_aborted', '上传在传输中被中断')));
    req.pipe(parser);
  });
}
