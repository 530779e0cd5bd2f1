// Dates as Excel keeps them: serial numbers of the 1900 date system. The clients write dates into
// cells as serials (so a date cell stays a date whatever the clerk's locale), and show a clerk's date
// that the service stored as a serial as YYYY-MM-DD. Reading a serial is the domain's own
// fromExcelSerial, the one the service normalises input with.

import { fromExcelSerial } from '../service/domain/civil-date.ts';
import type { CellInput } from './contract.ts';

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

export function civilDateToSerial(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return Math.round((Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - EPOCH_MS) / DAY_MS);
}

export function dateTimeToSerial(value: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})/.exec(value);
  if (!match) return civilDateToSerial(value);
  const day = civilDateToSerial(match[1]);
  return day === null ? null : day + (Number(match[2]) * 60 + Number(match[3])) / 1440;
}

/** A date column's stored value as a clerk reads it: YYYY-MM-DD for a serial, else as stored. */
export function shownDate(value: CellInput | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return fromExcelSerial(value) ?? String(value);
  return String(value);
}
