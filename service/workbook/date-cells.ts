// Dates written into the service's workbooks as real date cells: exceljs takes a Date and stores
// its UTC day as the Excel serial, so a civil date goes in as that day's UTC midnight.

/** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm' as the Date exceljs writes as that day (and time); null for other text. */
export function dateCellValue(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map((part) => Number(part ?? 0));
  return new Date(Date.UTC(year, month - 1, day, hour, minute));
}
