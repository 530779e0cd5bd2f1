// The service's resources, one function each (SPEC §7), for every client.

import { readAnnotationSummary, ANNOTATION_SUMMARY_HEADER, type ReceivedSummary } from './annotation-summary.ts';
import {
  CALENDAR_MISSING,
  type DeletedRow,
  type Health,
  type LedgerDefinition,
  type ListedReport,
  type RowsResponse,
  type SignedInUser,
  type SyncRowRequest,
  type WeeklyReport,
} from './contract.ts';
import { callService, downloadFile, uploadForProgress, type Connection, type ServiceFile, type UploadStage } from './service.ts';

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

/** A ledger's deleted rows, the latest deletion first (its owning unit and the admin only). */
export async function fetchDeletedRows(connection: Connection, ledgerId: string): Promise<DeletedRow[]> {
  return (await callService<{ rows: DeletedRow[] }>(connection, `/api/ledgers/${encodeURIComponent(ledgerId)}/deleted`)).rows;
}

/** Brings a deleted row back; the answer is the row evaluated, as a sync answers. */
export function restoreRow(connection: Connection, ledgerId: string, rowId: string): Promise<RowsResponse> {
  const path = `/api/ledgers/${encodeURIComponent(ledgerId)}/rows/${encodeURIComponent(rowId)}/restore`;
  return callService<RowsResponse>(connection, path, { method: 'POST', body: '{}' });
}

export function syncRows(connection: Connection, ledgerId: string, rows: SyncRowRequest[]): Promise<RowsResponse> {
  return callService<RowsResponse>(connection, `/api/ledgers/${encodeURIComponent(ledgerId)}/sync`, {
    method: 'POST',
    body: JSON.stringify({ rows, mode: 'upsert' }),
  });
}

/** A team's 分案清单: the rows the service assigns to the team, assigned since a date when given. */
export function fetchTeamRows(connection: Connection, ledgerId: string, team: string, since?: string): Promise<RowsResponse> {
  const query = new URLSearchParams({ team, ...(since ? { since } : {}) });
  return callService<RowsResponse>(connection, `/api/ledgers/${encodeURIComponent(ledgerId)}/rows?${query}`);
}

/** The 周通报 of an ISO week (YYYY-Www); the service answers the week before this one when none is given. */
export function fetchWeeklyReport(connection: Connection, week?: string): Promise<WeeklyReport> {
  const query = new URLSearchParams({ format: 'json', ...(week ? { week } : {}) });
  return callService<WeeklyReport>(connection, `/api/reports/weekly?${query}`);
}

export function weeklyReportFile(connection: Connection, week: string): Promise<ServiceFile> {
  const query = new URLSearchParams({ week, format: 'xlsx' });
  return downloadFile(connection, `/api/reports/weekly?${query}`, `周通报-${week}.xlsx`);
}

/** A weekly report as the service stored it on its Monday, byte for byte. */
export function storedReportFile(connection: Connection, report: ListedReport): Promise<ServiceFile> {
  return downloadFile(connection, report.url, report.file);
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
