import { meta } from "../compose/bloc-document.ts";
import { fill } from "../compose/fill.ts";
import { blocHeader, recipientLines } from "../compose/parts.ts";
import { yearTables } from "../compose/tables.ts";
import { voteFigures } from "../compose/vote-figures.ts";
import type { AdminDocument } from "../document/model.ts";
import { formatTimeOfDay } from "../format/date.ts";
import { MinutesFront } from "../schema/documents.ts";
import { checkMinutes } from "../validate/check-minutes.ts";
import { singleDoc } from "./types.ts";

/** Biên bản họp bình bầu (form 1.9 of Annex III): the vote, signed by the secretary and the chair. */
export const bienBan = singleDoc({
  id: "bien-ban",
  stem: "bien-ban-binh-bau",
  template: "bien-ban-binh-bau",
  typeCode: "bien_ban",
  schema: MinutesFront,
  schemaName: "bien-ban",
  dependsOn: [],
  dates: { stage: "year-end", what: "Biên bản", whatEn: "The minutes" },
  check: checkMinutes,
  // Decree 30's minutes: THƯ KÝ on the left, CHỦ TỌA on the right.
  signers: (_m, d) => [
    { role: "secretary", lines: ["THƯ KÝ"], name: d.thu_ky.ho_ten },
    { role: "chair", lines: ["CHỦ TỌA"], name: d.chu_tri.ho_ten },
  ],
  compose({ m, template: t, ctx, diags, data: src, stem, typeCode }, signatures) {
    const d = src.front;
    const name = (id: string) => m.unitById.get(id)?.name ?? id;
    const person = <P extends { don_vi: string }>(p: P) => ({ ...p, don_vi: name(p.don_vi) });
    // The vote's values come from the year's figures (vote-figures.ts), as in every other body.
    const votes = voteFigures(m);
    const phieu = d.phieu.map((p, i) => {
      const award = votes.theo_danh_hieu[p.danh_hieu];
      return {
        ...p,
        so_thu_tu: i + 1,
        ten: award?.ten ?? p.danh_hieu,
        chi_tieu: award?.chi_tieu ?? 0,
        bang: award?.bang ?? `phieu-${p.danh_hieu}`,
        de_nghi: (award?.de_nghi ?? []).map((r) => r.ten),
        bang_phieu: (award?.bang_phieu ?? []).map((r) => r.ten),
      };
    });
    const full = {
      ...ctx,
      ...d,
      chu_tri: { ...person(d.chu_tri), vai_tro: d.chu_tri.don_vi === m.leader.id ? "Khối trưởng" : d.chu_tri.don_vi === m.deputy.id ? "Khối phó" : "" },
      thu_ky: person(d.thu_ky),
      co_mat: d.co_mat.map(person),
      vang_mat: d.vang_mat.map((v) => ({ ...v, don_vi: name(v.don_vi) })),
      ban_kiem_phieu: d.ban_kiem_phieu.map(person),
      so_co_mat: d.co_mat.length,
      quyet_dinh: m.foundingDecision ?? "quyết định thành lập Khối",
      co_so: votes.co_so,
      nguong: votes.nguong,
      phieu,
      bat_dau: formatTimeOfDay(d.bat_dau),
      ket_thuc_gio: formatTimeOfDay(d.ket_thuc),
    };
    const f = fill(t, full, diags, yearTables(m), src);
    if (!f) return undefined;
    const doc: AdminDocument = {
      stem,
      typeCode: typeCode,
      meta: meta(m, `Biên bản họp bình bầu thi đua năm ${m.year}`, `Bình bầu thi đua năm ${m.year}`, m.bloc.issuer.join(" "), d.ngay),
      header: blocHeader(m, typeCode, d.so, d.ngay, false),
      title: { type: t.front.loai, summary: f.title ? [f.title] : [] },
      body: f.body,
      signatureLayout: t.front.chu_ky,
      signatures,
      recipients: recipientLines(d.noi_nhan ?? f.recipients),
      appendices: [],
    };
    return { doc, origins: f.origins };
  },
});
