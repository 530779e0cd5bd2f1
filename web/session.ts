// The signed-in clerk: a personal token kept in this browser, used against the service that serves
// the page (same origin).

import type { Connection } from '../client/service.ts';

const TOKEN_KEY = 'ledger-assistant-token';

export function savedToken(): string {
  return localStorage.getItem(TOKEN_KEY) ?? '';
}

export function saveToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken(): void {
  localStorage.removeItem(TOKEN_KEY);
}

export function connection(): Connection {
  return { baseUrl: '', token: savedToken() };
}

/**
 * Whether the user a request was made for is still the one signed in: an answer that arrives after
 * 退出 (or after another user signed in) must not be shown to the next user.
 */
export function stillSignedIn(asked: Connection): boolean {
  return asked.token !== '' && asked.token === savedToken();
}
