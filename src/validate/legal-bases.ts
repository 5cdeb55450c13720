/**
 * Căn cứ lines cite legal documents, and those change (Nghị định 152/2025/NĐ-CP runs until
 * 01/3/2027 by its own terms): a document whose căn cứ line cites a listed legal document
 * (khoi.yaml's van_ban_phap_ly, or the province's tinh.yaml) that no longer applies, or does not
 * apply yet, on the document's own date is a warning at that line. Pure over the lines and the list.
 */
import type { z } from "zod";
import type { LegalBasis } from "../schema/common.ts";

export type Basis = z.output<typeof LegalBasis>;

export interface BasisFinding {
  /** Index of the line in can_cu. */
  line: number;
  basis: Basis;
  kind: "expired" | "not-yet";
}

/** Text as compared: case, spaces around "/" and "-", runs of spaces and the look-alike of Đ (Ð, U+00D0) aside. */
const norm = (s: string) => s.normalize("NFC").replace(/\u00D0/g, "Đ").replace(/\u00F0/g, "đ").toLocaleUpperCase("vi").replace(/\s*([/-])\s*/g, "$1").replace(/\s+/g, " ").trim();

/** Whether `text` cites `id` as a whole: not as part of a longer number or word (91/2017 is not in 191/2017). */
function cites(text: string, id: string): boolean {
  if (!id) return false;
  for (let i = text.indexOf(id); i >= 0; i = text.indexOf(id, i + 1)) {
    const before = text.slice(0, i).at(-1) ?? " ";
    const after = text[i + id.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** What is wrong with each line of `lines` on `date` (ISO), given the legal documents known. */
export function checkBases(lines: readonly string[], date: string, bases: readonly Basis[]): BasisFinding[] {
  const out: BasisFinding[] = [];
  lines.forEach((text, line) => {
    const t = norm(text);
    for (const basis of bases) {
      if (!cites(t, norm(basis.so_hieu))) continue;
      if (basis.het_hieu_luc && date >= basis.het_hieu_luc) out.push({ line, basis, kind: "expired" });
      else if (basis.hieu_luc && date < basis.hieu_luc) out.push({ line, basis, kind: "not-yet" });
    }
  });
  return out;
}

/** The bases of a bloc in a province: the bloc's own entry for a document wins over the province's. */
export function mergeBases(own: readonly Basis[], province: readonly Basis[]): Basis[] {
  const mine = new Set(own.map((b) => norm(b.so_hieu)));
  return [...own, ...province.filter((b) => !mine.has(norm(b.so_hieu)))];
}

/** ISO → d/m/yyyy, as Vietnamese text writes a date. */
export const dmy = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}/${m}/${y}`;
};
