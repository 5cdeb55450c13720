import type { YearModel } from "../model/types.ts";
import { formatMonthYear } from "../format/date.ts";
import { yearFigures } from "./figures.ts";

/**
 * The data templates see: Vietnamese names, plain values; formatting is left to the helpers.
 * The year's computed figures (scores, deadlines, votes: figures.ts) are part of it for every document.
 */
export function yearContext(m: YearModel): Record<string, unknown> {
  const unit = (u: YearModel["leader"]) => ({ ma: u.id, ten: u.name, ten_ngan: u.shortName, viet_tat: u.abbr, thu_truong: { ho_ten: u.head.name, chuc_vu: u.head.title } });
  return {
    nam: m.year,
    nam_sau: m.year + 1,
    khoi: { ten: m.bloc.name, ten_ngan: m.bloc.shortName, ky_hieu: m.bloc.code, tinh: m.bloc.province, dia_danh: m.bloc.place },
    khoi_truong: unit(m.leader),
    khoi_pho: unit(m.deputy),
    don_vi: m.units.map(unit),
    so_don_vi: m.units.length,
    tieu_chi: m.criteria.map((c, i) => ({ so: i + 1, ma: c.id, noi_dung: c.text, diem_toi_da: c.max })),
    diem_chuan: m.maxTotal,
    diem_cong_toi_da: m.bonusCap,
    diem_tru_toi_da: m.penaltyCap,
    moc: {
      dang_ky: m.timeline.registration,
      bao_cao_so_ket: m.timeline.midReport,
      bao_cao_tong_ket: m.timeline.endReport,
      // The conference months as a text writes them: "7/2020".
      so_ket_thang: formatMonthYear(m.timeline.midMonth),
      tong_ket_thang: formatMonthYear(m.timeline.endMonth),
    },
    ...yearFigures(m),
  };
}
