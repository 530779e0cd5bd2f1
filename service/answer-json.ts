// A sync's answer carries every row's status columns: some 5 MB of UTF-8 for 10,000 case rows. A row
// answered from its kept evaluation is answered with the same bytes every time, so they are encoded
// once and kept beside the evaluation; the answer is those pieces put together, not one JSON.stringify
// of the whole and one more conversion of that text to bytes.

import type { RowsResponse } from './ledger-service.ts';

const encoded = new WeakMap<object, Buffer>();
const COMMA = Buffer.from(',');

/** Keeps a row answer's JSON bytes with it: the answer object must not be changed afterwards. */
export function withEncoding<T extends object>(row: T): T {
  encoded.set(row, Buffer.from(JSON.stringify(row)));
  return row;
}

/** The answer as UTF-8 JSON: the same text as JSON.stringify(answer), from the rows' kept bytes where they have them. */
export function answerBytes(answer: RowsResponse): Buffer {
  const { rows, ...rest } = answer;
  const head = JSON.stringify(rest);
  const pieces: Buffer[] = [Buffer.from(`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"rows":[`)];
  // Rows without kept bytes (new or changed ones) are encoded a run at a time: one stringify and one
  // conversion per run, not per row.
  let run: object[] = [];
  const endRun = () => {
    if (run.length === 0) return;
    if (pieces.length > 1) pieces.push(COMMA);
    pieces.push(Buffer.from(JSON.stringify(run).slice(1, -1)));
    run = [];
  };
  for (const row of rows) {
    const kept = encoded.get(row);
    if (!kept) {
      run.push(row);
      continue;
    }
    endRun();
    if (pieces.length > 1) pieces.push(COMMA);
    pieces.push(kept);
  }
  endRun();
  pieces.push(Buffer.from(']}'));
  return Buffer.concat(pieces);
}
