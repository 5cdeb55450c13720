import { RECIPIENT_MARK } from "../document/conventions.ts";
import { punctuateList } from "../format/text.ts";
import type { Filing } from "../schema/common.ts";

/**
 * "Lưu: VT, VP, 02b": the last item of Nơi nhận (Decree 30, Annex I): the records office (VT),
 * then the abbreviation of the drafting unit and the number of copies kept, when given.
 */
export function filingItem(f: Filing | undefined): string {
  if (!f) return "Lưu: VT";
  const copies = f.so_ban === undefined ? [] : [`${String(f.so_ban).padStart(2, "0")}b`];
  return ["Lưu: VT", f.don_vi_soan_thao, ...copies].join(", ");
}

/** The Nơi nhận lines: each item as "- ...;", the "Lưu" line last, ending with ".". */
export function recipientLines(items: readonly string[], filing: Filing | undefined): string[] {
  return punctuateList([...items, filingItem(filing)]).map((s) => `${RECIPIENT_MARK}${s}`);
}
