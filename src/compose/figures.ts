import { formatNumber, formatScore } from "../format/number.ts";
import type { UnitInfo, YearModel } from "../model/types.ts";
import { MINUTES, docOf } from "../documents/keys.ts";
import { voteFigures, type VoteFigures } from "./vote-figures.ts";
import { oncePerModel } from "./once-per-model.ts";

/**
 * Every value the tool computes for a year, as template values (docs/du-lieu.md,
 * "Giá trị tính sẵn"): bodies insert them instead of retyping a number.
 * Numbers stay numbers (format them with diem_vn, so_vn, ngay_ngan...);
 * a `_vn` string is given where the formatting is not a helper's.
 */

export interface UnitRef {
  ma: string;
  ten: string;
  ten_ngan: string;
}

export interface ScoreFigure extends UnitRef {
  /** Its line in the score table (rank order). */
  stt: number;
  diem_chuan: number;
  tu_cham: number;
  khoi_cham: number;
  cong: number;
  tru: number;
  tong: number;
  /** tong written the Vietnamese way: "102,5". */
  tong_vn: string;
  xep_hang: number;
}

/** A unit that sent a document, with the date. */
export interface SentFigure extends UnitRef {
  ngay: string;
}

/** Who sent a document on time, late, or not at all, against its deadline (nam.yaml's moc_thoi_gian). */
export interface DeadlineFigures<T extends SentFigure> {
  han: string;
  dung_han: T[];
  tre_han: T[];
  chua_gui: UnitRef[];
  so_da_gui: number;
  so_dung_han: number;
  so_tre_han: number;
  so_chua_gui: number;
}

/** A unit's mid-year report, summed up as the mid-year table shows it. */
export interface MidYearFigure extends SentFigure {
  /** Targets in its registration. */
  so_chi_tieu_dang_ky: number;
  /** Targets it reported on. */
  so_chi_tieu: number;
  /** Targets at 50 % or more of the year's target. */
  so_dat_50: number;
  /** Average of its targets' ty_le (percent), null without targets. */
  ty_le_binh_quan: number | null;
  /** "67,0%" (one decimal, as the table writes it); "" without targets. */
  ty_le_binh_quan_vn: string;
}

export interface YearFigures {
  diem: ScoreFigure[];
  diem_theo_don_vi: Record<string, ScoreFigure>;
  dang_ky: DeadlineFigures<SentFigure>;
  so_ket: DeadlineFigures<MidYearFigure>;
  tong_ket: DeadlineFigures<SentFigure>;
  binh_bau: VoteFigures;
  /** The voting meeting, when the year has its minutes. */
  hop_binh_bau?: { ngay: string; so_co_mat: number; so_vang_mat: number };
}

const ref = (u: UnitInfo): UnitRef => ({ ma: u.id, ten: u.name, ten_ngan: u.shortName });

/** One unit's mid-year summary (also the mid-year table's line); undefined when it has not reported. */
export function midYearOf(m: YearModel, u: UnitInfo): MidYearFigure | undefined {
  const sk = m.results.get(u.id)?.so_ket;
  if (!sk) return undefined;
  const n = sk.ket_qua.length;
  const avg = n ? sk.ket_qua.reduce((s, k) => s + k.ty_le, 0) / n : null;
  return {
    ...ref(u),
    ngay: sk.ngay_gui,
    so_chi_tieu_dang_ky: m.registrations.get(u.id)?.chi_tieu.length ?? 0,
    so_chi_tieu: n,
    so_dat_50: sk.ket_qua.filter((k) => k.ty_le >= 50).length,
    ty_le_binh_quan: avg,
    ty_le_binh_quan_vn: avg === null ? "" : `${formatNumber(avg, 1)}%`,
  };
}

/** Sorts the members into on time (sent on or before the deadline), late and not sent, in khoi.yaml's order. */
function byDeadline<T extends SentFigure>(m: YearModel, han: string, sent: (u: UnitInfo) => T | undefined): DeadlineFigures<T> {
  const dung_han: T[] = [];
  const tre_han: T[] = [];
  const chua_gui: UnitRef[] = [];
  for (const u of m.units) {
    const s = sent(u);
    if (!s) chua_gui.push(ref(u));
    else (s.ngay > han ? tre_han : dung_han).push(s);
  }
  return { han, dung_han, tre_han, chua_gui, so_da_gui: dung_han.length + tre_han.length, so_dung_han: dung_han.length, so_tre_han: tre_han.length, so_chua_gui: chua_gui.length };
}

/** Once per model (oncePerModel): every reader of a year gets the same figures. */
export const yearFigures: (m: YearModel) => YearFigures = oncePerModel(computeYearFigures);

function computeYearFigures(m: YearModel): YearFigures {
  const diem = m.scores.map((s, i): ScoreFigure => {
    const u = m.unitById.get(s.unitId);
    return {
      stt: i + 1,
      ...(u ? ref(u) : { ma: s.unitId, ten: s.unitId, ten_ngan: s.unitId }),
      diem_chuan: s.maxTotal,
      tu_cham: s.selfTotal,
      khoi_cham: s.verifiedTotal,
      cong: s.bonus,
      tru: s.penalty,
      tong: s.total,
      tong_vn: formatScore(s.total),
      xep_hang: s.rank,
    };
  });
  const minutes = docOf(m.docs, MINUTES)?.front;
  const sentOn = (date: string | undefined, u: UnitInfo) => (date === undefined ? undefined : { ...ref(u), ngay: date });
  return {
    diem,
    diem_theo_don_vi: Object.fromEntries(diem.map((d) => [d.ma, d])),
    dang_ky: byDeadline(m, m.timeline.registration, (u) => sentOn(m.registrations.get(u.id)?.ngay, u)),
    so_ket: byDeadline(m, m.timeline.midReport, (u) => midYearOf(m, u)),
    tong_ket: byDeadline(m, m.timeline.endReport, (u) => sentOn(m.results.get(u.id)?.tong_ket?.ngay_gui, u)),
    binh_bau: voteFigures(m),
    ...(minutes ? { hop_binh_bau: { ngay: minutes.ngay, so_co_mat: minutes.co_mat.length, so_vang_mat: minutes.vang_mat.length } } : {}),
  };
}
