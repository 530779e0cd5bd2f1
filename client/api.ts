// The service's resources, one function each (SPEC §7), for every client.

import { readAnnotationSummary, ANNOTATION_SUMMARY_HEADER, type ReceivedSummary } from './annotation-summary.ts';
import {
  CALENDAR_MISSING,
  type AlertFilter,
  type AlertList,
  type AssignmentListPage,
  type BackupInfo,
  type CalendarYear,
  type CalendarYearView,
  type CaseView,
  type DeletedRow,
  type FestivalEntry,
  type Health,
  type InstallInfo,
  type IssuedToken,
  type KeptAssignmentList,
  type LedgerDefinition,
  type ListedReport,
  type ReportSettings,
  type ReportSettingsView,
  type RowsResponse,
  type RowWithNodes,
  type RuleItem,
  type SignedInUser,
  type SyncPart,
  type SyncRowRequest,
  type UnchangedRowRequest,
  type TeamCards,
  type TrendWeek,
  type UserSummary,
  type WeeklyReport,
} from './contract.ts';
import {
  callService,
  downloadFile,
  jsonBody,
  uploadForProgress,
  type Connection,
  type JsonBody,
  type ServiceFile,
  type UploadStage,
} from './service.ts';

/** The service's state; it needs no token. */
export function fetchHealth(connection: Connection): Promise<Health> {
  return callService<Health>(connection, '/api/health');
}

/** What every user is told of the calendar gap (years without holiday data), or '' when there is none. */
export function calendarGapNotice(health: Health): string {
  const gaps = (Array.isArray(health.warnings) ? health.warnings : []).filter((warning) => warning?.code === CALENDAR_MISSING);
  return gaps.map((warning) => warning.message).join('；');
}

/** Checks the address and the token: health needs no token, the ledger list does. */
export async function testConnection(connection: Connection): Promise<{ version: string; ledgers: LedgerDefinition[] }> {
  const health = await fetchHealth(connection);
  const ledgers = await fetchLedgers(connection);
  return { version: health.version, ledgers };
}

export function fetchLedgers(connection: Connection): Promise<LedgerDefinition[]> {
  return callService<LedgerDefinition[]>(connection, '/api/ledgers');
}

export function fetchMe(connection: Connection): Promise<SignedInUser> {
  return callService<SignedInUser>(connection, '/api/me');
}

/** The service's address, its manifest and its CA certificate (no token needed). */
export function fetchInstallInfo(connection: Connection): Promise<InstallInfo> {
  return callService<InstallInfo>(connection, '/api/install');
}

/** A ledger's deleted rows, the latest deletion first (its owning unit and the admin only). */
export async function fetchDeletedRows(connection: Connection, ledgerId: string): Promise<DeletedRow[]> {
  return (await callService<{ rows: DeletedRow[] }>(connection, `/api/ledgers/${encodeURIComponent(ledgerId)}/deleted`)).rows;
}

/** Brings a deleted row back; the answer is the row evaluated, as a sync answers. */
export function restoreRow(connection: Connection, ledgerId: string, rowId: string): Promise<RowsResponse> {
  const path = `/api/ledgers/${encodeURIComponent(ledgerId)}/rows/${encodeURIComponent(rowId)}/restore`;
  return callService<RowsResponse>(connection, path, { method: 'POST', body: '{}' });
}

/** Sends rows; the answer carries each row's status columns and problems (detail=status), not its nodes. */
export function syncRows(
  connection: Connection,
  ledgerId: string,
  rows: Array<SyncRowRequest | UnchangedRowRequest>,
): Promise<RowsResponse> {
  return jsonBody(syncBodyText(JSON.stringify(rows))).then((body) => syncRowsBody(connection, ledgerId, body));
}

/**
 * A new sync's UUID for its parts. From getRandomValues: randomUUID exists only in a secure
 * context, and a WPS pane may be served over plain http on the court's network.
 */
export function newSyncId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The body of a sync request of rows already serialised as a JSON array (the add-in measures that
 * text before sending it); `part` names the request's place in a sync sent in parts.
 */
export function syncBodyText(rowsJson: string, part?: SyncPart): string {
  return `{"rows":${rowsJson},"mode":"upsert"${part ? `,"part":${JSON.stringify(part)}` : ''}}`;
}

/** A sync whose body is ready (see jsonBody): the request goes at once. */
export function syncRowsBody(connection: Connection, ledgerId: string, json: JsonBody): Promise<RowsResponse> {
  return callService<RowsResponse>(connection, `/api/ledgers/${encodeURIComponent(ledgerId)}/sync?detail=status`, { method: 'POST', json });
}

/** A team's 分案清单: the rows the service assigns to the team, assigned since a date when given. */
export function fetchTeamRows(connection: Connection, ledgerId: string, team: string, since?: string): Promise<RowsResponse> {
  const query = new URLSearchParams({ team, ...(since ? { since } : {}), detail: 'status' });
  return callService<RowsResponse>(connection, `/api/ledgers/${encodeURIComponent(ledgerId)}/rows?${query}`);
}

/** One row with its nodes (due dates, states, basis and counting steps): what a clerk sees on asking about a row. */
export async function fetchRow(connection: Connection, ledgerId: string, rowId: string): Promise<RowWithNodes> {
  const path = `/api/ledgers/${encodeURIComponent(ledgerId)}/rows/${encodeURIComponent(rowId)}`;
  return (await callService<{ rows: RowWithNodes[] }>(connection, path)).rows[0];
}

/** Which 分案清单: a team's, the day's (cases assigned on `date`) or, without a date, all its open cases. */
export interface AssignmentQuery {
  team: string;
  date?: string;
}

const assignmentsPath = (ledgerId: string, query: Record<string, string>) =>
  `/api/ledgers/${encodeURIComponent(ledgerId)}/assignments?${new URLSearchParams(query)}`;

/** One page of a team's 分案清单 (pages from 1; the service's default page size when none is given), the most urgent first. */
export function fetchAssignmentList(
  connection: Connection,
  ledgerId: string,
  query: AssignmentQuery,
  page: { page: number; pageSize?: number },
): Promise<AssignmentListPage> {
  const paging = { page: String(page.page), ...(page.pageSize ? { pageSize: String(page.pageSize) } : {}) };
  return callService<AssignmentListPage>(connection, assignmentsPath(ledgerId, { ...assignmentQuery(query), ...paging }));
}

/** The whole list as an Excel workbook or a Word document. */
export function assignmentListFile(
  connection: Connection,
  ledgerId: string,
  query: AssignmentQuery,
  format: 'xlsx' | 'docx',
): Promise<ServiceFile> {
  return downloadFile(connection, assignmentsPath(ledgerId, { ...assignmentQuery(query), format }), `分案清单-${query.team}.${format}`);
}

function assignmentQuery({ team, date }: AssignmentQuery): Record<string, string> {
  return { team, ...(date ? { date } : {}) };
}

/** The day's lists the service kept, the latest day first; a team's only when one is given. */
export function fetchKeptLists(connection: Connection, team?: string): Promise<KeptAssignmentList[]> {
  return callService<KeptAssignmentList[]>(connection, `/api/assignments${team ? `?${new URLSearchParams({ team })}` : ''}`);
}

/** A kept list's file, byte for byte as the service made it that day. */
export function keptListFile(connection: Connection, file: KeptAssignmentList['files'][number]): Promise<ServiceFile> {
  return downloadFile(connection, file.url, file.file);
}

/** The 周通报 of an ISO week (YYYY-Www); the service answers the week before this one when none is given. */
export function fetchWeeklyReport(connection: Connection, week?: string): Promise<WeeklyReport> {
  const query = new URLSearchParams({ format: 'json', ...(week ? { week } : {}) });
  return callService<WeeklyReport>(connection, `/api/reports/weekly?${query}`);
}

/** The figures of the last `weeks` complete weeks (1 to 52; the service's default 12), oldest first. */
export function fetchTrend(connection: Connection, weeks?: number): Promise<TrendWeek[]> {
  const query = new URLSearchParams(weeks === undefined ? {} : { weeks: String(weeks) });
  return callService<TrendWeek[]>(connection, `/api/reports/trend?${query}`);
}

/** The teams' figures of this week as of today, as the 周通报 counts them, the team with most 超期 first. */
export function fetchTeamCards(connection: Connection): Promise<TeamCards> {
  return callService<TeamCards>(connection, '/api/reports/teams');
}

/** One page of the 超期 and 临期 nodes of every ledger as of today, narrowed by the filter. */
export function fetchAlerts(connection: Connection, filter: AlertFilter, page: number, pageSize: number): Promise<AlertList> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  for (const [name, value] of Object.entries(filter)) if (typeof value === 'string' && value !== '') query.set(name, value);
  return callService<AlertList>(connection, `/api/alerts?${query}`);
}

/** Every ledger's rows of a case, the case number in any form a clerk types it. */
export function fetchCase(connection: Connection, caseNo: string): Promise<CaseView> {
  return callService<CaseView>(connection, `/api/cases/${encodeURIComponent(caseNo)}`);
}

/** The 周通报 files: the xlsx (every table, the full overdue list) and the Word document (the 通报 to send). */
export type ReportFileFormat = 'xlsx' | 'docx';

export function weeklyReportFile(connection: Connection, week: string, format: ReportFileFormat = 'xlsx'): Promise<ServiceFile> {
  const query = new URLSearchParams({ week, format });
  return downloadFile(connection, `/api/reports/weekly?${query}`, `周通报-${week}.${format}`);
}

/**
 * A one-time address (two minutes, one use) for a week's 周通报 file, for a browser that holds no
 * token: the add-in opens it in the system browser. The address is relative to the service.
 */
export function weeklyReportTicket(connection: Connection, week: string | undefined, format: ReportFileFormat): Promise<{ url: string }> {
  const query = new URLSearchParams({ format, ...(week ? { week } : {}) });
  return callService<{ url: string }>(connection, `/api/reports/weekly/ticket?${query}`, { method: 'POST' });
}

/** A weekly report as the service stored it on its Monday, byte for byte: its xlsx, or its docx when one was kept. */
export function storedReportFile(connection: Connection, report: ListedReport, format: ReportFileFormat = 'xlsx'): Promise<ServiceFile> {
  const stored = format === 'docx' ? report.docx : report;
  if (!stored) return Promise.reject(new Error(`${report.week} 周通报当时没有保存 Word 文件，请点「重新生成 Word」`));
  return downloadFile(connection, stored.url, stored.file);
}

/** The weekly reports the service made by itself. */
export function fetchStoredReports(connection: Connection): Promise<ListedReport[]> {
  return callService<ListedReport[]>(connection, '/api/reports');
}

export function templateFile(connection: Connection, ledger: LedgerDefinition): Promise<ServiceFile> {
  return downloadFile(connection, `/api/templates/${encodeURIComponent(ledger.id)}.xlsx`, `${ledger.name}（空白模板）.xlsx`);
}

export interface AnnotatedWorkbook {
  file: ServiceFile;
  summary: ReceivedSummary;
}

/** The name the service gives an annotated workbook, for an answer that lacks one. */
function annotatedName(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, '')}（已标注）.xlsx`;
}

function annotatePath(asOf: string | undefined): string {
  return `/api/workbooks/annotate${asOf ? `?${new URLSearchParams({ asOf })}` : ''}`;
}

function workbookForm(workbook: Blob, fileName: string): FormData {
  const form = new FormData();
  form.append('file', workbook, fileName);
  return form;
}

/** A workbook sent to be checked and annotated, and what came back (from the command line). */
export async function annotateWorkbook(
  connection: Connection,
  workbook: Blob,
  fileName: string,
  asOf?: string,
): Promise<AnnotatedWorkbook> {
  const init = { method: 'POST', body: workbookForm(workbook, fileName) };
  const file = await downloadFile(connection, annotatePath(asOf), annotatedName(fileName), init);
  return { file, summary: readAnnotationSummary(file.header(ANNOTATION_SUMMARY_HEADER)) };
}

/** The same, reporting upload and download progress (in a browser). */
export async function annotateWorkbookWithProgress(
  connection: Connection,
  workbook: Blob,
  fileName: string,
  asOf: string | undefined,
  onProgress: (stage: UploadStage) => void,
): Promise<AnnotatedWorkbook> {
  const file = await uploadForProgress(
    connection,
    annotatePath(asOf),
    workbookForm(workbook, fileName),
    annotatedName(fileName),
    onProgress,
  );
  return { file, summary: readAnnotationSummary(file.header(ANNOTATION_SUMMARY_HEADER)) };
}

// ---- The admin section -----------------------------------------------------------------------

const userPath = (name: string) => `/api/users/${encodeURIComponent(name)}`;

/** Every user, and every role one may be given with its name. */
export function fetchUsers(connection: Connection): Promise<{ users: UserSummary[]; roles: Array<{ role: string; label: string }> }> {
  return callService(connection, '/api/users');
}

/** Creates a user; the answer carries its token, shown this once. */
export function createUser(connection: Connection, name: string, roles: string[]): Promise<IssuedToken> {
  return callService<IssuedToken>(connection, '/api/users', { method: 'POST', body: JSON.stringify({ name, roles }) });
}

export async function changeUser(
  connection: Connection,
  name: string,
  change: { roles?: string[]; disabled?: boolean },
): Promise<UserSummary> {
  return (await callService<{ user: UserSummary }>(connection, userPath(name), { method: 'PATCH', body: JSON.stringify(change) })).user;
}

/** A new token for the user (the old one stops working), shown this once. */
export function rotateToken(connection: Connection, name: string): Promise<IssuedToken> {
  return callService<IssuedToken>(connection, `${userPath(name)}/token`, { method: 'POST', body: '{}' });
}

export async function fetchCalendarYears(connection: Connection): Promise<CalendarYear[]> {
  return (await callService<{ years: CalendarYear[] }>(connection, '/api/calendar/years')).years;
}

export function fetchCalendarYear(connection: Connection, year: number): Promise<CalendarYearView> {
  return callService<CalendarYearView>(connection, `/api/calendar/years/${year}`);
}

/** The year as entered, read and shown back as twelve months; nothing is saved. */
export function previewCalendarYear(connection: Connection, year: number, festivals: FestivalEntry[]): Promise<CalendarYearView> {
  return callService<CalendarYearView>(connection, `/api/calendar/years/${year}/preview`, {
    method: 'POST',
    body: JSON.stringify({ festivals }),
  });
}

export function saveCalendarYear(connection: Connection, year: number, festivals: FestivalEntry[]): Promise<CalendarYearView> {
  return callService<CalendarYearView>(connection, `/api/calendar/years/${year}`, { method: 'PUT', body: JSON.stringify({ festivals }) });
}

export async function fetchRulesForm(connection: Connection): Promise<RuleItem[]> {
  return (await callService<{ items: RuleItem[] }>(connection, '/api/rules/form')).items;
}

const rulePath = (id: string) => `/api/rules/form/${encodeURIComponent(id)}`;

export async function saveRuleItem(
  connection: Connection,
  id: string,
  change: { enabled?: boolean; fields: Record<string, unknown> },
): Promise<RuleItem> {
  return (await callService<{ item: RuleItem }>(connection, rulePath(id), { method: 'PUT', body: JSON.stringify(change) })).item;
}

export async function resetRuleItem(connection: Connection, id: string): Promise<RuleItem> {
  return (await callService<{ item: RuleItem }>(connection, `${rulePath(id)}/reset`, { method: 'POST', body: '{}' })).item;
}

export function fetchReportSettings(connection: Connection): Promise<ReportSettingsView> {
  return callService<ReportSettingsView>(connection, '/api/settings/report');
}

export function saveReportSettings(connection: Connection, settings: ReportSettings): Promise<ReportSettingsView> {
  return callService<ReportSettingsView>(connection, '/api/settings/report', { method: 'PUT', body: JSON.stringify(settings) });
}

export async function fetchBackups(connection: Connection): Promise<BackupInfo[]> {
  return (await callService<{ backups: BackupInfo[] }>(connection, '/api/backups')).backups;
}

export async function makeBackup(connection: Connection): Promise<BackupInfo> {
  return (await callService<{ backup: BackupInfo }>(connection, '/api/backups', { method: 'POST', body: '{}' })).backup;
}

export function backupFile(connection: Connection, name: string): Promise<ServiceFile> {
  return downloadFile(connection, `/api/backups/${encodeURIComponent(name)}`, `执行台账备份-${name}.zip`);
}
