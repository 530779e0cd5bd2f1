// The stand-in host's building blocks: Excel's error, the property that throws until loaded and
// synced, and the payload measure. Used by api.ts (the request queue), range.ts and workbook.ts.

import { utf8Length } from '../../../addin/sheet/chunks.ts';
import type { RequestContext } from './api.ts';

export class HostError extends Error {
  override name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

export const fail = (code: string, message: string): never => {
  throw new HostError(code, message);
};

export interface HostStats {
  runs: number;
  syncs: number;
  operations: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

export type Handler = (event: unknown) => unknown;

/** Fails like Excel when the add-in uses an API its requirement set does not have. */
export function requireSet(context: RequestContext, version: string, what: string): void {
  if (!context.host.supports(version))
    fail('ApiNotFound', `${what} requires ExcelApi ${version}; this host supports ${context.host.apiVersion}`);
}

/** UTF-8 bytes of a value's JSON, counted without making an encoded copy (a 10,000-row read is megabytes). */
export const jsonSize = (value: unknown) => utf8Length(JSON.stringify(value) ?? '');

const notLoaded = (name: string) =>
  new HostError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, ` +
      'call the load method on the containing object and call "context.sync()" on the associated request context.',
  );

function propertyNames(select: string | string[] | { select?: string } | undefined): string[] {
  const text = Array.isArray(select) ? select.join(',') : typeof select === 'string' ? select : (select?.select ?? '');
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Loaded values live here; reading one not loaded and synced throws like Excel. */
export abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  constructor(readonly context: RequestContext) {}

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  protected abstract snapshot(name: string): unknown;

  load(select?: string | string[] | { select?: string }): this {
    const names = propertyNames(select);
    let size = 0;
    this.context.queue(
      () => {
        for (const name of names) {
          const value = this.snapshot(name);
          this.loaded.set(name, value);
          size += jsonSize(value);
        }
        this.afterLoad();
      },
      40 + names.join(',').length,
      () => size,
    );
    return this;
  }

  protected afterLoad(): void {}

  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }
}
