import { formatScore } from "../format/number.ts";
import { checkDate, deadline, timeline } from "./check-dates.ts";
import { REPORT, docOf } from "../documents/keys.ts";
import { noResultsIsError, checkUnique, hasFileErrors, resultsFileOf, RESULTS_KIND, type YearContext } from "./year-context.ts";
import { closestFirst } from "../diagnostics/closest-names.ts";
import { isDue } from "./due.ts";

/** Mid-year and year-end results of each unit: known criteria, scores within 0..max, caps, deadlines. */
export function checkResults(ctx: YearContext): void {
  const { vy, diags, criteria } = ctx;
  const y = vy.year.data;
  const known = (id: string) => closestFirst(id, [...criteria.keys()]).join(", ");
  for (const [unitId, res] of vy.results) {
    if (!ctx.unitIds.has(unitId)) {
      diags.error("ref/unit-file", { file: res.src.file, line: 1, column: 1 }, { name: unitId, known: closestFirst(unitId, [...ctx.unitIds]).join(", ") });
      continue;
    }
    const { so_ket, tong_ket } = res.data;
    if (so_ket) {
      so_ket.ket_qua.forEach((k, i) => {
        if (!criteria.has(k.tieu_chi)) diags.error("ref/unknown-criterion", res.src.locate(["so_ket", "ket_qua", i, "tieu_chi"]), { id: k.tieu_chi, known: known(k.tieu_chi) });
      });
      checkUnique(so_ket.ket_qua.map((k) => k.tieu_chi), res.src, (i) => ["so_ket", "ket_qua", i, "tieu_chi"], diags, "Tiêu chí");
      checkDate(ctx, res.src, ["so_ket", "ngay_gui"], so_ket.ngay_gui, "year", deadline(ctx, "bao_cao_so_ket"), undefined, "Báo cáo sơ kết của đơn vị", "The unit's mid-year report");
    }
    if (tong_ket) {
      const base = ["tong_ket", "diem"] as const;
      tong_ket.diem.forEach((d, i) => {
        const max = criteria.get(d.tieu_chi);
        if (max === undefined) {
          diags.error("ref/unknown-criterion", res.src.locate([...base, i, "tieu_chi"]), { id: d.tieu_chi, known: known(d.tieu_chi) });
          return;
        }
        for (const key of ["tu_cham", "khoi_cham"] as const) {
          if (d[key] > max)
            diags.error("score/over-max", res.src.locate([...base, i, key]), { value: formatScore(d[key]), max: formatScore(max), criterion: d.tieu_chi });
        }
        if (d.khoi_cham > d.tu_cham)
          diags.warning("score/self-below-verified", res.src.locate([...base, i, "khoi_cham"]), { verified: formatScore(d.khoi_cham), self: formatScore(d.tu_cham), criterion: d.tieu_chi });
      });
      checkUnique(tong_ket.diem.map((d) => d.tieu_chi), res.src, (i) => [...base, i, "tieu_chi"], diags, "Tiêu chí");
      const scored = new Set(tong_ket.diem.map((d) => d.tieu_chi));
      for (const c of criteria.keys()) if (!scored.has(c)) diags.error("score/missing-criterion", res.src.locate(base, "key"), { criterion: c });
      const caps = [
        ["diem_cong", y.diem_cong_toi_da, "điểm cộng", "bonus"],
        ["diem_tru", y.diem_tru_toi_da, "điểm trừ", "penalty"],
      ] as const;
      for (const [key, cap, kind, kindEn] of caps) {
        const total = tong_ket[key].reduce((s, a) => s + a.diem, 0);
        if (total > cap + 1e-9)
          diags.error("score/cap", res.src.locate(["tong_ket", key]), { kind, kindEn, value: formatScore(total), max: formatScore(cap) });
      }
      checkDate(ctx, res.src, ["tong_ket", "ngay_gui"], tong_ket.ngay_gui, "year-end", deadline(ctx, "bao_cao_tong_ket"), undefined, "Báo cáo tổng kết của đơn vị", "The unit's year-end report");
    }
  }
  // The year-end report ranks every member (its appendix): one without year-end results would
  // be left out and the others moved up, unless the bloc's rules allow it (then "chưa có kết quả").
  const report = docOf(vy.docs, REPORT);
  for (const id of ctx.members) {
    // A results file that exists with errors has said so already.
    if (hasFileErrors(vy, RESULTS_KIND, id)) continue;
    const res = vy.results.get(id)?.data;
    if (res?.tong_ket) continue;
    const i = ctx.bloc.data.don_vi.findIndex((u) => u.ma === id);
    const at = ctx.bloc.src.locate(["don_vi", i, "ma"]);
    if (report && noResultsIsError(ctx)) diags.error("rank/no-results", at, { unit: id, file: resultsFileOf(ctx, id), report: report.file, bloc: ctx.bloc.src.file });
    // Not yet due (the year records no date after the year-end reports' deadline): not missing.
    else if (report || isDue(vy, timeline(ctx, "bao_cao_tong_ket"))) diags.warning("results/missing", at, { unit: id, part: "tong_ket", year: vy.folder, file: resultsFileOf(ctx, id) });
  }
  checkMidYearReports(ctx);
  checkScoresOfFilesWithErrors(ctx);
}

/**
 * A results file with errors of its own (a missing cell) is still read for its scores: one over
 * its criterion's maximum is said in the same run, at its place, not hidden until the first
 * error is mended. Only entries whose criterion and score read as such are looked at.
 */
function checkScoresOfFilesWithErrors(ctx: YearContext): void {
  const { vy, diags, criteria } = ctx;
  for (const src of vy.resultsWithErrors.values()) {
    const diem = (src.value as { tong_ket?: { diem?: unknown } } | null)?.tong_ket?.diem;
    if (!Array.isArray(diem)) continue;
    diem.slice(0, 1000).forEach((d: unknown, i) => {
      if (!d || typeof d !== "object") return;
      const entry = d as Record<string, unknown>;
      const max = typeof entry["tieu_chi"] === "string" ? criteria.get(entry["tieu_chi"]) : undefined;
      if (max === undefined) return;
      for (const key of ["tu_cham", "khoi_cham"] as const) {
        const v = entry[key];
        if (typeof v === "number" && Number.isFinite(v) && v > max)
          diags.error("score/over-max", src.locate(["tong_ket", "diem", i, key]), { value: formatScore(v), max: formatScore(max), criterion: String(entry["tieu_chi"]) });
      }
    });
  }
}

/**
 * A member without a mid-year report (so_ket:) is warned of once the year has
 * its mid-year review (so-ket.md), which would say "Chưa báo cáo" for it; not
 * when its ket-qua file has errors of its own (they come first, issue 15).
 */
function checkMidYearReports(ctx: YearContext): void {
  const { vy, diags } = ctx;
  if (!vy.docs.has("so-ket")) return;
  if (!isDue(vy, timeline(ctx, "bao_cao_so_ket"))) return;
  for (const id of ctx.members) {
    const res = vy.results.get(id);
    if (res?.data.so_ket) continue;
    const candidates = res ? [res.src.file] : [`${vy.dir}/ket-qua/${id}.yaml`, `${vy.dir}/ket-qua/${id}.yml`];
    if (diags.items.some((d) => d.severity === "error" && candidates.includes(d.pos.file))) continue;
    const i = ctx.bloc.data.don_vi.findIndex((u) => u.ma === id);
    diags.warning("results/no-mid-year", ctx.bloc.src.locate(["don_vi", i, "ma"]), { unit: id, file: res?.src.file ?? candidates[0]! });
  }
}
