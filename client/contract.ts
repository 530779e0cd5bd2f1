// The shapes of the HTTP contract (SPEC §7) as every client sees them: the add-in, the web page and
// the command line know no ledger beyond what these carry.

import type { Alert, AlertFilter, AlertOptions, AlertPage } from '../service/domain/alerts.ts';
import type { CaseField, CaseLedger, CaseNode, CasePage, CaseRow } from '../service/domain/case-page.ts';
import type { TeamFigures } from '../service/domain/report/sections/cases.ts';
import type { AssignmentList, ListCell, ListColumn, ListPage } from '../service/domain/assignment-list.ts';
import type { TrendFigures, TrendWeek } from '../service/domain/report/trend.ts';
import type { WeeklyReport } from '../service/domain/report/weekly-report.ts';
import type { ReportSettings } from '../service/domain/report/report-settings.ts';
import type { BackupInfo, StoredReport } from '../service/store/store.ts';
import type { FestivalEntry, MonthGrid } from '../service/calendar-entry.ts';
import type { RuleField, RuleItem } from '../service/rules-form.ts';
import type { UserSummary } from '../service/users.ts';

export type { WeeklyReport };
/** GET /api/reports/trend: one entry per complete week, oldest first. */
export type { TrendFigures, TrendWeek };

/** GET /api/reports/teams: the week holding the day, and its teams' figures as of that day, worst team first. */
export interface TeamCards {
  week: string;
  from: string;
  to: string;
  asOf: string;
  teams: TeamFigures[];
}
export type { TeamFigures };

/** GET /api/alerts: one page of 超期 and 临期 across every ledger, most urgent first. */
export type AlertList = AlertPage & { asOf: string };
export type { Alert, AlertFilter, AlertOptions };

/** GET /api/cases/:caseNo: every ledger's rows of one case. */
export type CaseView = CasePage & { asOf: string };
export type { CaseField, CaseLedger, CaseNode, CaseRow };

export interface LedgerColumn {
  id: string;
  header: string;
  aliases: string[];
  type: string;
  required: boolean;
  options?: string[];
  system: boolean;
}

/** A ledger whose rows are assigned to teams: the teams, and what a 分案清单 shows. */
export interface LedgerAssignment {
  teams: string[];
  /** The input column where a clerk assigns a team by hand. */
  teamColumn: string;
  /** The status column naming a row's team. */
  teamStatus: string;
  /** The date column from which a row counts as assigned. */
  assignedOn: string;
  /** The date column that takes a row off a team's open list. */
  closedOn: string;
  /** The columns a 分案清单 shows, in order. */
  listColumns: string[];
}

export interface LedgerDefinition {
  id: string;
  name: string;
  key: string[];
  columns: LedgerColumn[];
  assignment?: LedgerAssignment;
}

/** The 预警 column (SPEC §5: every ledger has it) and the words it shows. */
export const ALERT_COLUMN = 'alert';
export const OVERDUE = '超期';
export const DUE_SOON = '临期';
export const ON_TRACK = '正常';

export type CellInput = string | number | boolean | null;

export interface SyncRowRequest {
  rowId?: string;
  rev?: number;
  values: Record<string, CellInput>;
}

/** A row not changed since the service answered it at `rev`, named without its values (answered `resend` if the stored row moved on). */
export interface UnchangedRowRequest {
  rowId: string;
  rev: number;
}

/** A request's place in a sync sent in parts: the service takes the parts of one `sync` in `index` order, as one request. */
export interface SyncPart {
  sync: string;
  index: number;
}

export interface RowProblem {
  column: string;
  level: 'error' | 'warning';
  message: string;
}

export interface RowResult {
  rowId: string;
  rev: number;
  /** `resend` only for a row named unchanged whose stored version is another: it is sent again with its values. */
  state: 'ok' | 'invalid' | 'conflict' | 'resend';
  errors: RowProblem[];
  status: Record<string, string | number | null>;
  /** The stored values: sent with a conflict, and with every row of a 分案清单. */
  values?: Record<string, CellInput>;
}

/** A row's deadline node (GET /api/ledgers/:id/rows/:rowId): its due date, state, and how the date was counted. */
export interface RowNode {
  id: string;
  name: string;
  dueOn: string;
  doneOn: string | null;
  state: string;
  daysLeft: number | null;
  basis: string;
  steps: string;
}

export type RowWithNodes = RowResult & { nodes: RowNode[] };

export interface RowsResponse {
  asOf: string;
  revision: number;
  rows: RowResult[];
}

/** GET /api/ledgers/:id/assignments: one page of a team's 分案清单, the most urgent first, with the counts of the whole list. */
export type AssignmentListPage = Omit<AssignmentList, 'rows'> & ListPage;
export type { ListCell, ListColumn };

/** A day's 分案清单 of a team the service kept (GET /api/assignments), its files by format. */
export interface KeptAssignmentList {
  team: string;
  date: string;
  savedAt: string;
  files: Array<{ format: 'xlsx' | 'docx'; file: string; bytes: number; url: string }>;
}

/** A weekly report the service made by itself (GET /api/reports), with its week's dates when known. */
/** GET /api/reports: a stored week's xlsx (file, url) and, when one was saved, its Word document. */
export type ListedReport = Omit<StoredReport, 'docx'> & {
  from?: string;
  to?: string;
  url: string;
  docx?: { file: string; bytes: number; url: string };
};

/** The signed-in user (GET /api/me), with the ledgers whose deleted rows they may see and restore. */
export interface SignedInUser {
  name: string;
  roles: string[];
  /** Each role in the bureau's words (管理员, 执行事务中心, a team's name…), for the page to show. */
  roleNames?: string[];
  manages: string[];
}

/** Something the admin must fix, said by GET /api/health; `calendar-missing`: a year without holiday data. */
export interface HealthWarning {
  code: string;
  message: string;
}

/** GET /api/health; a service older than its warnings answers without them. */
export interface Health {
  ok: boolean;
  version: string;
  warnings?: HealthWarning[];
}

export const CALENDAR_MISSING = 'calendar-missing';

/** A soft-deleted row (GET /api/ledgers/:id/deleted). */
export interface DeletedRow {
  rowId: string;
  rev: number;
  values: Record<string, CellInput>;
  deleted: { at: string; by: string };
}

/** GET /api/install (no token): the addresses the web page shows for setting up a court's PCs. */
export interface InstallInfo {
  /** PUBLIC_URL: the address clerks' PCs and the add-in use. */
  publicUrl: string;
  webUrl: string;
  manifestUrl: string;
  /** The WPS 表格 add-in's install page (统信 UOS, 银河麒麟, Windows). */
  wpsInstallUrl: string;
  /** The service's own CA certificate; null when the service uses the administrator's certificate. */
  caCertificateUrl: string | null;
}

// ---- The admin section (admin only) ----------------------------------------------------------

export type { BackupInfo, FestivalEntry, MonthGrid, ReportSettings, RuleField, RuleItem, UserSummary };

/** GET/PUT /api/settings/report: the weekly report's heading and numbering, and the number the last week gets. */
export interface ReportSettingsView {
  settings: ReportSettings;
  /** False while the admin never saved them: the defaults are in force. */
  saved: boolean;
  /** The week the next report covers, and its 第N期 (null when before the start week). */
  lastWeek: { week: string; issue: number | null };
}

/** A user just created, or given a new token: the token is in this answer only. */
export interface IssuedToken {
  user?: UserSummary;
  token: string;
}

/** A year with holiday data: the package's (chinese-days) or the admin's own entry. */
export interface CalendarYear {
  year: number;
  source: 'package' | 'override';
  holidays: number;
  workdays: number;
}

/** One year's holidays and 调休 workdays, as twelve months (GET, preview, save). */
export interface CalendarYearView {
  year: number;
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  months: MonthGrid[];
  restDays: number;
  source?: CalendarYear['source'] | null;
  festivals?: FestivalEntry[];
}
