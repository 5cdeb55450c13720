/**
 * What is said of one YAML scalar, whichever reader read it: a number exact as written (at most 15
 * significant digits), a text within the length limit and not legacy-encoded (TCVN3, VNI). The
 * YAML library's reading says it (yaml-source.ts); the plain reader (plain-yaml.ts) leaves any text
 * with such a scalar to the library, so one definition holds for both.
 */
import type { Code, Params } from "../diagnostics/diagnostic.ts";
import { detectLegacyVietnamese } from "./legacy-encoding.ts";
import { LIMITS } from "./limits.ts";
import { excessPrecision, MAX_SIGNIFICANT_DIGITS } from "./number-precision.ts";

/** The error a scalar's value gives (`source`: a number's text as written), or undefined. */
export function scalarFinding(value: unknown, source: string | undefined): { code: Code; params: Params } | undefined {
  if (typeof value === "number") {
    const digits = source === undefined ? undefined : excessPrecision(source, value);
    return digits === undefined ? undefined : { code: "number/precision", params: { value: source!, digits, max: MAX_SIGNIFICANT_DIGITS } };
  }
  if (typeof value !== "string") return undefined;
  if (value.length > LIMITS.maxTextChars) return { code: "limit/text-length", params: { length: value.length, max: LIMITS.maxTextChars } };
  const finding = detectLegacyVietnamese(value);
  if (!finding) return undefined;
  return {
    code: "text/legacy-encoding",
    params: { encoding: finding.encoding, suggestion: finding.suggestion.length > 80 ? finding.suggestion.slice(0, 80) + "…" : finding.suggestion },
  };
}
