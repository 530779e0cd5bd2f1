// The service's log lines. Identity numbers (身份证号, 统一社会信用代码) never reach a log unmasked.

import { maskIdentitiesIn } from './domain/normalize/index.ts';

export function redact(text: string): string {
  return maskIdentitiesIn(text);
}

export function logError(context: string, error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[执行台账助手] ${context}：${redact(text)}`);
}

/** A line for the administrator that is not an error (e.g. a sign-in lockout). */
export function logNotice(text: string): void {
  console.error(`[执行台账助手] ${redact(text)}`);
}
