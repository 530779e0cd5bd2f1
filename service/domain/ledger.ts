// The shape of a ledger definition: the single source of truth that the validator, the rule
// engine, the HTTP API, the add-in and the reports all read.

import type { z } from 'zod';
import type { Calendar } from './calendar.ts';
import type { CivilDate } from './civil-date.ts';
import type { LocalDateTime } from './date-time.ts';
import type { CellValue, ColumnType } from './normalize/index.ts';
import type { Period } from './periods.ts';
import type { Problem, RawValue } from './problem.ts';
import type { MeasureContribution } from './report/sections/measures.ts';

export interface ColumnDef {
  id: string;
  header: string;
  /** Other headers clerks use for this column. */
  aliases?: string[];
  type: ColumnType;
  required?: boolean;
  options?: string[];
  /** Other words accepted for an option, e.g. { 'Y': '是' }. */
  optionAliases?: Record<string, string>;
  min?: number;
  max?: number;
  /** A case-number column that takes every enforcement case type without the triage note (ledgers other than cases). */
  anyCaseType?: boolean;
  /**
   * A date known before it comes (an expiry written on a document, a scheduled auction), not the
   * date of something done: a report as of an earlier day keeps it, while it leaves out the dates
   * of events after that day.
   */
  knownAhead?: boolean;
  /**
   * A case-number column's case type (执, 执恢, 执保…), read by the rules as a column of this id: set
   * when the row is normalised, in the same object as the ledger's own cells, so that no row is
   * copied to add it. Data, not a function, since column lists are posted to worker threads.
   */
  caseTypeAs?: string;
}

export type SystemColumnType = 'text' | 'date' | 'datetime' | 'integer' | 'number';

export interface SystemColumnDef {
  id: string;
  header: string;
  type: SystemColumnType;
}

/** A deadline node: due from an anchor date by a configured period, done when a date is entered. */
export interface NodeRule {
  id: string;
  name: string;
  /** Column id of the anchor date, or the id of a due date the ledger derives itself. */
  anchor: string;
  /** Column id whose date marks the node done. */
  doneBy: string;
  /**
   * Columns whose date marks the node done when `doneBy` is empty, in order (执行通知 issued, else
   * served). A node that has them names in its basis the date that closed it.
   */
  doneByFallback?: string[];
  source: string;
  /** Whether this node applies to the row at all (e.g. only first-execution cases). */
  appliesTo?: (values: RowValues) => boolean;
  /**
   * A period the court watches but does not act in (e.g. the parties' objection period): shown,
   * never the row's alert, never counted as overdue.
   */
  informational?: boolean;
}

/** Period, roll and warning window of a node: the configurable part of a node rule. */
export interface NodeConfig {
  period: Period;
  roll: boolean;
  /** Days before the due date from which the node shows 临期; the defaults apply when absent. */
  warnDays?: number;
}

/** The 临期 windows of nodes whose config sets no warnDays, in days before the due date. */
export interface WarnDefaults {
  /** 当日 nodes. */
  sameDay: number;
  /** Periods up to `shortPeriodDays` days. */
  short: number;
  shortPeriodDays: number;
  /** Longer periods. */
  long: number;
}

export type NodeState = '已完成' | '超期完成' | '正常' | '临期' | '超期';

export interface NodeResult {
  id: string;
  name: string;
  dueOn: CivilDate;
  doneOn: CivilDate | null;
  state: NodeState;
  daysLeft: number | null;
  basis: string;
  steps: string;
}

/** Normalised values of a row, by column id. */
export type RowValues = Record<string, CellValue>;

/** An index a ledger's rules read over stored rows, e.g. 终本 closures by respondent. */
export interface RowIndexDef<V> {
  /** Unique among the indexes of the ledger it reads. */
  name: string;
  /** The keys and values one row contributes, from its normalised values; none when it does not count. */
  entries(values: RowValues): Array<[key: string, value: V]>;
  /**
   * For an index with at most one key per row: that key, or null when `entries` gives none. An
   * index taken once (the weekly report's) then makes the values of the rows looked up only.
   */
  key?(values: RowValues): string | null;
}

/** What the stored ledgers tell a row about the other rows, as the current request sees them. */
export interface LedgerView {
  /** The live (not deleted) rows of a ledger under this key of the index. */
  lookup<V>(ledgerId: string, index: RowIndexDef<V>, key: string): ReadonlyArray<{ rowId: string; value: V }>;
}

export interface EvalContext<R> {
  asOf: CivilDate;
  /**
   * The clock at the court when the service evaluates, 'YYYY-MM-DD HH:mm'. Only ledgers that count
   * hours read it (see evaluationMoment), and only when it falls on asOf; a pure date asOf is enough
   * for everything else, so callers may leave it out.
   */
  now?: LocalDateTime;
  calendar: Calendar;
  rules: R;
  warnDefaults: WarnDefaults;
  view: LedgerView;
  /**
   * The caller reads the status columns, nodes and fixed facts only, never the problems (the weekly
   * report): a ledger may leave out the checks that only add problems, such as 终本 screening, which
   * looks up other rows.
   */
  statusOnly?: boolean;
}

export interface RowInput {
  rowId: string;
  values: RowValues;
  /** Facts fixed by an earlier sync (e.g. the team a case was triaged to). */
  fixed?: Record<string, unknown>;
}

export interface RowEvaluation {
  status: Record<string, string | number | null>;
  nodes: NodeResult[];
  problems: Problem[];
  /** Facts to keep with the row from now on; undefined clears them. */
  fixed: Record<string, unknown> | undefined;
}

/**
 * A ledger whose rows are assigned to teams: what its 分案清单 filters on and which column a team
 * owns. The service and the HTTP layer read only this, never the ledger's column ids.
 */
export interface AssignmentDef {
  /** The input column where a clerk assigns a team by hand; its options are the teams. */
  teamColumn: string;
  /** The status column naming the team a row is assigned to: a team owns the rows it names. */
  teamStatus: string;
  /** The date column from which a row counts as assigned; a list "since a date" reads it. */
  assignedOn: string;
  /** The date column that takes a row off a team's open list (the case is closed). */
  closedOn: string;
  /** The columns a 分案清单 shows, input and status ones, in order. */
  listColumns: string[];
}

/**
 * Which columns tie a row to its case: the alerts across every ledger and the case page read only
 * this, never a ledger's column ids.
 */
export interface CaseColumnsDef {
  /** The case-number column. */
  caseNo: string;
  /** The person or party the row is about (当事人), when the ledger names one. */
  party?: string;
  /** The row's own 承办人, when the ledger has one; otherwise the case's 承办人 is shown. */
  handler?: string;
}

export interface LedgerDefinition<R extends { nodes: Record<string, NodeConfig> } = { nodes: Record<string, NodeConfig> }> {
  id: string;
  name: string;
  key: string[];
  columns: ColumnDef[];
  /** The ledger's own computed columns; the six common ones are appended by the framework. */
  systemColumns: SystemColumnDef[];
  /** The word for the common `phase` column, or false when the ledger shows something else there. */
  phaseHeader: string | false;
  nodes: NodeRule[];
  /** Roles that may write this ledger; `team:*` stands for every team. */
  writers: string[];
  /**
   * The unit that keeps the ledger as a whole (one of its writers): with the admin, it alone may
   * delete rows by a whole-sheet sync, see the deleted rows and restore them.
   */
  owner: string;
  caseColumns: CaseColumnsDef;
  /** Present when the ledger's rows are assigned to teams (the 分案清单). */
  assignment?: AssignmentDef;
  /** What the ledger's rows add to the 周通报's compulsory-measures section. */
  measureFigures?: MeasureContribution;
  defaultRules: R;
  rulesSchema: z.ZodType<R>;
  evaluate(row: RowInput, context: EvalContext<R>): RowEvaluation;
}

export type AnyLedger = LedgerDefinition<any>;

export type { RawValue };
