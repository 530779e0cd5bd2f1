// /api/alerts (超期 and 临期 across every ledger, filtered and paged) and /api/cases/:caseNo (every
// ledger's rows of one case), for the 看板 of everyone signed in. Handlers only parse, call and answer.

import { Router, type Request } from 'express';
import type { CaseAlerts } from '../case-alerts.ts';
import { civilDateAt } from '../domain/civil-date.ts';
import type { AlertFilter } from '../domain/alerts.ts';
import { findLedger } from '../domain/ledgers/index.ts';
import { parseCaseNo } from '../domain/normalize/index.ts';
import { HttpError } from './errors.ts';
import { queryDate } from './query.ts';

export const ALERT_PAGE_SIZE = { default: 20, max: 200 };

export function caseRoutes(cases: CaseAlerts, timeZone: string, now: () => Date): Router {
  const router = Router();

  router.get('/alerts', async (req, res) => {
    const asOf = queryDate(req, 'asOf') ?? civilDateAt(now(), timeZone);
    const page = queryCount(req, 'page', 1, 100_000) ?? 1;
    const pageSize = queryCount(req, 'pageSize', 1, ALERT_PAGE_SIZE.max) ?? ALERT_PAGE_SIZE.default;
    res.json({ asOf, ...(await cases.alerts(asOf, alertFilter(req), page, pageSize)) });
  });

  router.get('/cases/:caseNo', (req, res) => {
    const typed = String(req.params.caseNo);
    const caseNo = parseCaseNo(typed);
    if (!caseNo) {
      throw new HttpError(
        400,
        'bad_case_no',
        `「${typed.slice(0, 40)}」不是有效的执行案号，应为（年份）法院代字+执行类型代字+序号+号，如（2026）豫0102执1234号`,
      );
    }
    const asOf = queryDate(req, 'asOf') ?? civilDateAt(now(), timeZone);
    const page = cases.casePage(caseNo.official, asOf);
    if (!page) throw new HttpError(404, 'case_not_found', `各台账中都没有案号为 ${caseNo.official} 的记录，请核对案号`);
    res.json({ asOf, ...page });
  });

  return router;
}

function alertFilter(req: Request): AlertFilter {
  const text = (name: string) => {
    const value = req.query[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const ledger = text('ledger');
  if (ledger !== undefined && !findLedger(ledger)) {
    throw new HttpError(400, 'unknown_ledger', `没有编号为「${ledger.slice(0, 40)}」的台账`);
  }
  return { ledger, team: text('team'), node: text('node'), handler: text('handler') };
}

/** A positive whole number from `min` to `max`; undefined when not given. */
function queryCount(req: Request, name: string, min: number, max: number): number | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') return undefined;
  const count = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(count >= min && count <= max)) {
    throw new HttpError(400, 'bad_paging', `参数 ${name}「${String(value).slice(0, 40)}」无效，应为 ${min} 至 ${max} 之间的整数`);
  }
  return count;
}
