/**
 * Standard competition ranking ("1224"): equal values share a rank, the next
 * rank skips. Values are compared after rounding to 2 decimals so that
 * floating-point noise never separates equal totals.
 */
export function rankDescending(values: readonly number[]): number[] {
  const r = values.map((v) => Math.round(v * 100));
  return r.map((v) => 1 + r.filter((w) => w > v).length);
}

/** Sum with 2-decimal rounding (points are typed with at most 2 decimals). */
export function sumPoints(values: readonly number[]): number {
  return Math.round(values.reduce((s, v) => s + Math.round(v * 100), 0)) / 100;
}
