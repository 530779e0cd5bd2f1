// Runs the real service on a temporary data directory, builds the add-in, and opens the built task
// pane in Debian's headless Chromium with the stand-in Excel host served in place of office.js.
// Shared by the browser tests and bench/addin-sync.ts.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { configFromEnv } from '../../../service/config.ts';
import { startService, type RunningService } from '../../../service/server.ts';
import { MemoryStore } from '../../../service/store/memory-store.ts';
import { UserDirectory } from '../../../service/users.ts';
import type { ExcelHostApi } from '../host/office.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);

/** Why the browser tests cannot run here, or null when they can. */
export function browserUnavailable(): string | null {
  return fs.existsSync(CHROMIUM) ? null : `未找到 ${CHROMIUM}：请安装 Debian 的 chromium（apt-get install -y chromium）`;
}

/**
 * For a suite's `before`: skips the suite, saying why, where Chromium is missing; else makes the
 * production build once.
 */
export function prepareBrowserSuite(suite: Mocha.Context): void {
  const reason = browserUnavailable();
  if (reason) {
    console.log(`    浏览器测试未运行：${reason}`);
    suite.skip();
  }
  buildAddin();
}

let built = false;

/** The production build the service serves from dist/, made once per test run. */
export function buildAddin(): void {
  if (built) return;
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'pipe' });
  built = true;
}

let hostBundle: string | null = null;

export async function standInHost(): Promise<string> {
  if (hostBundle) return hostBundle;
  const result = await build({
    entryPoints: [path.join(ROOT, 'test/addin/host/office.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  hostBundle = result.outputFiles[0].text;
  return hostBundle;
}

export interface TestService {
  service: RunningService;
  url: string;
  addUser(name: string, roles: string[], token: string): Promise<void>;
  close(): Promise<void>;
}

/** The service on the in-memory store: these suites test the pane, not the disk. `env` adds settings (PUBLIC_URL). */
export async function startTestService(env: Record<string, string> = {}): Promise<TestService> {
  let store: MemoryStore | undefined;
  const config = configFromEnv({ HTTPS: '0', PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN, ...env });
  const service = await startService(config, () => undefined, { store: async (ledgerIds) => (store = new MemoryStore(ledgerIds)) });
  const documents = store?.documents;
  if (!documents) throw new Error('startService started without opening its store');
  return {
    service,
    url: service.url,
    addUser: async (name, roles, token) => {
      await new UserDirectory(documents).add(name, roles, token);
    },
    close: () => service.close(),
  };
}

export interface Pane {
  page: Page;
  context: BrowserContext;
  /** Runs a function against the stand-in host in the page. */
  host<T>(work: (host: ExcelHostApi) => T | Promise<T>): Promise<T>;
  hostWith<A, T>(work: (host: ExcelHostApi, arg: A) => T | Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
}

export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * A task pane in its own Chromium profile (a fresh user data directory, so its own storage), with the
 * stand-in host answering /office-js/office.js. Nothing else is intercepted: the pane, its bundle and
 * the API come from the real service.
 */
export async function openPane(
  baseUrl: string,
  options: { apiVersion?: string; width?: number; height?: number; page?: string } = {},
): Promise<Pane> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    viewport: { width: options.width ?? 320, height: options.height ?? 900 },
    locale: 'zh-CN',
  });
  const bundle = await standInHost();
  await context.route('**/office-js/office.js', (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: bundle }),
  );
  await context.addInitScript((apiVersion) => {
    (window as unknown as { __excelHostConfig: unknown }).__excelHostConfig = { apiVersion };
    // Test functions sent to the page are compiled by tsx, which keeps names through a __name helper.
    (window as unknown as { __name: unknown }).__name = (target: unknown) => target;
  }, options.apiVersion ?? '1.18');
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/${options.page ?? 'taskpane.html'}`);
  if (!options.page) await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
  if (errors.length > 0) throw new Error(`task pane failed to start: ${errors.join('; ')}`);
  const host = <T>(work: (api: ExcelHostApi) => T | Promise<T>) => page.evaluate(`(${work.toString()})(window.__excelHost)`) as Promise<T>;
  const hostWith = <A, T>(work: (api: ExcelHostApi, arg: A) => T | Promise<T>, arg: A) =>
    page.evaluate(`(${work.toString()})(window.__excelHost, ${JSON.stringify(arg)})`) as Promise<T>;
  return {
    page,
    context,
    host,
    hostWith,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Fills in the connection settings and tests them, as a clerk does the first time. */
export async function connect(pane: Pick<Pane, 'page'>, baseUrl: string, token: string): Promise<void> {
  const { page } = pane;
  if (!(await page.locator('#settings').evaluate((details) => (details as HTMLDetailsElement).open)))
    await page.locator('#settings summary').click();
  await page.fill('#base-url', baseUrl);
  await page.fill('#token', token);
  await page.click('#test-connection');
  await page.locator('#connection-result.ok').waitFor();
}

/** Clicks a pane button and waits until the action has finished (the progress bar is gone). */
export async function clickAndWait(pane: Pick<Pane, 'page'>, selector: string): Promise<string> {
  const { page } = pane;
  await page.click(selector);
  await page.waitForFunction(
    () => (document.getElementById('progress') as HTMLElement).hidden && !(document.getElementById('sync') as HTMLButtonElement).disabled,
  );
  return (await page.textContent('#message')) ?? '';
}
