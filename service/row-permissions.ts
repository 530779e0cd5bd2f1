// Who may write which row (SPEC §8, issue 11): a ledger's writers may write it, but a team writes
// only the rows assigned to it; deletions by snapshot, the list of deleted rows and restoring them
// belong to the ledger's owning unit and the admin. Which column names a row's team comes from the
// ledger's own definition (`assignment`), never from here.

import type { AnyLedger, RowValues } from './domain/ledger.ts';
import type { Problem, RawValue } from './domain/problem.ts';
import { sameCell } from './domain/row.ts';
import { ROLE_LABELS, TEAM_ROLE_PREFIX, type User } from './users.ts';

export function unitName(role: string): string {
  return ROLE_LABELS[role] ?? (role.startsWith(TEAM_ROLE_PREFIX) ? role.slice(TEAM_ROLE_PREFIX.length) : role);
}

/** A request the service refuses whole, before anything is stored; the HTTP layer answers it as is. */
export class RequestRefused extends Error {
  constructor(
    readonly status: 403 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A row as its ledger evaluates it: the normalised values and the status columns. */
export interface EvaluatedRow {
  values: RowValues;
  status: Record<string, string | number | null>;
}

/** Where a row stands: the team its status names, and whether it is assigned (its assignment date is set). */
interface Placement {
  team: string | null;
  assigned: boolean;
}

/** A row as the permission check sees it: its values (raw) and the facts fixed by earlier syncs. */
export interface RowState {
  values: Record<string, RawValue>;
  fixed?: Record<string, unknown>;
}

/** Admin and the ledger's owning unit: they delete by snapshot, list deleted rows and restore them. */
export function mayManage(user: User, ledger: AnyLedger): boolean {
  return user.roles.includes('admin') || user.roles.includes(ledger.owner);
}

export function managersOf(ledger: AnyLedger): string {
  return `管理员和${unitName(ledger.owner)}`;
}

/**
 * The teams a user is confined to in this ledger, or null when a role of theirs writes every row
 * (admin, or a unit among the ledger's writers).
 */
function confinedTeams(user: User, ledger: AnyLedger): string[] | null {
  const everyRow = user.roles.some((role) => role === 'admin' || (!role.startsWith(TEAM_ROLE_PREFIX) && ledger.writers.includes(role)));
  if (everyRow) return null;
  return user.roles.filter((role) => role.startsWith(TEAM_ROLE_PREFIX)).map((role) => role.slice(TEAM_ROLE_PREFIX.length));
}

/**
 * The row-by-row check of one request. `evaluate` evaluates a row as the ledger does: the team a
 * case goes to is the rules' answer, so only the ledger's evaluation knows it. It runs only for a
 * user confined to teams.
 */
export class RowPermissions {
  private readonly teams: string[] | null;

  constructor(
    private readonly ledger: AnyLedger,
    user: User,
    private readonly evaluate: (row: RowState) => EvaluatedRow,
  ) {
    this.teams = confinedTeams(user, ledger);
  }

  /** Whether every row is this user's to write: no row needs checking. */
  get everyRow(): boolean {
    return this.teams === null;
  }

  /**
   * Why this user may not write `sent` over `stored` (null for a new row), as a problem for the
   * row's messages; null when they may. A team writes a case only while it is assigned to the team,
   * before and after the change: a case not yet triaged belongs to 卷宗管理中心, which triages it.
   */
  refusal(stored: RowState | null, sent: Record<string, RawValue>): Problem | null {
    if (this.teams === null) return null;
    const { assignment } = this.ledger;
    const ours = this.teams.join('、');
    if (!assignment) return this.problem(this.ledger.key[0], `${this.ledger.name}不分团队，${ours}不能修改`);
    const { teamColumn, teamStatus } = assignment;
    if (teamColumn in sent && !sameCell(sent[teamColumn], stored?.values[teamColumn] ?? null)) {
      return this.problem(teamColumn, `「${this.header(teamColumn)}」由卷宗管理中心填写，${ours}不能修改`);
    }
    const before = stored && this.placementOf(stored);
    if (before) {
      const refused = this.notOurs(before, ours, '修改');
      if (refused) return this.problem(teamStatus, refused);
    }
    const after = this.placementOf({ values: { ...stored?.values, ...sent }, fixed: stored?.fixed });
    if (before && after.team !== before.team) {
      return this.problem(teamStatus, `修改后本案将由${after.team || '其他团队'}承办：案件在团队之间调整由卷宗管理中心办理`);
    }
    const refused = this.notOurs(after, ours, stored ? '修改' : '登记');
    return refused ? this.problem(teamStatus, refused) : null;
  }

  /** Whether a snapshot by this user may delete the row. */
  mayDelete(row: RowState): boolean {
    return this.teams === null || (this.ledger.assignment !== undefined && this.notOurs(this.placementOf(row), '', '') === null);
  }

  private placementOf(row: RowState): Placement {
    const assignment = this.ledger.assignment;
    if (!assignment) return { team: null, assigned: false };
    const { values, status } = this.evaluate(row);
    const team = status[assignment.teamStatus];
    const assignedOn = values[assignment.assignedOn];
    return { team: typeof team === 'string' && team !== '' ? team : null, assigned: typeof assignedOn === 'string' && assignedOn !== '' };
  }

  private notOurs(placement: Placement, ours: string, verb: string): string | null {
    if (!placement.assigned) return `本案尚未分流，由卷宗管理中心分流后方可由承办团队${verb}`;
    if (placement.team === null || !this.teams?.includes(placement.team))
      return `本案由${placement.team || '其他团队'}承办，${ours}不能${verb}`;
    return null;
  }

  private problem(column: string, message: string): Problem {
    return { column, level: 'error', message: `${message}；本行未保存` };
  }

  private header(column: string): string {
    return this.ledger.columns.find((def) => def.id === column)?.header ?? column;
  }
}

/** Deletions a snapshot may make without `confirmDeletes`: up to 20 rows and up to 10 % of the live rows. */
export const SNAPSHOT_DELETE_LIMITS = { rows: 20, share: 0.1 } as const;

/** The refusal of a snapshot that would delete more than the limits allow unconfirmed; null when it may go ahead. */
export function unconfirmedDeletes(ledger: AnyLedger, deletes: number, live: number, confirmed: boolean): RequestRefused | null {
  if (confirmed || deletes === 0) return null;
  if (deletes <= SNAPSHOT_DELETE_LIMITS.rows && deletes <= live * SNAPSHOT_DELETE_LIMITS.share) return null;
  return new RequestRefused(
    409,
    'confirm_deletes',
    `本次整表同步将删除${ledger.name}中的 ${deletes} 行（现有 ${live} 行），超过 ${SNAPSHOT_DELETE_LIMITS.rows} 行或一成，` +
      '为防误删，本次未作任何修改；如确需删除，请确认删除后重新提交',
  );
}
