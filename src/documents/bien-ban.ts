import { meta } from "../compose/bloc-document.ts";
import { fill } from "../compose/fill.ts";
import { blocHeader, recipientLines } from "../compose/parts.ts";
import { personTitle } from "../compose/person-title.ts";
import { yearTables } from "../compose/tables.ts";
import { voteFigures, voteRoundTableName, voteTableName } from "../compose/vote-figures.ts";
import { roundOf } from "../compose/vote-text.ts";
import type { AdminDocument, Block } from "../document/model.ts";
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
    const person = <P extends { don_vi: string; chuc_vu?: string | undefined; chuc_danh?: string | undefined }>(p: P) => ({
      ...p,
      don_vi: name(p.don_vi),
      chuc_danh: personTitle(p, name(p.don_vi)),
    });
    const tables = yearTables(m);
    // One section per award (its first round), later rounds inside it.
    const phieu = m.votes.map((outcome, i) => {
      const id = outcome.awardId;
      const award = m.awards.find((a) => a.id === id);
      const entry = (round: number) => d.phieu.find((p) => p.danh_hieu === id && p.vong === round)!;
      const lan_sau = outcome.rounds.slice(1).map((r) => {
        const bang = voteRoundTableName(id, r.round);
        const e = entry(r.round);
        return {
          vong: r.round,
          phat_ra: e.phat_ra,
          thu_vao: e.thu_vao,
          hop_le: e.hop_le,
          khong_hop_le: e.khong_hop_le,
          don_vi: r.candidates.map(name),
          so_cho: r.places,
          bang,
        };
      });
      return {
        ...entry(1),
        so_thu_tu: i + 1,
        ten: award?.name ?? id,
        chi_tieu: award?.quota ?? 0,
        bang: voteTableName(id),
        lan_sau,
        // Who is proposed in the end, a later round's winners said as such; a tie left after the last round.
        de_nghi: outcome.proposed.map((u) => {
          const round = roundOf(outcome, u) ?? 1;
          return round > 1 ? `${name(u)} (bỏ phiếu lần ${round})` : name(u);
        }),
        bang_phieu: outcome.tiedAtQuota.map(name),
      };
    });
    const written = d.vang_mat.filter((v) => v.y_kien_van_ban).length;
    const countWritten = m.voteRule.countWritten;
    const present = d.co_mat.length;
    const base = m.votes[0]?.base ?? present;
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
        : countWritten
          ? "theo Quy chế của Khối, ý kiến bằng văn bản được tính như phiếu bầu"
          : "ý kiến bằng văn bản được ghi nhận, không tính vào kết quả bỏ phiếu",
      ban_kiem_phieu: d.ban_kiem_phieu.map((p) => ({ ...p, don_vi: name(p.don_vi) })),
      so_co_mat: present,
      quyet_dinh: m.foundingDecision ?? "quyết định thành lập Khối",
      co_so: voteFigures(m).co_so,
      nguong: `${m.voteRule.num}/${m.voteRule.den}`,
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
