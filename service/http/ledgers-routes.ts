// /api/ledgers: definitions, sync and rows. Handlers only parse, call and answer.

import { Router, type Request } from 'express';
import { civilDateAt } from '../domain/civil-date.ts';
import type { AnyLedger } from '../domain/ledger.ts';
import { findLedger, LEDGERS } from '../domain/ledgers/index.ts';
import { systemColumnsOf } from '../domain/row.ts';
import type { LedgerService } from '../ledger-service.ts';
import { parseSyncRequest } from '../sync-request.ts';
import { assertCanWrite, currentUser } from './auth.ts';
import { HttpError } from './errors.ts';
import { queryDate } from './query.ts';

export function describeLedger(ledger: AnyLedger) {
  return {
    id: ledger.id,
    name: ledger.name,
    key: ledger.key,
    columns: [
      ...ledger.columns.map((column) => ({
        id: column.id,
        header: column.header,
        aliases: column.aliases ?? [],
        type: column.type,
        required: !!column.required,
        ...(column.options ? { options: column.options } : {}),
        system: false,
      })),
      ...systemColumnsOf(ledger).map((column) => ({
        id: column.id,
        header: column.header,
        aliases: [],
        type: column.type,
        required: false,
        system: true,
      })),
    ],
    ...(ledger.assignment ? { assignment: { ...ledger.assignment, teams: teamsOf(ledger) } } : {}),
  };
}

/** The teams a ledger's rows are assigned to: the options of its team column. */
function teamsOf(ledger: AnyLedger): string[] {
  const column = ledger.assignment && ledger.columns.find((candidate) => candidate.id === ledger.assignment?.teamColumn);
  return column?.options ?? [];
}

export function ledgersRouter(service: LedgerService, timeZone: string, now: () => Date): Router {
  const router = Router();
  const ledgerOf = (req: Request) => {
    const ledger = findLedger(String(req.params.id));
    if (!ledger) throw new HttpError(404, 'unknown_ledger', `没有编号为「${String(req.params.id).slice(0, 40)}」的台账`);
    return ledger;
  };
  const asOfOf = (req: Request) => queryDate(req, 'asOf') ?? civilDateAt(now(), timeZone);

  router.get('/', (_req, res) => {
    res.json(LEDGERS.map(describeLedger));
  });

  router.post('/:id/sync', async (req, res) => {
    const ledger = ledgerOf(req);
    const user = currentUser(req);
    assertCanWrite(user, ledger);
    const asOf = asOfOf(req);
    const parsed = parseSyncRequest(req.body);
    if (!parsed.ok) throw new HttpError(parsed.refusal.status, parsed.refusal.code, parsed.refusal.message);
    res.json(await service.sync(ledger, parsed.value, user, asOf));
  });

  router.get('/:id/rows', (req, res) => {
    const ledger = ledgerOf(req);
    const team = typeof req.query.team === 'string' && req.query.team !== '' ? req.query.team : undefined;
    const since = queryDate(req, 'since');
    if (team !== undefined || since !== undefined) {
      const teams = teamsOf(ledger);
      if (teams.length === 0) throw new HttpError(400, 'no_teams', `${ledger.name}不分团队，没有分案清单`);
      if (team !== undefined && !teams.includes(team))
        throw new HttpError(400, 'bad_team', `团队「${team.slice(0, 40)}」无效，应为 ${teams.join('、')}`);
    }
    res.json(service.rows(ledger, asOfOf(req), { team, since }));
  });

  return router;
}
