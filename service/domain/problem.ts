// A problem found in a row: which column, how serious, and a Chinese message naming the value.

export type ProblemLevel = 'error' | 'warning';

export interface Problem {
  column: string;
  level: ProblemLevel;
  message: string;
  /**
   * The message explains the value typed in its column's cell (身份证号「…」校验位应为…), so a
   * workbook shows it as a note on that cell. Absent, a warning is about the row as a whole (a
   * deadline counted without holiday data) and stays in 校验意见: on a cell it would mark every row
   * of a sheet for something no clerk can correct there. Errors always mark their cell.
   */
  cell?: boolean;
}

/** A cell value as the add-in or a workbook sends it. */
export type RawValue = string | number | boolean | null | undefined;

/** The outcome of normalising one cell: the value (null when empty or unusable) and its problems. */
export interface Normalized<T> {
  value: T | null;
  problems: Array<{ level: ProblemLevel; message: string }>;
}
