// /api/reports: the weekly report on demand (JSON, xlsx or the Word document), the trend of the last weeks, and the
// stored automatic ones. Everyone signed in may read. Handlers only parse, call and answer.

import { Router, type Request, type Response } from 'express';
import { civilDateAt, type CivilDate } from '../domain/civil-date.ts';
import { parseWeek, weekBefore, weekOf, type IsoWeek } from '../domain/report/week.ts';
import { TREND_WEEKS } from '../domain/report/trend.ts';
import { reportDay } from '../domain/report/weekly-report.ts';
import { TICKET_LIFETIME_MS, type DownloadTickets, type TicketedDownload } from '../reports/download-tickets.ts';
import type { ReportService } from '../reports/report-service.ts';
import { reportDocumentName, reportFileName } from '../store/store.ts';
import { HttpError } from './errors.ts';
import { queryDate } from './query.ts';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const FORMATS = ['json', 'xlsx', 'docx'];
const fileUrl = (file: string) => `/api/reports/${encodeURIComponent(file)}`;

export function reportsRouter(reports: ReportService, tickets: DownloadTickets, timeZone: string, now: () => Date): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const stored = await reports.list();
    res.json(
      stored.map((report) => {
        const parsed = parseWeek(report.week);
        const dates = parsed.ok ? { from: parsed.week.from, to: parsed.week.to } : {};
        const docx = report.docx ? { docx: { ...report.docx, url: fileUrl(report.docx.file) } } : {};
        return { ...report, ...dates, url: fileUrl(report.file), ...docx };
      }),
    );
  });

  /** The week, format and day a /weekly request asks for, checked. */
  const weeklyRequest = (req: Request) => {
    const today = civilDateAt(now(), timeZone);
    const week = queryWeek(req) ?? weekBefore(weekOf(today));
    const format = req.query.format === undefined || req.query.format === '' ? 'json' : req.query.format;
    if (typeof format !== 'string' || !FORMATS.includes(format)) {
      throw new HttpError(400, 'bad_format', `参数 format「${String(format).slice(0, 40)}」无效，应为 json、xlsx 或 docx`);
    }
    const asOf = queryDate(req, 'asOf') ?? today;
    if (!reportDay(week, asOf)) {
      throw new HttpError(
        400,
        'bad_as_of',
        `统计日 ${asOf} 早于 ${week.id} 的第一天 ${week.from}：该周的数字从周一起才有，请改选已开始的周，或把统计日改到该周开始以后`,
      );
    }
    return { week, asOf, today, format: format as 'json' | 'xlsx' | 'docx' };
  };

  router.get('/weekly', async (req, res) => {
    const { week, asOf, today, format } = weeklyRequest(req);
    if (format === 'json') return void res.type('application/json').send(await reports.weekly(week, asOf, 'json'));
    await sendWeekly(res, reports, { week: week.id, asOf, format }, today);
  });

  // A one-time ticket for the same file, for a browser that holds no token (download-tickets.ts).
  router.post('/weekly/ticket', (req, res) => {
    const { week, asOf, format } = weeklyRequest(req);
    if (format === 'json') throw new HttpError(400, 'bad_format', '下载凭据只用于 xlsx 或 docx 文件');
    const ticket = tickets.issue({ week: week.id, asOf, format });
    res.json({ url: `/api/report-downloads/${ticket}`, expiresInSeconds: TICKET_LIFETIME_MS / 1000 });
  });

  router.get('/trend', async (req, res) => {
    const count = queryWeeks(req);
    const asOf = queryDate(req, 'asOf') ?? civilDateAt(now(), timeZone);
    res.json(await reports.trend(asOf, count));
  });

  // The 看板's team cards: this week's figures as of today, counted by the 周通报 itself.
  router.get('/teams', async (req, res) => {
    const asOf = queryDate(req, 'asOf') ?? civilDateAt(now(), timeZone);
    const { week, teams } = await reports.teams(asOf);
    res.json({ week: week.id, from: week.from, to: week.to, asOf, teams });
  });

  router.get('/:file', async (req, res) => {
    const file = String(req.params.file);
    const bytes = await reports.read(file);
    if (!bytes) throw new HttpError(404, 'report_not_found', `没有名为「${file.slice(0, 60)}」的周通报文件，请刷新页面查看已保存的周通报`);
    sendFile(res, file, bytes);
  });

  return router;
}

/** GET /api/report-downloads/:ticket, outside the token check: the ticket is the authorisation, once. */
export function reportDownloadsRouter(reports: ReportService, tickets: DownloadTickets, timeZone: string, now: () => Date): Router {
  const router = Router();
  router.get('/:ticket', async (req, res) => {
    const download = tickets.redeem(String(req.params.ticket));
    if (!download) throw new HttpError(404, 'ticket_not_found', '下载链接已失效（只能使用一次，两分钟内有效），请回到加载项重新点下载');
    await sendWeekly(res, reports, download, civilDateAt(now(), timeZone));
  });
  return router;
}

async function sendWeekly(res: Response, reports: ReportService, download: TicketedDownload, today: CivilDate): Promise<void> {
  const parsed = parseWeek(download.week);
  if (!parsed.ok) throw new HttpError(400, 'bad_week', `周「${download.week}」无效`);
  if (download.format === 'docx')
    return sendFile(res, reportDocumentName(download.week), await reports.weekly(parsed.week, download.asOf, 'docx', today));
  sendFile(res, reportFileName(download.week), await reports.weekly(parsed.week, download.asOf, 'xlsx'));
}

function queryWeek(req: Request): IsoWeek | undefined {
  const value = req.query.week;
  if (value === undefined || value === '') return undefined;
  const parsed = typeof value === 'string' ? parseWeek(value) : { ok: false as const, reason: '只能给一个周' };
  if (!parsed.ok) throw new HttpError(400, 'bad_week', `参数 week「${String(value).slice(0, 40)}」无效：${parsed.reason}`);
  return parsed.week;
}

/** How many weeks the trend holds: an integer from 1 to 52, 12 when not given. */
function queryWeeks(req: Request): number {
  const value = req.query.weeks;
  if (value === undefined || value === '') return TREND_WEEKS.default;
  const count = typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  if (!(count >= TREND_WEEKS.min && count <= TREND_WEEKS.max)) {
    throw new HttpError(
      400,
      'bad_weeks',
      `参数 weeks「${String(value).slice(0, 40)}」无效，应为 ${TREND_WEEKS.min} 至 ${TREND_WEEKS.max} 之间的整数（周数）`,
    );
  }
  return count;
}

/** A report file by its name: 周通报-2026-W48.xlsx or 周通报-2026-W48.docx (the store lends no other name). */
function sendFile(res: Response, file: string, bytes: Buffer): void {
  res
    .type(file.endsWith('.docx') ? CONTENT_TYPES.docx : CONTENT_TYPES.xlsx)
    .attachment(file)
    .send(bytes);
}
