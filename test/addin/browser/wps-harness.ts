// The WPS pages (/wps/addin/) in headless Chromium with the stand-in ET host (../wps-host/et.ts)
// run before the page's own scripts, as WPS 表格 provides `Application` to its add-in pages.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { EtHostApi } from '../wps-host/et.ts';
import { CHROMIUM, FLAGS } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
let etBundle: string | null = null;

async function standInEt(): Promise<string> {
  if (etBundle) return etBundle;
  const result = await build({
    entryPoints: [path.join(ROOT, 'test/addin/wps-host/et.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  etBundle = result.outputFiles[0].text;
  return etBundle;
}

export interface WpsPane {
  page: Page;
  context: BrowserContext;
  host<T>(work: (host: EtHostApi) => T | Promise<T>): Promise<T>;
  hostWith<A, T>(work: (host: EtHostApi, arg: A) => T | Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
}

/** A WPS page in its own profile; with `et: false`, as in a plain browser (no Application). */
export async function openWpsPage(
  baseUrl: string,
  options: { page?: string; et?: boolean; width?: number; height?: number } = {},
): Promise<WpsPane> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-wps-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    viewport: { width: options.width ?? 320, height: options.height ?? 900 },
    locale: 'zh-CN',
  });
  if (options.et !== false) await context.addInitScript({ content: await standInEt() });
  await context.addInitScript(() => {
    (window as unknown as { __name: unknown }).__name = (target: unknown) => target;
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const target = options.page ?? 'wps/addin/taskpane.html';
  await page.goto(`${baseUrl}/${target}`);
  if (target.endsWith('taskpane.html'))
    await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
  if (errors.length > 0) throw new Error(`WPS page failed to start: ${errors.join('; ')}`);
  return {
    page,
    context,
    host: <T>(work: (api: EtHostApi) => T | Promise<T>) => page.evaluate(`(${work.toString()})(window.__etHost)`) as Promise<T>,
    hostWith: <A, T>(work: (api: EtHostApi, arg: A) => T | Promise<T>, arg: A) =>
      page.evaluate(`(${work.toString()})(window.__etHost, ${JSON.stringify(arg)})`) as Promise<T>,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
