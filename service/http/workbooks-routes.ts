// /api/workbooks/annotate and /api/templates/:id.xlsx: the workbook path for staff without the
// add-in. Handlers only parse, call and answer; the workbook layer does the work.

import { Router } from 'express';
import { civilDateAt } from '../domain/civil-date.ts';
import { findLedger } from '../domain/ledgers/index.ts';
import type { AnnotationSummary, WorkbookAnnotator } from '../workbook/annotate.ts';
import { WORKBOOK_LIMITS, WorkbookRefusal } from '../workbook/limits.ts';
import { buildTemplate } from '../workbook/template.ts';
import { currentUser } from './auth.ts';
import { HttpError } from './errors.ts';
import { queryDate } from './query.ts';
import { readUpload } from './upload.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The annotation summary travels in this header, URI-encoded JSON, beside the workbook itself. */
export const SUMMARY_HEADER = 'X-Annotation-Summary';
const SUMMARY_HEADER_LENGTH = 8_000;

export function workbooksRouter(annotator: WorkbookAnnotator, timeZone: string, now: () => Date): Router {
  const router = Router();

  router.post('/workbooks/annotate', async (req, res) => {
    const user = currentUser(req);
    const asOf = queryDate(req, 'asOf') ?? civilDateAt(now(), timeZone);
    // One workbook per user and a bounded queue: a place is taken before the file is even read.
    const ticket = annotator.admit(user);
    const upload = await readUpload(req, 'file', WORKBOOK_LIMITS.uploadBytes).catch((error: unknown) => {
      ticket.release();
      throw error;
    });
    const { workbook, summary } = await annotator.annotate(upload.file, user, asOf, ticket).catch((error: unknown) => {
      throw error instanceof WorkbookRefusal ? new HttpError(error.status, error.code, error.message) : error;
    });
    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', attachment(annotatedName(upload.filename)));
    res.set(SUMMARY_HEADER, summaryHeader(summary));
    res.send(workbook);
  });

  router.get('/templates/:id.xlsx', async (req, res) => {
    const ledger = findLedger(String(req.params.id));
    if (!ledger) throw new HttpError(404, 'unknown_ledger', `没有编号为「${String(req.params.id).slice(0, 40)}」的台账模板`);
    const template = await buildTemplate(ledger);
    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', attachment(`${ledger.name}（空白模板）.xlsx`));
    res.send(template);
  });

  return router;
}

/** 「1月台账.xlsx」 → 「1月台账（已标注）.xlsx」, once however often it is annotated. */
export function annotatedName(uploaded: string): string {
  const base = uploaded
    .replace(/^.*[\\/]/, '')
    .replace(/\.xlsx$/i, '')
    .replace(/（已标注）$/, '')
    // eslint-disable-next-line no-control-regex -- control characters are what this strips from the name
    .replace(/[\u0000-\u001f"]/g, '')
    .trim();
  return `${base || '台账'}（已标注）.xlsx`;
}

function attachment(filename: string): string {
  return `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Response headers have a size limit; a workbook with very many sheets reports its ledger sheets first. */
function summaryHeader(summary: AnnotationSummary): string {
  const encode = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  let header = encode(summary);
  if (header.length <= SUMMARY_HEADER_LENGTH) return header;
  const sheets = summary.sheets
    .filter((sheet) => sheet.ledger)
    .map((sheet) => ({ ...sheet, otherHeaders: sheet.otherHeaders.slice(0, 5) }));
  while (sheets.length > 0) {
    header = encode({ ...summary, sheets, truncated: true });
    if (header.length <= SUMMARY_HEADER_LENGTH) return header;
    sheets.pop();
  }
  return encode({ asOf: summary.asOf, sheets: [], truncated: true });
}
