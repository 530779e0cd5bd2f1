// A problem found in a row: which column, how serious, and a Chinese message naming the value.

export type ProblemLevel = 'error' | 'warning';

export interface Problem {
  column: string;
  level: ProblemLevel;
  message: string;
}

/** A cell value as the add-in or a workbook sends it. */
export type RawValue = string | number | boolean | null | undefined;

/** The outcome of normalising one cell: the value (null when empty or unusable) and its problems. */
export interface Normalized<T> {
  value: T | null;
  problems: Array<{ level: ProblemLevel; message: string }>;
}
