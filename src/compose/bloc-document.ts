import type { z } from "zod";
import type { AdminDocument, SignatureBlock } from "../document/model.ts";
import { formatDayMonthYearShort } from "../format/date.ts";
import { docNumber, punctuateList } from "../format/text.ts";
import type { DocSource, YearModel } from "../model/types.ts";
import type { Filing, Signer } from "../schema/common.ts";
import type { PlanFront } from "../schema/documents.ts";
import { PLAN, docOf } from "../documents/keys.ts";
import type { ComposeInput, Composed } from "../documents/types.ts";
import type { Filled } from "./fill.ts";
import { recipientLines } from "./filing.ts";
import { blocHeader } from "./parts.ts";
import { frontParts, requireKinhGui, requireSummary } from "./front-parts.ts";

/** The plan's data, by its type's one name. */
export function planOf(m: YearModel): DocSource<PlanFront> | undefined {
  return docOf(m.docs, PLAN);
}

/** "Kế hoạch số 01/KH-K8 ngày 5/2/2020 của Khối 8": how the other documents cite the plan. */
export function planReference(m: YearModel): string {
  const p = planOf(m)?.front;
  if (!p) return `Kế hoạch thi đua năm ${m.year} của ${m.bloc.shortName}`;
  const so = p.so ? `số ${docNumber({ number: p.so, typeCode: m.bloc.typeCodes.ke_hoach ?? "KH", issuerCode: m.bloc.code })} ` : "";
  const ngay = p.ngay ? `ngày ${formatDayMonthYearShort(p.ngay)} ` : "";
  return `Kế hoạch ${so}${ngay}của ${m.bloc.shortName}`;
}

export function meta(m: YearModel, title: string, subject: string, author: string, date: string | null | undefined): AdminDocument["meta"] {
  return { title, subject, author, keywords: ["thi đua", m.bloc.shortName, String(m.year)], lang: "vi-VN", date: date ?? `${m.year}-01-01` };
}

/** The front matter every document the bloc issues has in common. */
export interface BlocFront {
  so?: number | null | undefined;
  ngay?: string | null | undefined;
  trich_yeu?: string | undefined;
  ky?: z.infer<typeof Signer> | undefined;
  kinh_gui?: string[] | undefined;
  noi_nhan?: string[] | undefined;
  can_cu?: string[] | undefined;
  luu?: Filing | undefined;
}

/**
 * A document issued in the bloc's name and number series, with its signatures and Nơi nhận. Its
 * trích yếu, Kính gửi, Nơi nhận and "Lưu" line follow the one rule of front-parts.ts (data over
 * template over the bloc's); without a trích yếu (or a Kính gửi, when `needsKinhGui`), an error.
 * `recipients` adjusts the Nơi nhận items (the proposal's "Như trên" first).
 */
export function blocDocument(
  input: ComposeInput<BlocFront>,
  kind: string,
  f: Filled,
  signatures: SignatureBlock[],
  opts: { needsKinhGui?: boolean; recipients?: (items: string[]) => string[] } = {},
): Composed | undefined {
  const { m, template: t, data, stem, typeCode, diags } = input;
  const p = data.front;
  const parts = frontParts(p, f, t, { luu: m.bloc.filing });
  const where = { file: data.file, template: t.file, type: kind };
  const hasSummary = requireSummary(parts, where, diags);
  if (!hasSummary || (opts.needsKinhGui && !requireKinhGui(parts, where, diags))) return undefined;
  const doc: AdminDocument = {
    stem,
    typeCode,
    meta: meta(m, `${kind}: ${parts.summary}`, parts.summary, m.bloc.issuer.join(" "), p.ngay),
    header: blocHeader(m, typeCode, p.so, p.ngay),
    title: { type: t.front.loai, summary: [parts.summary] },
    ...(parts.kinhGui.length ? { kinhGui: parts.kinhGui } : {}),
    ...(p.can_cu?.length ? { bases: punctuateList(p.can_cu) } : {}),
    body: f.body,
    signatureLayout: t.front.chu_ky,
    signatures,
    recipients: recipientLines(opts.recipients ? opts.recipients(parts.recipients) : parts.recipients, parts.luu),
    appendices: [],
  };
  return { doc, origins: f.origins };
}
