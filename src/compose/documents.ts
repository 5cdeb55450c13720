import type { Diagnostics, SourcePos } from "../diagnostics/diagnostic.ts";
import type { AdminDocument, Block, SignatureBlock } from "../document/model.ts";
import { formatDayMonthYearShort, formatTimeOfDay } from "../format/date.ts";
import { docNumber, punctuateList, upperVi } from "../format/text.ts";
import type { DocSource, YearModel } from "../model/types.ts";
import { yearContext } from "./context.ts";
import { parseMarkup } from "./markup.ts";
import { renderTemplate } from "./handlebars.ts";
import { stripMarks } from "./marks.ts";
import type { Origin } from "./origins.ts";
import { blocHeader, blocSigner, recipientLines, unitHeader } from "./parts.ts";
import { midYearTable, proposalTable, registrationTable, scoreTable, voteTable } from "./tables.ts";
import type { Template } from "./template-file.ts";
import type { z } from "zod";
import type { Signer } from "../schema/common.ts";

export type Templates = Record<"ke-hoach" | "dang-ky" | "bao-cao-so-ket" | "bao-cao-tong-ket" | "bien-ban-binh-bau" | "to-trinh", Template>;

interface Filled {
  body: Block[];
  title?: string;
  kinhGui?: string[];
  recipients: string[];
  /** Where the filled text comes from, for messages about it (see origins.ts). */
  origins: Origin[];
}

/** A composed document and where its text comes from. */
export interface Composed {
  doc: AdminDocument;
  origins: Origin[];
}

/**
 * Renders the data's own body, then the template around it, then parses the
 * result into blocks. The body and the template may insert the document's own
 * tables (`tables`), nothing else.
 */
function fill(t: Template, ctx: Record<string, unknown>, diags: Diagnostics, tables: Map<string, Block[]>, data?: DocSource<unknown>): Filled | undefined {
  const names = new Set(tables.keys());
  const origins: Origin[] = [];
  let noi_dung = "";
  if (data) {
    const r = renderTemplate(data.body, ctx, { file: data.file, line: data.bodyLine }, diags, { tables: names });
    if (r === undefined) return undefined;
    noi_dung = r.text;
    origins.push(...r.origins);
  }
  const full = { ...ctx, noi_dung };
  const raw = ["noi_dung"];
  const text = renderTemplate(t.body, full, { file: t.file, line: t.bodyLine }, diags, { tables: names, raw });
  if (text === undefined) return undefined;
  origins.push(...text.origins);
  const small = (s: string, where: SourcePos | undefined) => {
    const r = renderTemplate(s, full, where ?? { file: t.file, line: 1 }, diags, { raw });
    if (r) origins.push(...r.origins);
    return r ? stripMarks(r.text) : s;
  };
  const at = t.positions;
  return {
    body: parseMarkup(text.text, tables),
    ...(t.front.tieu_de ? { title: small(t.front.tieu_de, at.tieu_de) } : {}),
    ...(t.front.kinh_gui ? { kinhGui: t.front.kinh_gui.map((s, i) => small(s, at.kinh_gui[i])) } : {}),
    recipients: t.front.noi_nhan.map((s, i) => small(s, at.noi_nhan[i])),
    origins,
  };
}

function planReference(m: YearModel): string {
  const p = m.plan?.front;
  if (!p) return `Kế hoạch thi đua năm ${m.year} của ${m.bloc.shortName}`;
  const so = p.so ? `số ${docNumber({ number: p.so, typeCode: m.bloc.typeCodes.plan, issuerCode: m.bloc.code })} ` : "";
  const ngay = p.ngay ? `ngày ${formatDayMonthYearShort(p.ngay)} ` : "";
  return `Kế hoạch ${so}${ngay}của ${m.bloc.shortName}`;
}

function meta(m: YearModel, title: string, subject: string, author: string, date: string | null | undefined) {
  return { title, subject, author, keywords: ["thi đua", m.bloc.shortName, String(m.year)], lang: "vi-VN", date: date ?? `${m.year}-01-01` };
}

export function composeYear(m: YearModel, t: Templates, diags: Diagnostics): Composed[] {
  const ctx = { ...yearContext(m), ke_hoach: { tham_chieu: planReference(m) } };
  const docs: (Composed | undefined)[] = [];

  if (m.plan) {
    const f = fill(t["ke-hoach"], ctx, diags, new Map(), m.plan);
    if (f) docs.push(blocDocument(m, t["ke-hoach"], "ke-hoach", m.bloc.typeCodes.plan, "Kế hoạch", m.plan.front, f, "leader", m.plan.front.noi_nhan ?? f.recipients));
  }

  for (const u of m.units) {
    const r = m.registrations.get(u.id);
    if (!r) continue;
    const code = m.bloc.typeCodes.registration;
    const f = fill(t["dang-ky"], { ...ctx, ...r, don_vi: { ten: u.name, ten_ngan: u.shortName } }, diags, new Map([["chi-tieu", registrationTable(m, r)]]));
    if (!f) continue;
    const signer: SignatureBlock = { role: "signer", lines: [upperVi(u.head.title)], name: u.head.name };
    const doc: AdminDocument = {
      stem: `dang-ky-${u.id}`,
      typeCode: code,
      meta: meta(m, `Đăng ký thi đua năm ${m.year}: ${u.name}`, `Đăng ký thi đua năm ${m.year}`, u.name, r.ngay),
      header: unitHeader(m, u, code, r.so, r.ngay),
      title: { type: t["dang-ky"].front.loai, summary: f.title ? [f.title] : [] },
      ...(f.kinhGui ? { kinhGui: f.kinhGui } : {}),
      body: f.body,
      signatureLayout: "single",
      signatures: [signer],
      recipients: recipientLines(f.recipients),
      appendices: [],
    };
    docs.push({ doc, origins: f.origins });
  }

  if (m.soKet) docs.push(report(m, t["bao-cao-so-ket"], "bao-cao-so-ket", m.soKet, ctx, diags, new Map([["ket-qua-6-thang", midYearTable(m)]]), "deputy"));
  if (m.tongKet) {
    const d = report(m, t["bao-cao-tong-ket"], "bao-cao-tong-ket", m.tongKet, ctx, diags, new Map([["tong-hop-diem", scoreTable(m)]]), "leader");
    if (d) {
      const f = m.tongKet.front;
      const so = f.so ? docNumber({ number: f.so, typeCode: m.bloc.typeCodes.report, issuerCode: m.bloc.code }) : `      /${m.bloc.typeCodes.report}-${m.bloc.code}`;
      d.doc.appendices.push({
        label: "Phụ lục",
        title: [`BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM ${m.year}`, upperVi(m.bloc.name)],
        attachedTo: `(Kèm theo Báo cáo số ${so} ngày ${f.ngay ? formatDayMonthYearShort(f.ngay) : "     "} của ${m.bloc.shortName})`,
        body: scoreTable(m),
        landscape: true,
      });
    }
    docs.push(d);
  }
  if (m.minutes) docs.push(minutes(m, t["bien-ban-binh-bau"], ctx, diags));
  if (m.proposal) {
    const p = m.proposal.front;
    const f = fill(t["to-trinh"], ctx, diags, new Map([["danh-sach-de-nghi", proposalTable(m)]]), m.proposal);
    if (f) docs.push(blocDocument(m, t["to-trinh"], "to-trinh", m.bloc.typeCodes.proposal, "Tờ trình", p, f, "leader", ["Như trên", ...(p.noi_nhan ?? f.recipients).filter((x) => x !== "Như trên")]));
  }
  return docs.filter((d): d is Composed => d !== undefined);
}

function report(
  m: YearModel,
  t: Template,
  stem: string,
  src: NonNullable<YearModel["soKet"]>,
  ctx: Record<string, unknown>,
  diags: Diagnostics,
  tables: Map<string, Block[]>,
  by: "leader" | "deputy",
): Composed | undefined {
  const f = fill(t, ctx, diags, tables, src);
  return f ? blocDocument(m, t, stem, m.bloc.typeCodes.report, "Báo cáo", src.front, f, by, src.front.noi_nhan ?? f.recipients) : undefined;
}

/** The front matter every document the bloc issues has in common. */
interface BlocFront {
  so?: number | null | undefined;
  ngay?: string | null | undefined;
  trich_yeu: string;
  ky?: z.infer<typeof Signer> | undefined;
  kinh_gui?: string[] | undefined;
  can_cu?: string[] | undefined;
}

/** A document issued in the bloc's name and number series, with one signer and Nơi nhận. */
function blocDocument(m: YearModel, t: Template, stem: string, typeCode: string, kind: string, p: BlocFront, f: Filled, by: "leader" | "deputy", recipients: string[]): Composed {
  const doc: AdminDocument = {
    stem,
    typeCode,
    meta: meta(m, `${kind}: ${p.trich_yeu}`, p.trich_yeu, m.bloc.issuer.join(" "), p.ngay),
    header: blocHeader(m, typeCode, p.so, p.ngay),
    title: { type: t.front.loai, summary: [p.trich_yeu] },
    ...(p.kinh_gui?.length ? { kinhGui: p.kinh_gui } : {}),
    ...(p.can_cu?.length ? { bases: punctuateList(p.can_cu) } : {}),
    body: f.body,
    signatureLayout: "single",
    signatures: [blocSigner(m, p.ky, by)],
    recipients: recipientLines(recipients),
    appendices: [],
  };
  return { doc, origins: f.origins };
}

function minutes(m: YearModel, t: Template, ctx: Record<string, unknown>, diags: Diagnostics): Composed | undefined {
  const src = m.minutes!;
  const d = src.front;
  const name = (id: string) => m.unitById.get(id)?.name ?? id;
  const person = <P extends { don_vi: string }>(p: P) => ({ ...p, don_vi: name(p.don_vi) });
  const tables = new Map<string, Block[]>();
  const phieu = d.phieu.map((p, i) => {
    const award = m.awards.find((a) => a.id === p.danh_hieu);
    const outcome = m.votes.find((v) => v.awardId === p.danh_hieu);
    tables.set(`phieu-${p.danh_hieu}`, voteTable(m, p.danh_hieu));
    return {
      ...p,
      so_thu_tu: i + 1,
      ten: award?.name ?? p.danh_hieu,
      chi_tieu: award?.quota ?? 0,
      bang: `phieu-${p.danh_hieu}`,
      de_nghi: (outcome?.proposed ?? []).map(name),
      bang_phieu: (outcome?.tiedAtQuota ?? []).map(name),
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
    co_so: m.voteRule.basis === "thanh_vien" ? `tổng số ${m.units.length} đơn vị thành viên` : `số đơn vị có mặt (${d.co_mat.length})`,
    nguong: `${m.voteRule.num}/${m.voteRule.den}`,
    phieu,
    bat_dau: formatTimeOfDay(d.bat_dau),
    ket_thuc_gio: formatTimeOfDay(d.ket_thuc),
  };
  const f = fill(t, full, diags, tables, src);
  if (!f) return undefined;
  const doc: AdminDocument = {
    stem: "bien-ban-binh-bau",
    typeCode: m.bloc.typeCodes.minutes,
    meta: meta(m, `Biên bản họp bình bầu thi đua năm ${m.year}`, `Bình bầu thi đua năm ${m.year}`, m.bloc.issuer.join(" "), d.ngay),
    header: blocHeader(m, m.bloc.typeCodes.minutes, d.so, d.ngay, false),
    title: { type: t.front.loai, summary: f.title ? [f.title] : [] },
    body: f.body,
    signatureLayout: "pair",
    signatures: [
      { role: "secretary", lines: ["THƯ KÝ"], name: d.thu_ky.ho_ten },
      { role: "chair", lines: ["CHỦ TỌA"], name: d.chu_tri.ho_ten },
    ],
    recipients: recipientLines(d.noi_nhan ?? f.recipients),
    appendices: [],
  };
  return { doc, origins: f.origins };
}
