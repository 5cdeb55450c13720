import type { Diagnostic, Lang } from "../diagnostics/diagnostic.ts";
import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";

/**
 * The closing line of a command that writes through the project transaction, when it
 * stopped on an error: what is on disk now, in words that are true whichever way it
 * stopped (nothing written, or a commit cut short that the next command finishes).
 */
export function stoppedLine(written: readonly string[], pending: readonly string[], lang: "vi" | "en", what: { vi: string; en: string }): string {
  if (pending.length)
    return lang === "vi"
      ? `Lệnh dừng khi đang đặt tệp vào chỗ: đã ghi ${written.length} tệp (${written.join(", ") || "không tệp nào"}); ${pending.length} tệp còn lại (${pending.join(", ")}) sẽ được ghi nốt ở lệnh chạy sau.`
      : `Stopped while putting files in place: ${written.length} written (${written.join(", ") || "none"}); the other ${pending.length} (${pending.join(", ")}) are finished by the next command.`;
  return lang === "vi" ? `Không ghi tệp nào vì có lỗi; ${what.vi} giữ nguyên.` : `Nothing was written because of the errors; ${what.en} unchanged.`;
}

/**
 * What a command that writes a folder of files says at its end (forms, edxml, ho-so): its
 * diagnostics, any lines of its own (`middle`), each file written, the summary and, on an error,
 * what is on disk. Returns the exit status: 1 with an error, else 0.
 */
export function reportWrites(
  r: { diagnostics: readonly Diagnostic[]; written: readonly string[]; pending: readonly string[] },
  lang: Lang,
  out: (s: string) => void,
  what: { vi: string; en: string },
  middle: readonly string[] = [],
): number {
  for (const d of r.diagnostics) out(formatDiagnostic(d, lang));
  for (const line of middle) out(line);
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  for (const f of r.written) out((lang === "vi" ? "đã ghi " : "wrote ") + f);
  out(summaryLine(errors, r.diagnostics.length - errors, lang));
  if (!errors) return 0;
  out(stoppedLine(r.written, r.pending, lang, what));
  return 1;
}
