// Work that could hold the main thread for seconds (reading an uploaded workbook, building the
// weekly report) runs in a worker thread, so syncs keep being answered meanwhile. Each worker has
// its own heap limit and every request to it a wall-clock limit: past either, the worker is ended
// and the caller gets a WorkerStopped it turns into a Chinese answer.
//
// The service runs TypeScript under tsx (npm start, mocha --import=tsx). A worker does not inherit
// tsx's module hooks on Node 20 (it refuses a .ts entry with "Unknown file extension"), so the
// worker starts from a small ES module that registers tsx (tsx/esm/api) and then imports the entry.

import { Worker } from 'node:worker_threads';

export interface WorkerLimits {
  /** The worker's old generation, in MB (`resourceLimits.maxOldGenerationSizeMb`). */
  heapMb: number;
  /** How long one request may take before the worker is ended. */
  timeoutMs: number;
}

/** Why a worker was ended before it answered. */
export class WorkerStopped extends Error {
  constructor(
    readonly reason: 'timeout' | 'memory' | 'crashed',
    message: string,
  ) {
    super(message);
  }
}

/** A failure the worker reported: a WorkbookRefusal-like one with status and code, or anything else. */
export interface WorkerFailure {
  failure: { status?: number; code?: string; message: string; stack?: string };
}

/** Workers started so far, by entry file name; tests read it to see that no worker was needed. */
export const workersStarted = new Map<string, number>();

const TSX_API = import.meta.resolve('tsx/esm/api');

export class WorkerThread {
  private readonly worker: Worker;
  private pending: { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout } | null = null;
  private ended: Error | null = null;

  constructor(
    entry: URL,
    private readonly limits: WorkerLimits,
  ) {
    const name = entry.pathname.split('/').at(-1)!;
    workersStarted.set(name, (workersStarted.get(name) ?? 0) + 1);
    const bootstrap = `import { register } from ${JSON.stringify(TSX_API)}; register(); await import(${JSON.stringify(entry.href)});`;
    this.worker = new Worker(bootstrap, {
      eval: true,
      // The worker's own flags only: V8 flags of the process (--max-old-space-size) are refused here.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
    });
    this.worker.on('message', (message: unknown) => {
      const pending = this.take();
      if (!pending) return;
      const failure = (message as Partial<WorkerFailure>)?.failure;
      if (failure) pending.reject(Object.assign(new Error(failure.message), failure));
      else pending.resolve(message);
    });
    this.worker.on('error', (error: Error & { code?: string }) => {
      this.end(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new WorkerStopped('memory', error.message)
          : new WorkerStopped('crashed', `${error.message}\n${error.stack ?? ''}`),
      );
    });
    this.worker.on('exit', () => this.end(new WorkerStopped('crashed', 'the worker exited')));
  }

  /** Sends one message and waits for the worker's one answer. */
  request<T>(message: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.ended) return Promise.reject(this.ended);
    if (this.pending) return Promise.reject(new Error('one request at a time'));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.end(new WorkerStopped('timeout', `no answer within ${this.limits.timeoutMs} ms`));
        void this.worker.terminate();
      }, this.limits.timeoutMs);
      this.pending = { resolve: resolve as (value: unknown) => void, reject, timer };
      this.worker.postMessage(message, transfer);
    });
  }

  /** Sends a message that needs no answer (e.g. one part of a large input). */
  send(message: unknown): void {
    if (!this.ended) this.worker.postMessage(message);
  }

  async terminate(): Promise<void> {
    this.end(new WorkerStopped('crashed', 'the worker was ended'));
    await this.worker.terminate();
  }

  private take() {
    const pending = this.pending;
    this.pending = null;
    if (pending) clearTimeout(pending.timer);
    return pending;
  }

  private end(error: Error): void {
    this.ended ??= error;
    this.take()?.reject(this.ended);
  }
}

/** What a worker entry posts when its work threw. */
export function failureOf(error: unknown): WorkerFailure {
  const { status, code, message, stack } = error as { status?: number; code?: string; message?: string; stack?: string };
  return { failure: { status, code, message: String(message ?? error), stack } };
}
