/**
 * The province's view of a year, from every bloc's results file (src/results/): one row per
 * bloc (leader, deputy, units, documents issued with numbers and dates, deadlines met), every
 * proposal for the province's awards with its bloc, votes and score, and what is wrong or
 * missing: a unit proposed twice or in two blocs (an error), a bloc expected that has sent
 * nothing, a bloc that has not finished (what it lacks), a bloc whose proposal is dated after the
 * province's deadline for dossiers. Pure: the same files give the same view.
 */
import { daysBetween } from "../format/date.ts";
import type { ResultsFile } from "../results/schema.ts";

export const PROVINCE_VIEW_VERSION = 1;

/** One bloc's results as received: its id in the province (its folder, or its code in lower case) and where the file is. */
export interface BlocResults {
  id: string;
  file: string;
  results: ResultsFile;
}

export interface ProvinceBlocRow {
  ma: string;
  tep: string;
  ky_hieu: string;
  ten: string;
  ten_ngan: string;
  khoi_truong: string;
  khoi_pho: string;
  so_don_vi: number;
  van_ban: { loai: string; ten_loai: string; so: number | null; ky_hieu: string; ngay: string | null }[];
  thoi_han: { ma: string; ten: string; han: string; dung_han: number; tre_han: number; chua_nop: number }[];
  /** What the bloc has not done yet (empty: finished). */
  chua_xong: string[];
  /** Its dossier against the province's deadline (tinh.yaml han_ho_so): the proposal's date, and the days after the deadline (0: in time); null without a deadline. */
  ho_so: { han: string; ngay: string | null; tre_ngay: number } | null;
}

export interface ProposalRow {
  danh_hieu: string;
  ten_danh_hieu: string;
  khoi: string;
  don_vi: string;
  ten_don_vi: string;
  so_phieu: number;
  ty_le: number;
  tong_diem: number | null;
  xep_hang: number | null;
}

export interface ProvinceView {
  phien_ban: number;
  tinh: string;
  nam: number;
  /** The province's deadline for the blocs' dossiers (tinh.yaml han_ho_so), or null. */
  han_ho_so: string | null;
  khoi: ProvinceBlocRow[];
  de_nghi: ProposalRow[];
  /** A unit proposed twice (for two awards, or by two blocs): each is an error to settle. */
  de_nghi_trung: { don_vi: string; lan: { khoi: string; danh_hieu: string }[] }[];
  /** Blocs the province expects that have sent nothing for the year. */
  chua_gui: string[];
}

const key = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();

/** What a bloc still lacks for the year: the proposal, the minutes, a vote left undecided, documents not yet numbered or dated, units without year-end results. */
function unfinished(r: ResultsFile): string[] {
  const out: string[] = [];
  const has = (type: string) => r.van_ban.some((d) => d.loai === type);
  if (!has("bien-ban")) out.push("bien-ban");
  if (!has("to-trinh")) out.push("to-trinh");
  for (const d of r.van_ban) if (d.ban_hanh.boi === "khoi" && (d.so === null || d.ngay === null)) out.push(`so-ngay:${d.ma}`);
  for (const a of r.binh_bau.danh_hieu) if (a.chua_phan_dinh.length) out.push(`chua-phan-dinh:${a.ma}`);
  for (const u of r.diem.chua_co_ket_qua) out.push(`ket-qua:${u}`);
  return out;
}

/** Whether the bloc made its proposal after the province's deadline for dossiers. */
export const lateDossier = (b: ProvinceBlocRow): boolean => (b.ho_so?.tre_ngay ?? 0) > 0;

/** The bloc's proposal (its dossier's covering document) against the deadline. */
function dossier(r: ResultsFile, due: string | undefined): ProvinceBlocRow["ho_so"] {
  if (!due) return null;
  const ngay = r.van_ban.find((d) => d.loai === "to-trinh")?.ngay ?? null;
  return { han: due, ngay, tre_ngay: ngay ? Math.max(0, daysBetween(due, ngay)) : 0 };
}

export function mergeProvince(tinh: string, nam: number, blocs: readonly BlocResults[], expected: readonly string[], opts: { due?: string } = {}): ProvinceView {
  const sorted = [...blocs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows: ProvinceBlocRow[] = sorted.map(({ id, file, results: r }) => ({
    ma: id,
    tep: file,
    ky_hieu: r.khoi.ma,
    ten: r.khoi.ten,
    ten_ngan: r.khoi.ten_ngan,
    khoi_truong: r.khoi.khoi_truong.ten,
    khoi_pho: r.khoi.khoi_pho.ten,
    so_don_vi: r.don_vi.length,
    van_ban: r.van_ban.filter((d) => d.ban_hanh.boi === "khoi").map((d) => ({ loai: d.loai, ten_loai: d.ten_loai, so: d.so, ky_hieu: d.ky_hieu, ngay: d.ngay })),
    thoi_han: r.thoi_han.map((s) => ({
      ma: s.ma,
      ten: s.ten,
      han: s.han,
      dung_han: s.don_vi.filter((x) => x.trang_thai === "dung-han").length,
      tre_han: s.don_vi.filter((x) => x.trang_thai === "tre-han").length,
      chua_nop: s.don_vi.filter((x) => x.trang_thai === "chua-nop").length,
    })),
    chua_xong: unfinished(r),
    ho_so: dossier(r, opts.due),
  }));

  const proposals: ProposalRow[] = [];
  for (const { id, results: r } of sorted) {
    const name = new Map(r.don_vi.map((u) => [u.ma, u.ten]));
    const score = new Map(r.diem.don_vi.map((s) => [s.don_vi, s]));
    for (const a of r.binh_bau.danh_hieu)
      for (const u of a.de_nghi) {
        // The votes of the round that proposed it.
        const vote = a.vong.flatMap((v) => v.ket_qua).filter((x) => x.don_vi === u && x.de_nghi).at(-1);
        proposals.push({
          danh_hieu: a.ma,
          ten_danh_hieu: a.ten,
          khoi: id,
          don_vi: u,
          ten_don_vi: name.get(u) ?? u,
          so_phieu: vote?.so_phieu ?? 0,
          ty_le: vote?.ty_le ?? 0,
          tong_diem: score.get(u)?.tong ?? null,
          xep_hang: score.get(u)?.xep_hang ?? null,
        });
      }
  }

  // A unit is the same in two blocs when its name is (ids are each bloc's own).
  const byUnit = new Map<string, ProposalRow[]>();
  for (const p of proposals) byUnit.set(key(p.ten_don_vi), [...(byUnit.get(key(p.ten_don_vi)) ?? []), p]);
  const twice = [...byUnit.values()].filter((ps) => ps.length > 1).map((ps) => ({ don_vi: ps[0]!.ten_don_vi, lan: ps.map((p) => ({ khoi: p.khoi, danh_hieu: p.danh_hieu })) }));

  const sent = new Set(sorted.map((b) => b.id));
  return {
    phien_ban: PROVINCE_VIEW_VERSION,
    tinh,
    nam,
    han_ho_so: opts.due ?? null,
    khoi: rows,
    de_nghi: proposals,
    de_nghi_trung: twice,
    chua_gui: [...new Set(expected)].filter((id) => !sent.has(id)).sort(),
  };
}
