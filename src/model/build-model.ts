import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { Bloc } from "../schema/bloc.ts";
import { MINUTES, REGISTRATION, docOf, unitDocsOf } from "../documents/keys.ts";
import type { MarkdownDoc, ValidProject, ValidYear } from "../validate/project.ts";
import { sumPoints } from "./rank.ts";
import { computeScores } from "./scores.ts";
import type { BlocInfo, DocSource, UnitInfo, YearModel } from "./types.ts";
import { ballotsOf, decideAward, voteBase, type Ballot } from "./votes.ts";

export function blocInfo(b: Bloc): BlocInfo {
  return {
    name: b.ten,
    shortName: b.ten_ngan,
    code: b.ky_hieu,
    province: b.tinh,
    place: b.dia_danh,
    parentBody: parentLines(b.co_quan_chu_quan),
    issuer: b.co_quan_ban_hanh,
    compounds: b.cum_tu_khong_tach ?? [],
    typeCodes: { ...b.ma_loai_van_ban },
    ...(b.luu ? { filing: { ...b.luu } } : {}),
    numbering: b.so_van_ban === "theo_loai" ? "per-code" : "one",
    receivers: (b.co_quan_nhan ?? []).map((r) => ({ name: r.ten, organId: r.ma_dinh_danh })),
  };
}

/** Cơ quan chủ quản as header lines: one string is one line, a list its lines, [] or absent none. */
export function parentLines(v: string | readonly string[] | undefined): string[] {
  return v === undefined ? [] : typeof v === "string" ? [v] : [...v];
}

/** Resolves ids and computes totals, ranks and vote outcomes for every valid year. */
export function buildModels(project: ValidProject, diags: Diagnostics): YearModel[] {
  return project.years.map((vy) => buildYear(project, vy, diags));
}

function buildYear(project: ValidProject, vy: ValidYear, diags: Diagnostics): YearModel {
  const b = project.bloc.data;
  const y = vy.year.data;
  const all = new Map<string, UnitInfo>(
    b.don_vi.map((u) => [
      u.ma,
      { id: u.ma, name: u.ten, shortName: u.ten_ngan ?? u.ten, abbr: u.viet_tat, head: { name: u.thu_truong.ho_ten, title: u.thu_truong.chuc_vu }, parentBody: u.co_quan_chu_quan === undefined ? parentLines(b.co_quan_chu_quan) : parentLines(u.co_quan_chu_quan), women70: u.nu_tu_70_phan_tram ?? false, ...(u.ma_dinh_danh ? { organId: u.ma_dinh_danh } : {}), ...(u.dong_ten ? { headerLines: u.dong_ten } : {}) },
    ]),
  );
  const memberIds = new Set(y.thanh_vien ?? b.don_vi.map((u) => u.ma));
  const units = [...all.values()].filter((u) => memberIds.has(u.id));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const criteria = y.tieu_chi.map((c) => ({ id: c.ma, text: c.noi_dung, max: c.diem_toi_da }));
  const unitDocs = new Map(
    [...vy.unitDocs].map(([type, files]) => [
      type,
      new Map([...files].filter(([id]) => unitById.has(id)).map(([id, r]) => [id, { front: r.data, body: "", file: r.src.file, bodyLine: 1 }])),
    ]),
  );
  // The registrations are data for other documents too (the mid-year table): by their type's one name.
  const registrations = new Map([...unitDocsOf(unitDocs, REGISTRATION)].map(([id, d]) => [id, d.front]));
  const results = new Map([...vy.results].filter(([id]) => unitById.has(id)).map(([id, r]) => [id, r.data]));
  const [num, den] = y.binh_bau.nguong.split("/").map(Number) as [number, number];
  const awards = y.binh_bau.danh_hieu.map((a) => ({ id: a.ma, name: a.ten, quota: a.chi_tieu }));

  // The votes are counted from the minutes (bien-ban.md).
  const minutes = docOf(vy.docs, MINUTES);
  const ballots: Ballot[] = ballotsOf(minutes?.data.phieu ?? []);
  const base = voteBase({
    basis: y.binh_bau.co_so,
    members: units.length,
    present: minutes?.data.co_mat.length ?? units.length,
    written: (minutes?.data.vang_mat ?? []).filter((v) => v.y_kien_van_ban).length,
    countWritten: y.binh_bau.tinh_y_kien_van_ban,
  });
  // One outcome per award, in the order the minutes first count it; its rounds in order.
  const awardIds = [...new Set(ballots.map((b) => b.awardId))];
  const votes = awardIds.map((id) => {
    const award = awards.find((a) => a.id === id);
    const { outcome } = decideAward(ballots.filter((b) => b.awardId === id), { num, den, base, quota: award?.quota ?? 0 });
    const last = outcome.rounds[outcome.rounds.length - 1];
    const i = ballots.findIndex((b) => b.awardId === id && b.round === last?.round);
    if (outcome.tiedAtQuota.length && minutes)
      diags.warning("vote/tie-at-quota", minutes.src.locate(["phieu", i, "ket_qua"], "key"), {
        award: award?.name ?? id,
        units: outcome.tiedAtQuota.join(", "),
        quota: award?.quota ?? 0,
        places: last?.places ?? award?.quota ?? 0,
        round: last?.round ?? 1,
        next: (last?.round ?? 1) + 1,
      });
    return outcome;
  });

  return {
    year: y.nam,
    bloc: blocInfo(b),
    units,
    unitById,
    leader: all.get(y.khoi_truong)!,
    deputy: all.get(y.khoi_pho)!,
    ...(y.quyet_dinh_thanh_lap ? { foundingDecision: y.quyet_dinh_thanh_lap } : {}),
    criteria,
    maxTotal: sumPoints(criteria.map((c) => c.max)),
    bonusCap: y.diem_cong_toi_da,
    penaltyCap: y.diem_tru_toi_da,
    timeline: {
      registration: y.moc_thoi_gian.dang_ky,
      midReport: y.moc_thoi_gian.bao_cao_so_ket,
      midMonth: y.moc_thoi_gian.so_ket_thang,
      endReport: y.moc_thoi_gian.bao_cao_tong_ket,
      endMonth: y.moc_thoi_gian.tong_ket_thang,
    },
    voteRule: { num, den, basis: y.binh_bau.co_so, countWritten: y.binh_bau.tinh_y_kien_van_ban },
    awards,
    registrations,
    yearFile: vy.year.src.file,
    results,
    scores: computeScores(criteria, units.map((u) => u.id), results),
    unscored: units.filter((u) => !results.get(u.id)?.tong_ket).map((u) => u.id),
    ballots,
    votes,
    docs: new Map([...vy.docs].map(([id, d]) => [id, docSource(d)])),
    unitDocs,
  };
}

function docSource<T>(d: MarkdownDoc<T>): DocSource<T> {
  return { front: d.data, body: d.body, file: d.file, bodyLine: d.bodyLine };
}
