/**
 * A double holds 15 significant decimal digits safely: a number written with more
 * (50.0000000000000001, 12345678901234567890) is read as another number, and the
 * documents would print digits nobody wrote. The check reads the YAML source text
 * of the scalar, not the parsed double, which has already lost them.
 */
export const MAX_SIGNIFICANT_DIGITS = 15;

/**
 * Significant digits of a decimal number as written (first to last non-zero digit:
 * trailing zeros and exponents add none); undefined for other notations (0x1F, 0o17, .inf, .nan).
 */
export function significantDigits(source: string): number | undefined {
  const m = /^[-+]?(\d*)(?:\.(\d*))?(?:[eE][-+]?\d+)?$/.exec(source.trim());
  if (!m || (m[1] === "" && (m[2] ?? "") === "") || /^[-+]?0[xo]/i.test(source.trim())) return undefined;
  const digits = (m[1] + (m[2] ?? "")).replace(/^0+/, "").replace(/0+$/, "");
  return digits.length;
}

/** Digits beyond the limit for a number node's source (the count), or undefined when it is exact enough. */
export function excessPrecision(source: string, value: number): number | undefined {
  const n = significantDigits(source);
  if (n !== undefined) return n > MAX_SIGNIFICANT_DIGITS ? n : undefined;
  // 0x…, 0o…: integers, exact while they are safe.
  return Number.isFinite(value) && !Number.isSafeInteger(value) ? source.trim().length : undefined;
}
