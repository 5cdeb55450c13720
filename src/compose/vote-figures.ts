import { formatRatio } from "../format/number.ts";
import type { YearModel } from "../model/types.ts";
import type { MinutesFront } from "../schema/documents.ts";

/**
 * The vote as templates see it: the one place that reads m.votes (rows,
 * proposed, tiedAtQuota) and m.ballots for the documents' values and tables.
 * A new field of the vote model (a second round...) is added here once.
 */

/** One unit's line of an award's count. */
export interface VoteFigure {
  /** Its place in the count (by votes, as the minutes' table lists it). */
  stt: number;
  ma: string;
  ten: string;
  ten_ngan: string;
  /** Votes in favour. */
  phieu: number;
  /** phieu / the base (0..1). */
  ty_le: number;
  /** ty_le as a Vietnamese percentage: "80%", "66,67%". */
  ty_le_vn: string;
  xep_hang: number;
  dat_nguong: boolean;
  de_nghi: boolean;
  /** Tied at the quota's last place: neither proposed nor excluded by the tool. */
  bang_phieu: boolean;
}

export interface AwardVoteFigure {
  /** Its number in the minutes (the order of bien-ban.md's phieu). */
  stt: number;
  ma: string;
  ten: string;
  chi_tieu: number;
  /** The name of its vote table: {{bang bang}}. */
  bang: string;
  /** The number the ratios are measured against (as binh_bau.so_co_so). */
  so_co_so: number;
  phieu: { phat_ra: number; thu_vao: number; hop_le: number; khong_hop_le: number };
  ket_qua: VoteFigure[];
  dat_nguong: VoteFigure[];
  de_nghi: VoteFigure[];
  bang_phieu: VoteFigure[];
}

export interface VoteFigures {
  /** The threshold as written in nam.yaml: "2/3". */
  nguong: string;
  /** The threshold as a fraction (0..1). */
  nguong_ty_le: number;
  /** What the ratios are measured against, as the minutes say it: "tổng số 10 đơn vị thành viên". */
  co_so: string;
  so_co_so: number;
  /** nam.yaml's binh_bau.co_so: thanh_vien or co_mat. */
  tinh_tren: "thanh_vien" | "co_mat";
  danh_hieu: AwardVoteFigure[];
  theo_danh_hieu: Record<string, AwardVoteFigure>;
  /** Every unit proposed, award by award: the proposal's list. */
  de_nghi: (VoteFigure & { danh_hieu: string; ten_danh_hieu: string })[];
}

/** The name of an award's vote table. */
export const voteTableName = (awardId: string) => `phieu-${awardId}`;

/** The number percentages and the threshold are measured against (as the model decided the votes). */
export function voteBase(m: YearModel): number {
  const minutes = m.docs.get("bien-ban")?.front as MinutesFront | undefined;
  return m.voteRule.basis === "thanh_vien" ? m.units.length : (minutes?.co_mat.length ?? m.units.length);
}

export function voteFigures(m: YearModel): VoteFigures {
  const base = voteBase(m);
  const danh_hieu = m.votes.map((v, i): AwardVoteFigure => {
    const award = m.awards.find((a) => a.id === v.awardId);
    const ballot = m.ballots.find((b) => b.awardId === v.awardId);
    const tied = new Set(v.tiedAtQuota);
    const ket_qua = v.rows.map((r, k): VoteFigure => {
      const u = m.unitById.get(r.unitId);
      return {
        stt: k + 1,
        ma: r.unitId,
        ten: u?.name ?? r.unitId,
        ten_ngan: u?.shortName ?? r.unitId,
        phieu: r.votes,
        ty_le: r.ratio,
        ty_le_vn: formatRatio(r.ratio),
        xep_hang: r.rank,
        dat_nguong: r.reachesThreshold,
        de_nghi: r.proposed,
        bang_phieu: tied.has(r.unitId),
      };
    });
    const byId = new Map(ket_qua.map((r) => [r.ma, r]));
    return {
      stt: i + 1,
      ma: v.awardId,
      ten: award?.name ?? v.awardId,
      chi_tieu: award?.quota ?? 0,
      bang: voteTableName(v.awardId),
      so_co_so: base,
      phieu: { phat_ra: ballot?.issued ?? 0, thu_vao: ballot?.received ?? 0, hop_le: ballot?.valid ?? 0, khong_hop_le: ballot?.invalid ?? 0 },
      ket_qua,
      dat_nguong: ket_qua.filter((r) => r.dat_nguong),
      de_nghi: v.proposed.map((id) => byId.get(id)!).filter(Boolean),
      bang_phieu: v.tiedAtQuota.map((id) => byId.get(id)!).filter(Boolean),
    };
  });
  return {
    nguong: `${m.voteRule.num}/${m.voteRule.den}`,
    nguong_ty_le: m.voteRule.num / m.voteRule.den,
    co_so: m.voteRule.basis === "thanh_vien" ? `tổng số ${base} đơn vị thành viên` : `số đơn vị có mặt (${base})`,
    so_co_so: base,
    tinh_tren: m.voteRule.basis,
    danh_hieu,
    theo_danh_hieu: Object.fromEntries(danh_hieu.map((a) => [a.ma, a])),
    de_nghi: danh_hieu.flatMap((a) => a.de_nghi.map((r) => ({ ...r, danh_hieu: a.ma, ten_danh_hieu: a.ten }))),
  };
}
