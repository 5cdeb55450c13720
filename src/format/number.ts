/**
 * Numbers as Vietnamese documents write them: "." groups thousands, ","
 * marks decimals ("1.234,5"). Also percentages, scores, Roman numerals,
 * letter ordinals and document numbers. All functions are pure.
 */

/** Throws RangeError unless `n` is a finite number. */
function checkFinite(n: number, what = "number"): void {
  if (!Number.isFinite(n)) throw new RangeError(`${what} must be finite, got ${n}`);
}

/** Throws RangeError unless `d` is an integer in 0..10. */
function checkDecimals(d: number): void {
  if (!Number.isInteger(d) || d < 0 || d > 10) throw new RangeError(`decimals must be an integer 0..10, got ${d}`);
}

/**
 * Rounds `n` to `decimals` places, half away from zero, and writes it the
 * Vietnamese way. `trim` drops trailing zeros (and the comma if none is left).
 * The scaled value goes through toPrecision(15) first so that binary noise
 * (1.005 * 100 = 100.49999…) does not decide the rounding.
 */
function render(n: number, decimals: number, trim: boolean): string {
  checkFinite(n);
  checkDecimals(decimals);
  const scaled = Math.round(Number((Math.abs(n) * 10 ** decimals).toPrecision(15)));
  const digits = BigInt(scaled).toString().padStart(decimals + 1, "0");
  const intPart = digits.slice(0, digits.length - decimals);
  let frac = digits.slice(digits.length - decimals);
  if (trim) frac = frac.replace(/0+$/u, "");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/gu, ".");
  const sign = n < 0 && scaled !== 0 ? "-" : "";
  return `${sign}${grouped}${frac ? `,${frac}` : ""}`;
}

/**
 * Vietnamese number: 1234.5 → "1.234,5", 1000000 → "1.000.000",
 * -12.25 → "-12,25". Without `decimals`: as many decimals as needed, up to 2,
 * no trailing zeros (2/3 → "0,67"). With `decimals`: exactly that many
 * (formatNumber(5, 2) → "5,00"). Rounds half away from zero; never "-0".
 */
export function formatNumber(n: number, decimals?: number): string {
  return decimals === undefined ? render(n, 2, true) : render(n, decimals, false);
}

/**
 * Percentage of `part` in `whole`: (2, 3) → "66,67%", (3, 3) → "100%",
 * no space before "%". `decimals` is the maximum number of decimals
 * (trailing zeros are dropped: "50%", "12,5%"). A `whole` of 0 gives "0%".
 */
export function formatPercent(part: number, whole: number, decimals = 2): string {
  checkFinite(part, "part");
  checkFinite(whole, "whole");
  if (whole === 0) return "0%";
  return formatRatio(part / whole, decimals);
}

/**
 * A precomputed ratio (a fraction, 1 = 100 %) as a percentage:
 * 0.5 → "50%", 2/3 → "66,67%". `decimals` as in {@link formatPercent}.
 */
export function formatRatio(value: number, decimals = 2): string {
  checkFinite(value, "ratio");
  return `${render(value * 100, decimals, true)}%`;
}

/** Points of a score, up to 2 decimals, no trailing zeros: 95 → "95", 92.5 → "92,5". */
export function formatScore(n: number): string {
  return formatNumber(n);
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

/** Roman numeral for headings (I., II., …): 1 → "I", 39 → "XXXIX"; integers 1..3999, else RangeError. */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`toRoman needs an integer 1..3999, got ${n}`);
  let rest = n;
  let out = "";
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/**
 * The letters of points a), b), … in Vietnamese order: the Vietnamese
 * alphabet without its vowels with marks (ă, â, ê, ô, ơ, ư), with đ after d,
 * and without f, j, w, z.
 */
export const VIETNAMESE_LETTERS: readonly string[] = [
  "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
  "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
];

/** Letter of the n-th point: 1 → "a", 5 → "đ", 6 → "e", 23 → "y"; RangeError outside 1..23. */
export function letterOrdinal(n: number): string {
  const letter = Number.isInteger(n) ? VIETNAMESE_LETTERS[n - 1] : undefined;
  if (letter === undefined) throw new RangeError(`letterOrdinal needs an integer 1..${VIETNAMESE_LETTERS.length}, got ${n}`);
  return letter;
}

/** Document number with the leading 0 below 10: 5 → "05", 12 → "12"; integers ≥ 1, else RangeError. */
export function padNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`document number must be an integer ≥ 1, got ${n}`);
  return String(n).padStart(2, "0");
}
