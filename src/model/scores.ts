import type { Results } from "../schema/unit-files.ts";
import type { Criterion } from "./types.ts";
import { rankDescending, sumPoints } from "./rank.ts";

export interface UnitScore {
  unitId: string;
  /** Points per criterion id: self score and the bloc's verified score. */
  perCriterion: Map<string, { self: number; verified: number; note?: string }>;
  maxTotal: number;
  selfTotal: number;
  verifiedTotal: number;
  bonus: number;
  penalty: number;
  /** verifiedTotal + bonus − penalty. */
  total: number;
  rank: number;
}

/** Totals and ranks of the units that have year-end scores; ties share a rank. Sorted by rank, then unit order. */
export function computeScores(criteria: readonly Criterion[], units: readonly string[], results: ReadonlyMap<string, Results>): UnitScore[] {
  const maxTotal = sumPoints(criteria.map((c) => c.max));
  const rows: Omit<UnitScore, "rank">[] = [];
  for (const unitId of units) {
    const tk = results.get(unitId)?.tong_ket;
    if (!tk) continue;
    const perCriterion = new Map<string, { self: number; verified: number; note?: string }>();
    for (const d of tk.diem) perCriterion.set(d.tieu_chi, { self: d.tu_cham, verified: d.khoi_cham, ...(d.minh_chung ? { note: d.minh_chung } : {}) });
    const selfTotal = sumPoints(tk.diem.map((d) => d.tu_cham));
    const verifiedTotal = sumPoints(tk.diem.map((d) => d.khoi_cham));
    const bonus = sumPoints(tk.diem_cong.map((a) => a.diem));
    const penalty = sumPoints(tk.diem_tru.map((a) => a.diem));
    rows.push({ unitId, perCriterion, maxTotal, selfTotal, verifiedTotal, bonus, penalty, total: sumPoints([verifiedTotal, bonus, -penalty]) });
  }
  const ranks = rankDescending(rows.map((r) => r.total));
  return rows
    .map((r, i) => ({ ...r, rank: ranks[i]!, order: i }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ order: _order, ...r }) => r);
}
