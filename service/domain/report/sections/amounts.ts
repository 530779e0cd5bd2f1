// Sums of amounts in yuan, added up in fen so that 0.1 + 0.2 is 0.3.

export function sumYuan(amounts: Iterable<unknown>): number {
  let fen = 0;
  for (const amount of amounts) if (typeof amount === 'number') fen += Math.round(amount * 100);
  return fen / 100;
}
