// The add-in's only door to the service: fetch with the clerk's token, errors as Chinese text.

export interface Connection {
  baseUrl: string;
  token: string;
}

export interface LedgerSummary {
  id: string;
  name: string;
  columns: Array<{ id: string; header: string; system: boolean }>;
}

export class ServiceError extends Error {}

export async function callService<T>(connection: Connection, path: string, init: RequestInit = {}): Promise<T> {
  const url = `${connection.baseUrl.replace(/\/+$/, '')}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { Authorization: `Bearer ${connection.token}`, 'Content-Type': 'application/json', ...init.headers },
    });
  } catch {
    throw new ServiceError(`无法连接服务 ${connection.baseUrl}，请检查服务地址和网络`);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body?.error?.message ?? `服务返回 HTTP ${response.status}`;
    throw new ServiceError(message);
  }
  return body as T;
}

/** Checks the address and the token: health needs no token, the ledger list does. */
export async function testConnection(connection: Connection): Promise<{ version: string; ledgers: LedgerSummary[] }> {
  const health = await callService<{ ok: boolean; version: string }>(connection, '/api/health');
  const ledgers = await callService<LedgerSummary[]>(connection, '/api/ledgers');
  return { version: health.version, ledgers };
}
