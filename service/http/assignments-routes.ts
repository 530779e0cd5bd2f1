// The 分案清单: GET /api/ledgers/:id/assignments?team=&date=&format=json|xlsx|docx&page=&pageSize=&asOf=
// (a team's list of a ledger that assigns rows to teams), and the day's lists the service kept:
// GET /api/assignments?team= and GET /api/assignments/:file. Everyone signed in may read.
// Handlers only parse, call and answer.

import { Router, type Request, type Response } from 'express';
import type { AssignmentService, ListFormat } from '../assignments/assignment-service.ts';
import { listFileName } from '../assignments/heading.ts';
import { assignsTeams, pageOf, teamsOf, type AssigningLedger } from '../domain/assignment-list.ts';
import { civilDateAt } from '../domain/civil-date.ts';
import { findLedger } from '../domain/ledgers/index.ts';
import { keptListOf, type KeptList } from '../store/store.ts';
import { HttpError } from './errors.ts';
import { queryDate } from './query.ts';

const FORMATS = ['json', 'xlsx', 'docx'];
const CONTENT_TYPES: Record<ListFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
export const PAGE_SIZE = { default: 50, max: 500 };
/** The highest page number accepted; a page past the list's last gives its last. */
const LAST_PAGE = 999_999_999;

/** GET /:id/assignments, mounted at /api/ledgers. */
export function assignmentListRouter(service: AssignmentService, timeZone: string, now: () => Date): Router {
  const router = Router();

  router.get('/:id/assignments', async (req, res) => {
    const ledger = assigningLedger(req);
    const team = queryTeam(req, ledger);
    const format = queryFormat(req);
    const date = queryDate(req, 'date') ?? null;
    const asOf = queryDate(req, 'asOf') ?? civilDateAt(now(), timeZone);
    const list = service.list(ledger, team, date, asOf);
    if (format !== 'json') return sendFile(res, listFileName(list, format), await service.file(list, format), format);
    const { rows, ...heading } = list;
    res.json({ ...heading, ...pageOf(rows, queryCount(req, 'page', 1, LAST_PAGE), queryPageSize(req)) });
  });

  return router;
}

/** GET /api/assignments (the kept lists, by day and team) and GET /api/assignments/:file. */
export function keptListsRouter(service: AssignmentService): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const team = typeof req.query.team === 'string' && req.query.team !== '' ? req.query.team : undefined;
    const kept = (await service.kept()).filter((list) => team === undefined || list.team === team);
    res.json(byDayAndTeam(kept));
  });

  router.get('/:file', async (req, res) => {
    const file = String(req.params.file);
    const kept = keptListOf(file);
    const bytes = kept && (await service.read(file));
    if (!kept || !bytes)
      throw new HttpError(404, 'list_not_found', `没有名为「${file.slice(0, 60)}」的分案清单文件，请刷新页面查看已保存的分案清单`);
    sendFile(res, file, bytes, kept.format);
  });

  return router;
}

/** One entry per day and team, its files (xlsx, docx) with their addresses. */
function byDayAndTeam(kept: KeptList[]) {
  const entries = new Map<string, { team: string; date: string; savedAt: string; files: Array<Record<string, unknown>> }>();
  for (const list of kept) {
    const key = `${list.date}|${list.team}`;
    const entry = entries.get(key) ?? { team: list.team, date: list.date, savedAt: list.savedAt, files: [] };
    entry.files.push({ format: list.format, file: list.file, bytes: list.bytes, url: `/api/assignments/${encodeURIComponent(list.file)}` });
    entries.set(key, entry);
  }
  return [...entries.values()];
}

function assigningLedger(req: Request): AssigningLedger {
  const id = String(req.params.id);
  const ledger = findLedger(id);
  if (!ledger) throw new HttpError(404, 'unknown_ledger', `没有编号为「${id.slice(0, 40)}」的台账`);
  if (!assignsTeams(ledger)) throw new HttpError(400, 'no_teams', `${ledger.name}不分团队，没有分案清单`);
  return ledger;
}

function queryTeam(req: Request, ledger: AssigningLedger): string {
  const teams = teamsOf(ledger);
  const team = req.query.team;
  if (team === undefined || team === '') throw new HttpError(400, 'no_team', `请选择团队：${teams.join('、')}`);
  if (typeof team !== 'string' || !teams.includes(team))
    throw new HttpError(400, 'bad_team', `团队「${String(team).slice(0, 40)}」无效，应为 ${teams.join('、')}`);
  return team;
}

function queryFormat(req: Request): 'json' | ListFormat {
  const format = req.query.format === undefined || req.query.format === '' ? 'json' : req.query.format;
  if (typeof format !== 'string' || !FORMATS.includes(format))
    throw new HttpError(400, 'bad_format', `参数 format「${String(format).slice(0, 40)}」无效，应为 json、xlsx 或 docx`);
  return format as 'json' | ListFormat;
}

/** A whole number from `min` to `max`, `fallback` when not given. */
function queryCount(req: Request, name: string, min: number, max: number, fallback = min): number {
  const value = req.query[name];
  if (value === undefined || value === '') return fallback;
  const count = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(count >= min && count <= max))
    throw new HttpError(400, `bad_${name}`, `参数 ${name}「${String(value).slice(0, 40)}」无效，应为 ${min} 至 ${max} 之间的整数`);
  return count;
}

function queryPageSize(req: Request): number {
  return queryCount(req, 'pageSize', 1, PAGE_SIZE.max, PAGE_SIZE.default);
}

function sendFile(res: Response, file: string, bytes: Buffer, format: ListFormat): void {
  res.type(CONTENT_TYPES[format]).attachment(file).send(bytes);
}
