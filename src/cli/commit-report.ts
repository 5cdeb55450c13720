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
