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

/** Letters as compared: case, spaces and the two ways of writing Đ aside. */
const norm = (s: string) => s.normalize("NFC").toLocaleUpperCase("vi").replace(/\s+/g, "");

/** What is wrong with each line of `lines` on `date` (ISO), given the legal documents known. */
export function checkBases(lines: readonly string[], date: string, bases: readonly Basis[]): BasisFinding[] {
  const out: BasisFinding[] = [];
  lines.forEach((text, line) => {
    const t = norm(text);
    for (const basis of bases) {
      if (!t.includes(norm(basis.so_hieu))) continue;
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
