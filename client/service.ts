// Every client's only door to the service (SPEC §7): the clerk's token on each request, and every
// failure as a ServiceError whose message a clerk can read — the service's own Chinese message, or
// a plain description of what happened. The add-in, the web page and the command line all call it.

import { fileNameOf } from './content-disposition.ts';

export interface Connection {
  /** The service's address; '' for the page the service itself serves (same origin). */
  baseUrl: string;
  token: string;
}

export class ServiceError extends Error {
  constructor(
    /** The HTTP status; 0 when the service could not be reached. */
    readonly status: number,
    /** The service's error code, or 'network' / 'http' when it sent none. */
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A downloaded file: its bytes, the name the service gave it, and the answer's headers. */
export interface ServiceFile {
  blob: Blob;
  name: string;
  header(name: string): string | null;
}

export function serviceUrl(connection: Connection, path: string): string {
  return `${connection.baseUrl.replace(/\/+$/, '')}${path}`;
}

export function unreachable(connection: Connection, cause?: unknown): ServiceError {
  const where = connection.baseUrl ? `无法连接服务 ${connection.baseUrl}，请检查服务地址和网络` : '无法连接服务，请检查网络或联系管理员';
  return new ServiceError(0, 'network', where, { cause });
}

/** The error an answer of `status` with body `text` stands for: the service's message when it sent one. */
export function errorFrom(status: number, text: string): ServiceError {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } } | null;
    if (body?.error?.message) return new ServiceError(status, body.error.code ?? 'http', body.error.message);
  } catch {
    // Not JSON: a proxy or a stopped service answered.
  }
  return new ServiceError(status, 'http', `服务返回错误（HTTP ${status}）`);
}

/**
 * A JSON body longer than this goes compressed (or as a Blob where the browser cannot compress):
 * Chromium took about 0.2 s to hand a 7 MB body (a 10,000-row 同步本表) to its network process
 * before sending it, twice that for a string; gzip makes it 0.3 MB in 0.1 s, and on a court's
 * network the upload shrinks as much. Smaller bodies stay strings, which the browser's developer
 * tools (and the browser tests) can read back.
 */
const LONG_BODY_CHARS = 1_000_000;

export type ServiceInit = Omit<RequestInit, 'headers'> & { headers?: Record<string, string> };

/**
 * A long JSON body as it travels: gzip, which the service's JSON parser inflates (its limits count
 * the inflated size). The text is encoded and compressed in the page, not through a Blob, which
 * Chromium copies to another process and back.
 */
async function longBody(text: string): Promise<{ body: Blob; headers: Record<string, string> }> {
  if (typeof CompressionStream !== 'function') return { body: new Blob([text], { type: 'application/json' }), headers: {} };
  const gzip = new CompressionStream('gzip');
  const writer = gzip.writable.getWriter();
  const [body] = await Promise.all([
    new Response(gzip.readable).blob(),
    writer.write(new TextEncoder().encode(text)).then(() => writer.close()),
  ]);
  return { body, headers: { 'Content-Encoding': 'gzip' } };
}

/** A JSON text as it travels (see LONG_BODY_CHARS), with the headers that say so. */
export interface JsonBody {
  body: string | Blob;
  headers: Record<string, string>;
}

/**
 * Makes a JSON text ready to send. A caller sending several requests in a row prepares the next
 * while the one before travels: compressing a long one takes a tenth of a second.
 */
export async function jsonBody(text: string): Promise<JsonBody> {
  const json = { 'Content-Type': 'application/json' };
  if (text.length <= LONG_BODY_CHARS) return { body: text, headers: json };
  const long = await longBody(text);
  return { body: long.body, headers: { ...json, ...long.headers } };
}

/**
 * One request with the token; any answer but a 2xx becomes a ServiceError. A string body is
 * JSON; `json` is one made ready by jsonBody, and is sent as it is, at once.
 */
export async function send(connection: Connection, path: string, init: ServiceInit & { json?: JsonBody } = {}): Promise<Response> {
  const { json: ready, ...rest } = init;
  const json = ready ?? (typeof rest.body === 'string' ? await jsonBody(rest.body) : null);
  let response: Response;
  try {
    response = await fetch(serviceUrl(connection, path), {
      ...rest,
      ...(json ? { body: json.body } : {}),
      headers: { Authorization: `Bearer ${connection.token}`, ...json?.headers, ...rest.headers },
    });
  } catch (error) {
    throw unreachable(connection, error);
  }
  if (!response.ok) throw errorFrom(response.status, await response.text().catch(() => ''));
  return response;
}

export async function callService<T>(connection: Connection, path: string, init: ServiceInit & { json?: JsonBody } = {}): Promise<T> {
  const response = await send(connection, path, init);
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ServiceError(response.status, 'http', '服务的回答无法读取，请联系管理员');
  }
}

/** A file the service sends (a template, a report, an annotated workbook), with its name. */
export async function downloadFile(
  connection: Connection,
  path: string,
  fallbackName: string,
  init: ServiceInit = {},
): Promise<ServiceFile> {
  const response = await send(connection, path, init);
  const blob = await response.blob();
  return {
    blob,
    name: fileNameOf(response.headers.get('Content-Disposition'), fallbackName),
    header: (name) => response.headers.get(name),
  };
}

export type UploadStage = { stage: 'upload' | 'download'; percent: number } | { stage: 'work' };

/**
 * Sends a form and receives a file, reporting how far it got. The browser's fetch cannot report an
 * upload's progress, so this one request goes through XMLHttpRequest; where there is none (Node),
 * use downloadFile with the form as the body.
 */
export function uploadForProgress(
  connection: Connection,
  path: string,
  form: FormData,
  fallbackName: string,
  onProgress: (stage: UploadStage) => void,
): Promise<ServiceFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', serviceUrl(connection, path));
    request.setRequestHeader('Authorization', `Bearer ${connection.token}`);
    request.responseType = 'blob';
    const percent = (event: ProgressEvent) => Math.round((event.loaded / event.total) * 100);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ stage: 'upload', percent: percent(event) });
    };
    request.upload.onload = () => onProgress({ stage: 'work' });
    request.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ stage: 'download', percent: percent(event) });
    };
    request.onerror = () => reject(unreachable(connection));
    request.onload = () => {
      const blob = request.response as Blob;
      if (request.status >= 200 && request.status < 300) {
        resolve({
          blob,
          name: fileNameOf(request.getResponseHeader('Content-Disposition'), fallbackName),
          header: (name) => request.getResponseHeader(name),
        });
      } else {
        // Response reads a Blob's text in browsers older than Blob.text().
        new Response(blob).text().then(
          (text) => reject(errorFrom(request.status, text)),
          () => reject(errorFrom(request.status, '')),
        );
      }
    };
    request.send(form);
  });
}
