import type { Diagnostic, Lang, Params } from "./diagnostic.ts";
import { messageOf } from "./catalogue.ts";

/** "data/2020/nam.yaml:12:5: lỗi [schema/missing] Thiếu trường ... \n  → gợi ý" */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const { message, hint } = messageOf(d.code, escapeParams(d.params), lang);
  const sev = d.severity === "error" ? (lang === "vi" ? "lỗi" : "error") : lang === "vi" ? "cảnh báo" : "warning";
  // Line 0: a diagnostic about an argument or a whole file, with no place in it.
  const at = d.pos.line > 0 ? `${escapeControls(d.pos.file)}:${d.pos.line}:${d.pos.column}` : escapeControls(d.pos.file);
  const head = `${at}: ${sev} [${d.code}] ${message}`;
  return hint ? `${head}\n    → ${hint}` : head;
}

/**
 * Characters a terminal acts on, or that reorder or break the line: C0 and C1
 * controls (ESC, BEL, CR, LF, TAB...), DEL, the line and paragraph separators
 * and the bidirectional overrides and isolates.
 */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text from the data as it may be echoed: each control character written as
 * an escape ("\u001b"), so that a data file cannot drive the terminal or
 * forge a line of the report.
 */
export function escapeControls(s: string): string {
  return s.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function escapeParams(params: Params): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === "string" ? escapeControls(v) : v;
  return out;
}

export function summaryLine(errors: number, warnings: number, lang: Lang): string {
  return lang === "vi" ? `${errors} lỗi, ${warnings} cảnh báo` : `${errors} error(s), ${warnings} warning(s)`;
}
