import { formatRatio } from "../format/number.ts";
import type { YearModel } from "../model/types.ts";
import type { VoteRow } from "../model/votes.ts";
import { MINUTES, docOf } from "../documents/keys.ts";
import { oncePerModel } from "./once-per-model.ts";

/**
 * The vote as templates see it, every round: the documents' values and the
 * vote tables (tables.ts) are made from it. The vote in words (vote-text.ts)
 * still reads the model's outcome.
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
  /** The round of the count this line comes from (1, or a second ballot among tied units). */
  vong: number;
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
  /** Proposed in the end, each with the count of the round that proposed it (vong). */
  de_nghi: VoteFigure[];
  /** Tied at the last place after the last round: not settled. */
  bang_phieu: VoteFigure[];
  /** Every round counted: round 1, then each second ballot among the tied units. */
  lan_bo_phieu: RoundVoteFigure[];
}

/** One round of an award's vote. */
export interface RoundVoteFigure {
  vong: number;
  /** Its vote table: {{bang bang}}. */
  bang: string;
  /** The places it fills (the quota in round 1, what is left after). */
  so_cho: number;
  /** The units on its ballot, in the order the minutes list them (round 2 and after: the units tied before). */
  ung_vien: { ma: string; ten: string }[];
  phieu: { phat_ra: number; thu_vao: number; hop_le: number; khong_hop_le: number };
  ket_qua: VoteFigure[];
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

/** The name of a later round's vote table (round ≥ 2). */
export const voteRoundTableName = (awardId: string, round: number) => `phieu-${awardId}-lan-${round}`;

/** The number percentages and the threshold are measured against (as the model decided the votes). */
export function voteBase(m: YearModel): number {
  const minutes = docOf(m.docs, MINUTES)?.front;
  return m.votes[0]?.base ?? (m.voteRule.basis === "thanh_vien" ? m.units.length : (minutes?.co_mat.length ?? m.units.length));
}

/** What the ratios are measured against, as the minutes say it. */
function baseText(m: YearModel, base: number): string {
  if (m.voteRule.basis === "thanh_vien") return `tổng số ${base} đơn vị thành viên`;
  const minutes = docOf(m.docs, MINUTES)?.front;
  const present = minutes?.co_mat.length ?? base;
  const written = m.voteRule.countWritten ? (minutes?.vang_mat.filter((v) => v.y_kien_van_ban).length ?? 0) : 0;
  return written
    ? `số đơn vị có mặt (${present}) cộng số ý kiến bằng văn bản được tính như phiếu bầu (${written}), tổng cộng ${base}`
    : `số đơn vị có mặt (${present})`;
}

/** Once per model (oncePerModel): every reader of a year gets the same figures. */
export const voteFigures: (m: YearModel) => VoteFigures = oncePerModel(computeVoteFigures);

function computeVoteFigures(m: YearModel): VoteFigures {
  const base = voteBase(m);
  const figure = (tied: ReadonlySet<string>, round: number) => (r: VoteRow, k: number): VoteFigure => {
    const u = m.unitById.get(r.unitId);
    return {
      stt: k + 1,
      ma: r.unitId,
      ten: u?.name ?? r.unitId,
      ten_ngan: u?.shortName ?? r.unitId,
      vong: round,
      phieu: r.votes,
      ty_le: r.ratio,
      ty_le_vn: formatRatio(r.ratio),
      xep_hang: r.rank,
      dat_nguong: r.reachesThreshold,
      de_nghi: r.proposed,
      bang_phieu: tied.has(r.unitId),
    };
  };
  const counts = (b: { issued: number; received: number; valid: number; invalid: number } | undefined) => ({
    phat_ra: b?.issued ?? 0,
    thu_vao: b?.received ?? 0,
    hop_le: b?.valid ?? 0,
    khong_hop_le: b?.invalid ?? 0,
  });
  const danh_hieu = m.votes.map((v, i): AwardVoteFigure => {
    const award = m.awards.find((a) => a.id === v.awardId);
    const ket_qua = v.rows.map(figure(new Set(v.tiedAtQuota), 1));
    const lan_bo_phieu = v.rounds.map((r): RoundVoteFigure => {
      const rows = r.rows.map(figure(new Set(r.tiedAtQuota), r.round));
      const byId = new Map(rows.map((x) => [x.ma, x]));
      return {
        vong: r.round,
        bang: r.round === 1 ? voteTableName(v.awardId) : voteRoundTableName(v.awardId, r.round),
        so_cho: r.places,
        ung_vien: r.candidates.map((id) => ({ ma: id, ten: m.unitById.get(id)?.name ?? id })),
        phieu: counts(r.ballot),
        ket_qua: rows,
        de_nghi: r.proposed.map((id) => byId.get(id)!).filter(Boolean),
        bang_phieu: r.tiedAtQuota.map((id) => byId.get(id)!).filter(Boolean),
      };
    });
    // Who is proposed, with the votes of the round that proposed them.
    const de_nghi = lan_bo_phieu.flatMap((r) => r.de_nghi);
    const last = lan_bo_phieu[lan_bo_phieu.length - 1];
    return {
      stt: i + 1,
      ma: v.awardId,
      ten: award?.name ?? v.awardId,
      chi_tieu: award?.quota ?? 0,
      bang: voteTableName(v.awardId),
      so_co_so: base,
      phieu: counts(v.rounds[0]?.ballot),
      ket_qua,
      dat_nguong: ket_qua.filter((r) => r.dat_nguong),
      de_nghi,
      bang_phieu: last?.bang_phieu ?? [],
      lan_bo_phieu,
    };
  });
  return {
    nguong: `${m.voteRule.num}/${m.voteRule.den}`,
    nguong_ty_le: m.voteRule.num / m.voteRule.den,
    co_so: baseText(m, base),
    so_co_so: base,
    tinh_tren: m.voteRule.basis,
    danh_hieu,
    theo_danh_hieu: Object.fromEntries(danh_hieu.map((a) => [a.ma, a])),
    de_nghi: danh_hieu.flatMap((a) => a.de_nghi.map((r) => ({ ...r, danh_hieu: a.ma, ten_danh_hieu: a.ten }))),
  };
}
