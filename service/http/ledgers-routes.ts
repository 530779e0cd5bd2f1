// /api/ledgers: definitions, sync and rows. Handlers only parse, call and answer.

import { Router, type Request } from 'express';
import { civilDateAt } from '../domain/civil-date.ts';
import { teamsOf } from '../domain/assignment-list.ts';
import type { AnyLedger } from '../domain/ledger.ts';
import { findLedger, LEDGERS } from '../domain/ledgers/index.ts';
import { systemColumnsOf } from '../domain/row.ts';
import { DETAILS, type LedgerService } from '../ledger-service.ts';
import { managersOf, mayManage, RequestRefused } from '../row-permissions.ts';
import { SyncParts, type SyncSoFar } from '../sync-parts.ts';
import { isUuid, parseSyncRequest } from '../sync-request.ts';
import { answerBytes } from '../answer-json.ts';
import type { User } from '../users.ts';
import { assertCanWrite, currentUser } from './auth.ts';
import { HttpError } from './errors.ts';
import { queryChoice, queryDate } from './query.ts';

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

/** Deleting by snapshot, the deleted rows and restoring them: the admin's and the owning unit's. */
function assertMayManage(user: User, ledger: AnyLedger, what: string): void {
  if (!mayManage(user, ledger)) {
    throw new HttpError(
      403,
      'forbidden',
      `${what}只限${managersOf(ledger)}；用户「${user.name}」（角色：${user.roles.join('、')}）无权操作${ledger.name}`,
    );
  }
}

/** The service's refusal of a whole request, answered as it says. */
async function answered<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof RequestRefused) throw new HttpError(error.status, error.code, error.message);
    throw error;
  }
}

export function ledgersRouter(service: LedgerService, timeZone: string, now: () => Date, parts = new SyncParts()): Router {
  const router = Router();
  const ledgerOf = (req: Request) => {
    const ledger = findLedger(String(req.params.id));
    if (!ledger) throw new HttpError(404, 'unknown_ledger', `没有编号为「${String(req.params.id).slice(0, 40)}」的台账`);
    return ledger;
  };
  const asOfOf = (req: Request) => queryDate(req, 'asOf') ?? civilDateAt(now(), timeZone);
  // SPEC §7's shape (every node with its basis and steps) unless the caller asks for the status only.
  const detailOf = (req: Request) => queryChoice(req, 'detail', DETAILS) ?? 'nodes';

  router.get('/', (_req, res) => {
    res.json(LEDGERS.map(describeLedger));
  });

  router.post('/:id/sync', async (req, res) => {
    const ledger = ledgerOf(req);
    const user = currentUser(req);
    assertCanWrite(user, ledger);
    const asOf = asOfOf(req);
    const detail = detailOf(req);
    const parsed = parseSyncRequest(req.body);
    if (!parsed.ok) {
      if (parsed.part) parts.refuse(user.name, ledger.id, parsed.part);
      throw new HttpError(parsed.refusal.status, parsed.refusal.code, parsed.refusal.message);
    }
    const request = parsed.value;
    if (request.mode === 'snapshot') assertMayManage(user, ledger, '整表同步（删除未提交的行）');
    const sync = (soFar?: SyncSoFar) => service.sync(ledger, request, user, asOf, detail, soFar);
    const synced = request.part ? parts.run(user.name, ledger.id, request.part, request.rows.length, sync) : sync();
    res.type('json').send(answerBytes(await answered(synced)));
  });

  router.get('/:id/deleted', async (req, res) => {
    const ledger = ledgerOf(req);
    const user = currentUser(req);
    assertMayManage(user, ledger, '查看已删除的行');
    res.json({ rows: await service.listDeleted(ledger, user) });
  });

  router.post('/:id/rows/:rowId/restore', async (req, res) => {
    const ledger = ledgerOf(req);
    const user = currentUser(req);
    assertMayManage(user, ledger, '恢复已删除的行');
    const rowId = String(req.params.rowId);
    if (!isUuid(rowId))
      throw new HttpError(404, 'row_not_found', `${ledger.name}中没有这一行（行ID「${String(req.params.rowId).slice(0, 60)}」无效）`);
    res.json(await answered(service.restore(ledger, rowId, user, asOfOf(req))));
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
    res.type('json').send(answerBytes(service.rows(ledger, asOfOf(req), { team, since }, detailOf(req))));
  });

  router.get('/:id/rows/:rowId', (req, res) => {
    const ledger = ledgerOf(req);
    const rowId = String(req.params.rowId);
    const found = isUuid(rowId) ? service.row(ledger, rowId, asOfOf(req)) : null;
    if (!found) throw new HttpError(404, 'row_not_found', `${ledger.name}中没有这一行（行ID「${rowId.slice(0, 60)}」），可能已被删除`);
    res.json(found);
  });

  return router;
}
