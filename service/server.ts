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
import { healthWarnings, type HealthSources, type HealthWarning } from './health.ts';
import { createApp } from './http/app.ts';
import { LedgerService } from './ledger-service.ts';
import { logError } from './log.ts';
import { ReportService } from './reports/report-service.ts';
import { ReportScheduler } from './reports/scheduler.ts';
import { AssignmentService } from './assignments/assignment-service.ts';
import { DailyListScheduler } from './assignments/daily-scheduler.ts';
import { listAtMinutes } from './domain/report/report-settings.ts';
import { ReportSettingsHolder } from './report-settings.ts';
import { SettingsHolder } from './settings.ts';
import { FileStore } from './store/file-store.ts';
import type { Store } from './store/store.ts';
import { ServiceTls } from './tls/service-tls.ts';
import { defaultPublicUrl } from './public-url.ts';
import { UserDirectory } from './users.ts';

export const VERSION: string = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')).version;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface RunningService {
  /** Where it listens (localhost for all interfaces). */
  url: string;
  /** The address clients use: the first of PUBLIC_URL, else https://localhost:<port>. */
  publicUrl: string;
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
  /** How often (ms) the running service looks whether the day's 分案清单 are due; every minute by default. */
  listCheckEvery?: number;
  /** How often (ms) the running service renews its certificate when due and prints the health warnings; daily by default. */
  dailyCheckEvery?: number;
  /** The free space of the data directory's disk (tests pretend a full one); fs.statfs by default. */
  diskSpace?: HealthSources['diskSpace'];
}

export async function startService(
  config: Config,
  log: (line: string) => void = console.log,
  options: StartOptions = {},
): Promise<RunningService> {
  const clock = options.clock ?? (() => new Date());
  // A configured certificate that cannot be served refuses the start before the data is opened.
  const configuredTls = config.https && config.tls ? await ServiceTls.open(config, clock(), log) : null;
  const openStore = options.store ?? ((ledgerIds) => FileStore.open(config.dataDir, ledgerIds));
  const store = await openStore(LEDGERS.map((ledger) => ledger.id));
  const timers: NodeJS.Timeout[] = [];
  let scheduler: ReportScheduler | undefined;
  let dailyLists: DailyListScheduler | undefined;
  let daily: Repeated | undefined;
  // The scheduled jobs stop before the store closes, whether the service closes or fails to start.
  const stopJobs = async () => {
    for (const timer of timers) clearInterval(timer);
    await scheduler?.stop();
    await dailyLists?.stop();
    await daily?.stop();
  };
  try {
    // Our own CA is made under the data directory's lock: two services starting at once never make two.
    const tls = configuredTls ?? (config.https ? await ServiceTls.open(config, clock(), log) : null);
    const settings = await SettingsHolder.load(store.documents);
    const users = new UserDirectory(store.documents, (work) => store.exclusive(work), clock);
    const adminToken = await ensureAdmin(users, config.adminToken);
    const ledgers = new LedgerService(store, settings.get, config.timeZone, clock);
    const reports = new ReportService(ledgers, settings.get, store, { chartFontFiles: config.chartFontFiles });
    const health = (): Promise<HealthWarning[]> =>
      healthWarnings({
        store,
        calendar: () => settings.get().calendar,
        clock,
        timeZone: config.timeZone,
        dataDir: config.dataDir,
        certificate: () => tls?.expiry ?? null,
        diskSpace: options.diskSpace,
      });

    timers.push(await startBackups(store, config, clock, log, options.backupCheckEvery ?? HOUR));
    // The weekly report missed while the service was down is made before it starts listening.
    scheduler = new ReportScheduler({
      clock,
      timeZone: config.timeZone,
      stored: async () => (await reports.list()).map((report) => report.week),
      make: (week) => reports.saveWeekly(week),
      log,
    });
    await scheduler.start();
    const reportSettings = new ReportSettingsHolder(store);
    const assignments = new AssignmentService(ledgers, store, reportSettings, settings.get);
    // Like the weekly report, the day's lists missed while the service was down are made before it listens.
    dailyLists = new DailyListScheduler({
      clock,
      timeZone: config.timeZone,
      calendar: () => settings.get().calendar,
      listAt: async () => listAtMinutes((await reportSettings.read()).settings),
      keptDays: async () => (await assignments.kept()).map((list) => list.date),
      keep: (day) => assignments.keepDay(day),
      log,
      checkEvery: options.listCheckEvery,
    });
    await dailyLists.start();

    const secure = tls ? https.createServer(tls.options) : null;
    const server = secure ?? http.createServer();
    const port = await listen(server, config);
    // PORT=0 (tests) listens on a port of the system's choosing: the default address names that one.
    const publicUrls = config.publicUrls.length > 0 ? config.publicUrls : [defaultPublicUrl(port)];
    const app = createApp({
      store,
      ledgers,
      reports,
      assignments,
      users,
      settings,
      timeZone: config.timeZone,
      version: VERSION,
      corsOrigins: config.corsOrigins ?? publicUrls,
      publicUrl: publicUrls[0],
      caCertificate: tls?.caCertificate ?? null,
      health,
      staticDir: path.join(import.meta.dirname, '..', 'dist'),
      now: clock,
    });
    server.on('request', app);
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `${tls ? 'https' : 'http'}://${host}:${port}`;
    log(`执行台账助手服务已启动：${url}（${store.where}）`);
    for (const line of addressLines(publicUrls, config.publicUrls.length > 0, tls?.caCertificate != null)) log(line);
    const printWarnings = async () => {
      const readOnly = new Set(store.warnings().map((warning) => warning.code));
      for (const warning of await health()) log(warningLine(warning, readOnly.has(warning.code)));
    };
    await printWarnings();
    // Daily: our certificate renewed when due (the server takes it without a restart), and what the admin must act on.
    daily = repeated(async () => {
      if (tls && secure && (await tls.renewIfDue(clock(), log))) secure.setSecureContext(tls.options);
      await printWarnings();
    }, options.dailyCheckEvery ?? DAY);
    for (const timer of timers) timer.unref();
    return {
      url,
      publicUrl: publicUrls[0],
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

/** One backup per day at the court: at start, and when the day changes while the service runs (checked every `every` ms). */
async function startBackups(
  store: Store,
  config: Config,
  clock: () => Date,
  log: (line: string) => void,
  every: number,
): Promise<NodeJS.Timeout> {
  const backup = () => store.exclusive(() => store.backup(civilDateAt(clock(), config.timeZone), config.backupsKept));
  // A backup the disk cannot hold does not stop the start: it is logged and tried again within the hour.
  await backup().catch((error) => logError('备份失败', error));
  return setInterval(
    () =>
      backup().then(
        (made) => made && log(`已完成每日备份：${made}`),
        (error) => logError('每日备份失败', error),
      ),
    every,
  );
}

/** Listens on the configured address; the port it got (PORT=0: one of the system's choosing). */
async function listen(server: http.Server | https.Server, config: Config): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  return (server.address() as AddressInfo).port;
}

interface Repeated {
  /** No further run starts; the one under way is waited for. */
  stop(): Promise<void>;
}

/** Runs `work` every `every` ms, one run at a time; a failure is logged and the next run comes as planned. */
function repeated(work: () => Promise<void>, every: number): Repeated {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= work()
      .catch((error) => logError('每日检查失败', error))
      .finally(() => (running = null));
  }, every);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

function warningLine(warning: HealthWarning, readOnly: boolean): string {
  return `注意：${warning.message}${readOnly ? '。服务以只读方式运行，修改会被拒绝，直到数据目录可以写入。' : ''}`;
}

/** What the console says about the address clients use, and our CA. */
function addressLines(publicUrls: string[], configured: boolean, ownCa: boolean): string[] {
  const [first] = publicUrls;
  const lines = [
    configured
      ? `服务地址（PUBLIC_URL）：${publicUrls.join('、')}`
      : `服务地址：${first}（未设置 PUBLIC_URL，只适合本机使用；在法院服务器上请把 PUBLIC_URL 设为书记员电脑访问本服务的地址，如 https://10.1.2.3:3000）`,
    `网页版：${first}/web/；加载项清单：${first}/manifest.xml；WPS 表格加载项安装页：${first}/wps/`,
  ];
  if (ownCa) lines.push(`根证书：${first}/ca.crt（每台书记员电脑安装一次，步骤见网页版「安装根证书与加载项」）`);
  return lines;
}

/** The first start creates an admin; its token is returned once and never stored. */
async function ensureAdmin(users: UserDirectory, token: string | undefined): Promise<string | null> {
  if ((await users.all()).some((user) => user.roles.includes('admin'))) return null;
  return users.add('admin', ['admin'], token);
}
