// Puts the service together on a store (the data directory's, unless told otherwise) and listens:
// used by `npm start` and by tests.

import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { civilDateAt } from './domain/civil-date.ts';
import { LEDGERS } from './domain/ledgers/index.ts';
import type { Config } from './config.ts';
import { createApp } from './http/app.ts';
import { LedgerService } from './ledger-service.ts';
import { logError } from './log.ts';
import { ReportService } from './reports/report-service.ts';
import { ReportScheduler } from './reports/scheduler.ts';
import { SettingsHolder } from './settings.ts';
import { FileStore } from './store/file-store.ts';
import type { Store } from './store/store.ts';
import { UserDirectory } from './users.ts';

export const VERSION: string = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')).version;
const HOUR = 3_600_000;

export interface RunningService {
  url: string;
  /** The admin token when this start created the admin, else null. */
  adminToken: string | null;
  close(): Promise<void>;
}

export interface StartOptions {
  /** The clock the service reads "today" and "now" from (tests set it; the weekly report's schedule follows it). */
  clock?: () => Date;
  /** Opens the store for these ledgers (tests pass an in-memory one); by default the file store in DATA_DIR. */
  store?: (ledgerIds: readonly string[]) => Promise<Store>;
  /** How often (ms) the running service looks whether the day at the court has changed and takes its backup; hourly by default. */
  backupCheckEvery?: number;
}

export async function startService(
  config: Config,
  log: (line: string) => void = console.log,
  options: StartOptions = {},
): Promise<RunningService> {
  const clock = options.clock ?? (() => new Date());
  const openStore = options.store ?? ((ledgerIds) => FileStore.open(config.dataDir, ledgerIds));
  const store = await openStore(LEDGERS.map((ledger) => ledger.id));
  let timer: NodeJS.Timeout | undefined;
  let scheduler: ReportScheduler | undefined;
  // The scheduled jobs stop before the store closes, whether the service closes or fails to start.
  const stopJobs = async () => {
    clearInterval(timer);
    await scheduler?.stop();
  };
  try {
    const settings = await SettingsHolder.load(store.documents);
    const users = new UserDirectory(store.documents, (work) => store.exclusive(work), clock);
    const adminToken = await ensureAdmin(users, config.adminToken);
    const ledgers = new LedgerService(store, settings.get, config.timeZone, clock);
    const reports = new ReportService(ledgers, settings.get, store);
    const app = createApp({
      store,
      ledgers,
      reports,
      users,
      settings,
      timeZone: config.timeZone,
      version: VERSION,
      corsOrigins: config.corsOrigins,
      staticDir: path.join(import.meta.dirname, '..', 'dist'),
      now: clock,
    });

    // One backup per day at the court: at start, and when the day changes while the service runs.
    const backup = () => store.exclusive(() => store.backup(civilDateAt(clock(), config.timeZone), config.backupsKept));
    // A backup the disk cannot hold does not stop the start: it is logged and tried again within the hour.
    await backup().catch((error) => logError('备份失败', error));
    timer = setInterval(
      () =>
        backup().then(
          (made) => made && log(`已完成每日备份：${made}`),
          (error) => logError('每日备份失败', error),
        ),
      options.backupCheckEvery ?? HOUR,
    );
    timer.unref();
    // The weekly report missed while the service was down is made before it starts listening.
    scheduler = new ReportScheduler({
      clock,
      timeZone: config.timeZone,
      stored: async () => (await reports.list()).map((report) => report.week),
      make: (week) => reports.saveWeekly(week),
      log,
    });
    await scheduler.start();

    const tls = config.https ? await readCertificates(config, log) : null;
    const server = tls ? https.createServer(tls, app) : http.createServer(app);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
    const { port } = server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `${tls ? 'https' : 'http'}://${host}:${port}`;
    log(`执行台账助手服务已启动：${url}（${store.where}）`);
    for (const warning of store.warnings()) log(`注意：${warning.message}。服务以只读方式运行，修改会被拒绝，直到数据目录可以写入。`);
    return {
      url,
      adminToken,
      close: async () => {
        await stopJobs();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await users.seenSaved();
        await store.close();
      },
    };
  } catch (error) {
    await stopJobs();
    await store.close();
    throw error;
  }
}

/** The first start creates an admin; its token is returned once and never stored. */
async function ensureAdmin(users: UserDirectory, token: string | undefined): Promise<string | null> {
  if ((await users.all()).some((user) => user.roles.includes('admin'))) return null;
  return users.add('admin', ['admin'], token);
}

/**
 * The TLS certificate: the configured one, else office-addin-dev-certs' development certificate,
 * generated when missing (without installing its CA, which needs an administrator). HTTP with a
 * clear message when there is none.
 */
async function readCertificates(config: Config, log: (line: string) => void): Promise<{ cert: Buffer; key: Buffer } | null> {
  const present = () => fs.existsSync(config.tlsCert) && fs.existsSync(config.tlsKey);
  if (!present() && config.tlsDevelopment) {
    try {
      const { generateCertificates } = await import('office-addin-dev-certs');
      // office-addin-dev-certs writes the private key readable by everyone; into a file that exists
      // already it writes without changing the mode, so the key is never readable by others.
      fs.mkdirSync(path.dirname(config.tlsKey), { recursive: true, mode: 0o700 });
      if (!fs.existsSync(config.tlsKey)) fs.writeFileSync(config.tlsKey, '', { mode: 0o600 });
      try {
        await generateCertificates(path.join(path.dirname(config.tlsCert), 'ca.crt'), config.tlsCert, config.tlsKey);
      } finally {
        if (fs.statSync(config.tlsKey).size === 0) fs.rmSync(config.tlsKey);
      }
      if (present()) {
        log(
          `已在 ${path.dirname(config.tlsCert)} 生成开发证书。Office 还需要信任它的根证书：请运行 npx office-addin-dev-certs install` +
            '（Windows 会弹出确认框，Linux 需要 sudo），然后重启服务。',
        );
      }
    } catch (error) {
      log(`无法生成开发证书：${(error as Error).message}`);
    }
  }
  if (present()) {
    // A development key an earlier version generated readable by everyone (a configured one is the administrator's).
    if (config.tlsDevelopment) makePrivate(config.tlsKey);
    return { cert: fs.readFileSync(config.tlsCert), key: fs.readFileSync(config.tlsKey) };
  }
  log(
    `注意：未找到 HTTPS 证书（${config.tlsCert}），本次以 HTTP 启动。Office 加载项需要 HTTPS：` +
      '请运行 npx office-addin-dev-certs install 生成并信任开发证书，或以 TLS_CERT / TLS_KEY 指定正式证书。',
  );
  return null;
}

function makePrivate(file: string): void {
  try {
    fs.chmodSync(file, 0o600);
  } catch {
    // Not the service account's file: left as the administrator set it.
  }
}
