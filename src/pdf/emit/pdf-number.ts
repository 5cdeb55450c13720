/**
 * A number as content streams and pdf-lib write it: JavaScript's shortest
 * round-trip decimal, so the value read back is exactly the value laid out;
 * pdf-lib's numberToString only for the rare value JavaScript would print
 * with an exponent (PDF has none). Fast: content streams print thousands.
 */
import { numberToString } from "@cantoo/pdf-lib";

export function pdfNumber(n: number): string {
  const s = String(n);
  return s.includes("e") ? numberToString(n) : s;
}
