// The Express application: the API, and the files one court needs from the same origin.

import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import { CaseAlerts } from '../case-alerts.ts';
import type { HealthWarning } from '../health.ts';
import type { LedgerService } from '../ledger-service.ts';
import type { AssignmentService } from '../assignments/assignment-service.ts';
import { DownloadTickets } from '../reports/download-tickets.ts';
import type { ReportService } from '../reports/report-service.ts';
import type { SettingsHolder } from '../settings.ts';
import type { Store } from '../store/store.ts';
import type { UserDirectory } from '../users.ts';
import { currentUser, requireUser } from './auth.ts';
import { assignmentListRouter, keptListsRouter } from './assignments-routes.ts';
import { backupsRouter } from './backups-routes.ts';
import { calendarYearsRouter } from './calendar-routes.ts';
import { caseRoutes } from './case-routes.ts';
import { errorHandler, HttpError } from './errors.ts';
import { installRouter } from './install-routes.ts';
import { ledgersRouter } from './ledgers-routes.ts';
import { notFound } from './not-found.ts';
import { singleQueryValues } from './query.ts';
import { reportSettingsRouter } from './report-settings-routes.ts';
import { reportDownloadsRouter, reportsRouter } from './reports-routes.ts';
import { rulesFormRouter } from './rules-form-routes.ts';
import { securityHeaders } from './security-headers.ts';
import { settingsRouter } from './settings-routes.ts';
import { usersRouter } from './users-routes.ts';
import { SUMMARY_HEADER, workbooksRouter } from './workbooks-routes.ts';
import { LEDGERS } from '../domain/ledgers/index.ts';
import { mayManage, unitName } from '../row-permissions.ts';
import { WorkbookAnnotator } from '../workbook/annotate.ts';

export interface AppParts {
  store: Store;
  ledgers: LedgerService;
  reports: ReportService;
  assignments: AssignmentService;
  users: UserDirectory;
  settings: SettingsHolder;
  timeZone: string;
  version: string;
  corsOrigins: string[];
  /** The address clients use (PUBLIC_URL's first), filled into manifest.xml. */
  publicUrl: string;
  /** Our CA's certificate, offered at /ca.crt; null when there is none of ours. */
  caCertificate: string | null;
  /** What the administrator must act on; the disk's refusals (the store's warnings) among them. */
  health: () => Promise<HealthWarning[]>;
  /** The built add-in and web page (webpack output); served when present. */
  staticDir?: string;
  now?: () => Date;
}

/** Largest JSON body accepted; a bigger sheet is sent in chunks by the add-in. */
export const BODY_LIMIT = '32mb';

export function createApp(parts: AppParts): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // No ETag on answers: the API's are no-store, and hashing a sync's 5 MB answer for one cost more
  // than a tenth of an unchanged re-sync. Files are served by express.static with its own.
  app.set('etag', false);
  app.use(securityHeaders());
  app.use(cors(parts.corsOrigins));

  // ok is false while the disk refuses writes (full, read-only); warnings also list what the admin should act on.
  app.get('/api/health', async (_req, res) => {
    res.json({ ok: parts.store.warnings().length === 0, version: parts.version, warnings: await parts.health() });
  });
  app.use(installRouter(parts));
  const now = parts.now ?? (() => new Date());
  const tickets = new DownloadTickets(now);
  app.use('/api/report-downloads', reportDownloadsRouter(parts.reports, tickets, parts.timeZone, now));
  app.use('/api', requireUser(parts.users, now));
  app.use('/api', singleQueryValues);
  app.use('/api', express.json({ limit: BODY_LIMIT, strict: false }));
  app.get('/api/me', (req, res) => {
    const user = currentUser(req);
    res.json({
      name: user.name,
      roles: user.roles,
      roleNames: user.roles.map(unitName),
      manages: LEDGERS.filter((ledger) => mayManage(user, ledger)).map((ledger) => ledger.id),
    });
  });
  app.use('/api/ledgers', assignmentListRouter(parts.assignments, parts.timeZone, now));
  app.use('/api/ledgers', ledgersRouter(parts.ledgers, parts.timeZone, now));
  app.use('/api/assignments', keptListsRouter(parts.assignments));
  app.use('/api/reports', reportsRouter(parts.reports, tickets, parts.timeZone, now));
  app.use('/api', caseRoutes(new CaseAlerts(parts.ledgers, parts.store, parts.settings.get, now), parts.timeZone, now));
  // The admin section (admin only): users, the holiday data by year, the rules form, backups.
  app.use('/api/users', usersRouter(parts.users));
  app.use('/api/calendar/years', calendarYearsRouter(parts.settings, parts.store));
  app.use('/api/rules/form', rulesFormRouter(parts.settings, parts.store));
  app.use('/api/backups', backupsRouter(parts.store, parts.timeZone, now));
  app.use('/api/settings/report', reportSettingsRouter(parts.store, parts.timeZone, now));
  app.use('/api', settingsRouter(parts.settings, parts.store));
  app.use('/api', workbooksRouter(new WorkbookAnnotator(parts.ledgers, LEDGERS, parts.timeZone), parts.timeZone, now));
  app.use('/api', () => {
    throw new HttpError(404, 'not_found', '没有这个接口');
  });

  const root = path.resolve(import.meta.dirname, '..', '..');
  // The page for staff whose Excel or WPS cannot run the add-in, built with the add-in (dist/web/).
  app.get('/', (_req, res) => res.redirect('/web/'));
  app.use('/assets', express.static(path.join(root, 'assets')));
  app.use('/office-js', express.static(path.join(root, 'node_modules', '@microsoft', 'office-js', 'dist')));
  if (parts.staticDir && fs.existsSync(parts.staticDir)) app.use(express.static(parts.staticDir));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}

/** CORS for the configured add-in origins only; the service's own pages need none. */
function cors(origins: string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin && origins.includes(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Vary', 'Origin');
      res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.set('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, OPTIONS');
      res.set('Access-Control-Expose-Headers', `Content-Disposition, ${SUMMARY_HEADER}`);
      if (req.method === 'OPTIONS') return void res.sendStatus(204);
    }
    next();
  };
}
