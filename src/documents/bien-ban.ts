import { meta } from "../compose/bloc-document.ts";
import { fill } from "../compose/fill.ts";
import { recipientLines } from "../compose/filing.ts";
import { COMMON_TEMPLATE_KEYS, frontParts, requireSummary } from "../compose/front-parts.ts";
import { blocHeader } from "../compose/parts.ts";
import { personTitle } from "../compose/person-title.ts";
import { yearTables } from "../compose/tables.ts";
import { voteFigures } from "../compose/vote-figures.ts";
import type { AdminDocument, Block } from "../document/model.ts";
import { formatTimeOfDay } from "../format/date.ts";
import { MinutesFront } from "../schema/documents.ts";
import { checkMinutes } from "../validate/check-minutes.ts";
import { MINUTES } from "./keys.ts";
import { singleDoc } from "./types.ts";

/** Biên bản họp bình bầu (form 1.9 of Annex III): the vote, signed by the secretary and the chair. */
export const bienBan = singleDoc({
  key: MINUTES,
  stem: "bien-ban-binh-bau",
  template: "bien-ban-binh-bau",
  typeCode: "bien_ban",
  defaultCode: "BB",
  schema: MinutesFront,
  schemaName: "bien-ban",
  dependsOn: [],
  // Minutes are addressed to no one: no Kính gửi.
  templateKeys: COMMON_TEMPLATE_KEYS,
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
    const person = <P extends { don_vi: string; chuc_vu?: string | undefined; chuc_danh?: string | undefined }>(p: P) => ({
      ...p,
      don_vi: name(p.don_vi),
      chuc_danh: personTitle(p, name(p.don_vi)),
    });
    // The vote's values come from the year's figures (vote-figures.ts), as in every other body:
    // one section per award, its later rounds inside it.
    const votes = voteFigures(m);
    const phieu = votes.danh_hieu.map((a) => ({
      ...a.phieu,
      so_thu_tu: a.stt,
      ten: a.ten,
      chi_tieu: a.chi_tieu,
      bang: a.bang,
      lan_sau: a.lan_bo_phieu.slice(1).map((r) => ({ vong: r.vong, ...r.phieu, don_vi: r.ung_vien.map((u) => u.ten), so_cho: r.so_cho, bang: r.bang })),
      // Who is proposed in the end, a later round's winners said as such; a tie left after the last round.
      de_nghi: a.de_nghi.map((r) => (r.vong > 1 ? `${r.ten} (bỏ phiếu lần ${r.vong})` : r.ten)),
      bang_phieu: a.bang_phieu.map((r) => r.ten),
    }));
    const written = d.vang_mat.filter((v) => v.y_kien_van_ban).length;
    const full = {
      ...ctx,
      ...d,
      chu_tri: { ...person(d.chu_tri), vai_tro: d.chu_tri.don_vi === m.leader.id ? "Khối trưởng" : d.chu_tri.don_vi === m.deputy.id ? "Khối phó" : "" },
      thu_ky: person(d.thu_ky),
      co_mat: d.co_mat.map(person),
      vang_mat: d.vang_mat.map((v) => ({ ...v, don_vi: name(v.don_vi), y_kien_van_ban: v.y_kien_van_ban ?? false })),
      // After the absent units, how their written opinions count (empty without one).
      y_kien_van_ban_ghi_nhan: !written
        ? ""
        : m.voteRule.countWritten
          ? "theo Quy chế của Khối, ý kiến bằng văn bản được tính như phiếu bầu"
          : "ý kiến bằng văn bản được ghi nhận, không tính vào kết quả bỏ phiếu",
      ban_kiem_phieu: d.ban_kiem_phieu.map((p) => ({ ...p, don_vi: name(p.don_vi) })),
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
    const parts = frontParts(d, f, t, { luu: m.bloc.filing });
    if (!requireSummary(parts, { file: src.file, template: t.file, type: "Biên bản" }, diags)) return undefined;
    const doc: AdminDocument = {
      stem,
      typeCode: typeCode,
      meta: meta(m, `Biên bản họp bình bầu thi đua năm ${m.year}`, `Bình bầu thi đua năm ${m.year}`, m.bloc.issuer.join(" "), d.ngay),
      header: blocHeader(m, typeCode, d.so, d.ngay, false),
      title: { type: t.front.loai, summary: [parts.summary] },
      body: f.body,
      signatureLayout: t.front.chu_ky,
      signatures,
      recipients: recipientLines(parts.recipients, parts.luu),
      appendices: [],
    };
    return { doc, origins: f.origins };
  },
});
