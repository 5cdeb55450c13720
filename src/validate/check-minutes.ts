import { ballotsOf, decideAward, voteBase, type Ballot } from "../model/votes.ts";
import type { MinutesFront } from "../schema/documents.ts";
import type { MarkdownDoc } from "./valid-types.ts";
import { inWindow, timeline, windowOf } from "./check-dates.ts";
import { noResultsIsError, checkUnique, hasFileErrors, hasYearEndResults, resultsFileOf, RESULTS_KIND, type YearContext } from "./year-context.ts";
import { closestFirst } from "../diagnostics/closest-names.ts";

/**
 * The voting meeting: attendance of members only, ballots that add up, votes
 * within valid ballots, no more ballots than those present (plus the absent
 * units' written opinions when the bloc's rules count them as votes), and later
 * rounds of a ballot only among the units tied before.
 */
export function checkMinutes(ctx: YearContext, m: MarkdownDoc<MinutesFront>): void {
  const { diags } = ctx;
  const src = m.src;
  const d = m.data;
  const awards = new Set(ctx.vy.year.data.binh_bau.danh_hieu.map((a) => a.ma));

  ctx.checkMember(d.chu_tri.don_vi, src, ["chu_tri", "don_vi"]);
  ctx.checkMember(d.thu_ky.don_vi, src, ["thu_ky", "don_vi"]);
  d.co_mat.forEach((p, i) => ctx.checkMember(p.don_vi, src, ["co_mat", i, "don_vi"]));
  d.vang_mat.forEach((a, i) => ctx.checkMember(a.don_vi, src, ["vang_mat", i, "don_vi"]));
  d.ban_kiem_phieu.forEach((p, i) => ctx.checkMember(p.don_vi, src, ["ban_kiem_phieu", i, "don_vi"]));
  // Next year's leader and deputy (read by new-year): units of the bloc, two different ones.
  const known = (id: string) => closestFirst(id, [...ctx.unitIds]).join(", ");
  for (const key of ["khoi_truong_nam_sau", "khoi_pho_nam_sau"] as const) {
    const id = d[key];
    if (id !== undefined && !ctx.unitIds.has(id)) diags.error("ref/unknown-unit", src.locate([key]), { id, known: known(id) });
  }
  if (d.khoi_truong_nam_sau !== undefined && d.khoi_truong_nam_sau === d.khoi_pho_nam_sau) diags.error("year/roles", src.locate(["khoi_pho_nam_sau"]), { id: d.khoi_pho_nam_sau });
  checkUnique(d.co_mat.map((p) => p.don_vi), src, (i) => ["co_mat", i, "don_vi"], diags, "Đơn vị");
  checkUnique(d.vang_mat.map((p) => p.don_vi), src, (i) => ["vang_mat", i, "don_vi"], diags, "Đơn vị");

  const present = new Set(d.co_mat.map((p) => p.don_vi));
  d.vang_mat.forEach((a, i) => {
    if (present.has(a.don_vi)) diags.error("meeting/absent-and-present", src.locate(["vang_mat", i, "don_vi"]), { id: a.don_vi });
  });
  const absent = new Set(d.vang_mat.map((a) => a.don_vi));
  for (const id of ctx.members) {
    if (!present.has(id) && !absent.has(id)) diags.warning("meeting/unaccounted", src.locate(["co_mat"], "key"), { id });
  }
  if (d.ket_thuc <= d.bat_dau) diags.error("meeting/time-order", src.locate(["ket_thuc"]), { start: d.bat_dau, end: d.ket_thuc });
  // The meeting is held in the year-end review month (a date outside its window has its own error).
  const month = timeline(ctx, "tong_ket_thang");
  if (month && inWindow(d.ngay, windowOf(ctx.vy.year.data.nam, "year-end")) && !d.ngay.startsWith(month))
    diags.warning("date/out-of-month", src.locate(["ngay"]), { what: "Cuộc họp bình bầu", whatEn: "The voting meeting", date: d.ngay, month });

  // One entry per award and round; round 1 keeps the award's id alone in the message.
  checkUnique(d.phieu.map((p) => (p.vong === 1 ? p.danh_hieu : `${p.danh_hieu}, lần ${p.vong}`)), src, (i) => ["phieu", i, "danh_hieu"], diags, "Hình thức");
  const rules = ctx.vy.year.data.binh_bau;
  const written = d.vang_mat.filter((v) => v.y_kien_van_ban).length;
  const counted = rules.tinh_y_kien_van_ban ? written : 0;
  // The ballots possible: one per unit present, one per written opinion that counts.
  const possible = present.size + counted;
  d.phieu.forEach((p, i) => {
    const at = (...rest: (string | number)[]) => src.locate(["phieu", i, ...rest]);
    if (!awards.has(p.danh_hieu)) diags.error("ref/unknown-award", at("danh_hieu"), { id: p.danh_hieu, known: closestFirst(p.danh_hieu, [...awards]).join(", ") });
    if (p.thu_vao > p.phat_ra) diags.error("vote/received-over-issued", at("thu_vao"), { received: p.thu_vao, issued: p.phat_ra });
    if (p.hop_le + p.khong_hop_le !== p.thu_vao) diags.error("vote/sum", at("hop_le"), { valid: p.hop_le, invalid: p.khong_hop_le, received: p.thu_vao });
    if (p.phat_ra > possible) {
      if (counted) diags.warning("vote/issued-over-possible", at("phat_ra"), { issued: p.phat_ra, present: present.size, written: counted });
      else diags.warning("vote/issued-over-present", at("phat_ra"), { issued: p.phat_ra, present: present.size });
    }
    // Beyond those issued is its own error; beyond what is possible is said once.
    if (p.thu_vao <= p.phat_ra && p.thu_vao > possible) {
      if (counted) diags.error("vote/received-over-possible", at("thu_vao"), { received: p.thu_vao, present: present.size, written: counted });
      else diags.error("vote/received-over-present", at("thu_vao"), { received: p.thu_vao, present: present.size, written });
    }
    p.ket_qua.forEach((k, j) => {
      if (ctx.checkMember(k.don_vi, src, ["phieu", i, "ket_qua", j, "don_vi"])) checkVotedResults(ctx, m, p.danh_hieu, k.don_vi, ["phieu", i, "ket_qua", j, "don_vi"]);
      if (k.dong_y > p.hop_le) diags.error("vote/over-valid", at("ket_qua", j, "dong_y"), { votes: k.dong_y, valid: p.hop_le });
    });
    checkUnique(p.ket_qua.map((k) => k.don_vi), src, (j) => ["phieu", i, "ket_qua", j, "don_vi"], diags, "Đơn vị");
  });
  checkRounds(ctx, m, voteBase({ basis: rules.co_so, members: ctx.members.size, present: present.size, written, countWritten: rules.tinh_y_kien_van_ban }));
}

/** The year's documents that put a unit's vote beside its score and rank: the proposal's list, the year-end report. */
const VOTE_WITH_SCORE = [
  { id: "to-trinh", vi: "tờ trình", en: "the proposal" },
  { id: "tong-ket", vi: "báo cáo tổng kết", en: "the year-end report" },
] as const;

/**
 * A unit on a ballot has year-end results when the year has a document that shows its vote
 * beside its score (the proposal, the year-end report): else that document would propose it
 * with no score. Said once per unit and award, at its first place on the award's ballots;
 * not when its results file has errors of its own, nor when khoi.yaml allows it (noResultsIsError).
 */
function checkVotedResults(ctx: YearContext, m: MarkdownDoc<MinutesFront>, award: string, unit: string, path: (string | number)[]): void {
  if (!noResultsIsError(ctx) || hasYearEndResults(ctx, unit) || hasFileErrors(ctx.vy, RESULTS_KIND, unit)) return;
  const docs = VOTE_WITH_SCORE.filter((d) => ctx.vy.docs.has(d.id));
  if (!docs.length) return;
  const first = m.data.phieu.findIndex((p) => p.danh_hieu === award && p.ket_qua.some((k) => k.don_vi === unit));
  if (first !== path[1]) return;
  ctx.diags.error("vote/no-results", m.src.locate(path), {
    unit,
    award: ctx.vy.year.data.binh_bau.danh_hieu.find((a) => a.ma === award)?.ten ?? award,
    file: resultsFileOf(ctx, unit),
    docs: docs.map((d) => d.vi).join(", "),
    docsEn: docs.map((d) => d.en).join(", "),
    bloc: ctx.bloc.src.file,
  });
}

/** A later round (vong ≥ 2) of an award follows a round that left a tie at the quota, among exactly the tied units. */
function checkRounds(ctx: YearContext, m: MarkdownDoc<MinutesFront>, base: number): void {
  const { binh_bau } = ctx.vy.year.data;
  const [num, den] = binh_bau.nguong.split("/").map(Number) as [number, number];
  for (const award of binh_bau.danh_hieu) {
    const entries = m.data.phieu.map((p, i) => ({ p, i })).filter(({ p }) => p.danh_hieu === award.ma);
    if (!entries.some(({ p }) => p.vong > 1)) continue;
    const ballots: Ballot[] = ballotsOf(entries.map(({ p }) => p));
    const { issues } = decideAward(ballots, { num, den, base, quota: award.chi_tieu });
    for (const issue of issues) {
      const i = entries[issue.index]!.i;
      const params = { award: award.ten, round: issue.round, previous: issue.previous };
      if (issue.kind === "no-previous") ctx.diags.error("vote/round-without-previous", m.src.locate(["phieu", i, "vong"]), params);
      else if (issue.kind === "no-tie") ctx.diags.error("vote/round-without-tie", m.src.locate(["phieu", i, "vong"]), params);
      else
        ctx.diags.error("vote/round-candidates", m.src.locate(["phieu", i, "ket_qua"], "key"), {
          ...params,
          tied: issue.tied.join(", "),
          extra: issue.extra.join(", ") || "không",
          extraEn: issue.extra.join(", ") || "none",
          missing: issue.missing.join(", ") || "không",
          missingEn: issue.missing.join(", ") || "none",
        });
    }
  }
}
