// What the service found in an annotated workbook: sent beside the file in a response header, as
// URI-encoded JSON (service/http/workbooks-routes.ts), shortened when the workbook has very many sheets.

import type { AnnotationSummary, SheetReport } from '../service/workbook/annotate.ts';

export type { SheetReport };

export const ANNOTATION_SUMMARY_HEADER = 'X-Annotation-Summary';

export type ReceivedSummary = AnnotationSummary & { truncated?: boolean };

/** The summary of an annotate answer's header; an empty one when the header is missing or unreadable. */
export function readAnnotationSummary(header: string | null | undefined): ReceivedSummary {
  const empty: ReceivedSummary = { asOf: '', sheets: [] };
  if (!header) return empty;
  try {
    return { ...empty, ...(JSON.parse(decodeURIComponent(header)) as Partial<ReceivedSummary>) };
  } catch {
    return empty;
  }
}
