import type { Diagnostic, Lang } from "./diagnostic.ts";
import { messageOf } from "./catalogue.ts";

/** "data/2020/nam.yaml:12:5: lỗi [schema/missing] Thiếu trường ... \n  → gợi ý" */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const { message, hint } = messageOf(d.code, d.params, lang);
  const sev = d.severity === "error" ? (lang === "vi" ? "lỗi" : "error") : lang === "vi" ? "cảnh báo" : "warning";
  const head = `${d.pos.file}:${d.pos.line}:${d.pos.column}: ${sev} [${d.code}] ${message}`;
  return hint ? `${head}\n    → ${hint}` : head;
}

export function summaryLine(errors: number, warnings: number, lang: Lang): string {
  return lang === "vi" ? `${errors} lỗi, ${warnings} cảnh báo` : `${errors} error(s), ${warnings} warning(s)`;
}
