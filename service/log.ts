// The service's log lines. Identity numbers (身份证号, 统一社会信用代码) never reach a log unmasked.

import { maskIdentity } from './domain/normalize/index.ts';

/** 18 characters of digits and capitals, the shape both identity numbers share. */
const IDENTITY_LIKE = /(?<![0-9A-Za-z])[0-9A-Z]{17}[0-9A-Z](?![0-9A-Za-z])/gi;

export function redact(text: string): string {
  return text.replace(IDENTITY_LIKE, (match) => (/\d{6}/.test(match) ? maskIdentity(match) : match));
}

export function logError(context: string, error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[执行台账助手] ${context}：${redact(text)}`);
}
