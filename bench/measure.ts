// What every benchmark prints: one JSON line per figure, with its floor and the ratio.

export const TOKEN = 'bench-admin-token-0123456789abcdef';

export function line(name: string, value: number, floor: number, unit: string): void {
  console.log(
    JSON.stringify({
      name,
      value: Number(value.toFixed(1)),
      unit,
      floor: Number(floor.toFixed(1)),
      ratio: Number((value / floor).toFixed(3)),
    }),
  );
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
