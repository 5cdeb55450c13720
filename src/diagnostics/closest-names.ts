/** Suggestions for a misspelt name, for messages that list what exists. */

/**
 * The names closest to `name` (a typo is a few edits away), or all of
 * them when none is close; at most `max`, in a stable order.
 */
export function closestNames(name: string, names: readonly string[], max = 8): string[] {
  const scored = names.map((n) => ({ n, d: distance(name.toLowerCase(), n.toLowerCase()) }));
  const close = scored.filter((s) => s.d <= Math.max(2, Math.floor(name.length / 3)) || s.n.includes(name) || name.includes(s.n));
  const pick = close.length ? close.sort((a, b) => a.d - b.d || cmp(a.n, b.n)) : scored.sort((a, b) => cmp(a.n, b.n));
  return pick.slice(0, max).map((s) => s.n);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Levenshtein distance, on names a few dozen characters long at most (longer ones are cut). */
function distance(a: string, b: string): number {
  const x = a.slice(0, 64);
  const y = b.slice(0, 64);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/** Every name, the closest to `wanted` first: for a message that lists all the choices. */
export function closestFirst(wanted: string, names: readonly string[]): string[] {
  const close = closestNames(wanted, names);
  return [...close, ...[...names].filter((n) => !close.includes(n)).sort(cmp)];
}
