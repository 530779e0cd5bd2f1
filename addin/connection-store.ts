// What the add-in keeps per user in the browser storage of Office: the connection (the token is
// personal, so it stays on this computer's profile) and the last sync's summary, which the ribbon
// command leaves for the task pane.

import type { Connection } from '../client/service.ts';
import type { SyncSummary } from './sheet/summary.ts';

const CONNECTION_KEY = 'ledger-assistant.connection';
export const OUTCOME_KEY = 'ledger-assistant.last-summary';
const AUTO_SYNC_KEY = 'ledger-assistant.auto-sync';

function read<T>(key: string): T | null {
  try {
    const saved = localStorage.getItem(key);
    return saved ? (JSON.parse(saved) as T) : null;
  } catch {
    return null;
  }
}

export function savedConnection(): Connection {
  return read<Connection>(CONNECTION_KEY) ?? { baseUrl: window.location.origin, token: '' };
}

export function saveConnection(connection: Connection): void {
  localStorage.setItem(CONNECTION_KEY, JSON.stringify(connection));
}

export function savedSummary(): SyncSummary | null {
  return read<SyncSummary>(OUTCOME_KEY);
}

export function saveSummary(summary: SyncSummary): void {
  try {
    localStorage.setItem(OUTCOME_KEY, JSON.stringify(summary));
  } catch {
    // A huge problem list may not fit the storage quota; the pane that ran the sync shows it anyway.
  }
}

export function autoSyncWanted(): boolean {
  return read<boolean>(AUTO_SYNC_KEY) ?? false;
}

export function saveAutoSyncWanted(on: boolean): void {
  localStorage.setItem(AUTO_SYNC_KEY, JSON.stringify(on));
}
