import type { z } from "zod";
import type { AdminDocument, SignatureBlock } from "../document/model.ts";
import { formatDayMonthYearShort } from "../format/date.ts";
import { docNumber, punctuateList } from "../format/text.ts";
import type { DocSource, YearModel } from "../model/types.ts";
import type { Filing, Signer } from "../schema/common.ts";
import type { PlanFront } from "../schema/documents.ts";
import { PLAN, docOf } from "../documents/keys.ts";
import type { Composed } from "../documents/types.ts";
import type { Filled } from "./fill.ts";
import { recipientLines } from "./filing.ts";
import { blocHeader } from "./parts.ts";
import type { Template } from "./template-file.ts";

/** The plan's data, by its type's one name. */
export function planOf(m: YearModel): DocSource<PlanFront> | undefined {
  return docOf(m.docs, PLAN);
}

/** "Kế hoạch số 01/KH-K8 ngày 5/2/2020 của Khối 8": how the other documents cite the plan. */
export function planReference(m: YearModel): string {
  const p = planOf(m)?.front;
  if (!p) return `Kế hoạch thi đua năm ${m.year} của ${m.bloc.shortName}`;
  const so = p.so ? `số ${docNumber({ number: p.so, typeCode: m.bloc.typeCodes.ke_hoach, issuerCode: m.bloc.code })} ` : "";
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
  trich_yeu: string;
  ky?: z.infer<typeof Signer> | undefined;
  kinh_gui?: string[] | undefined;
  can_cu?: string[] | undefined;
  luu?: Filing | undefined;
}

/**
 * A document issued in the bloc's name and number series, with its signatures and Nơi nhận; the
 * "Lưu" line from the data's luu, else the template's, else the bloc's.
 */
export function blocDocument(
  m: YearModel,
  t: Template,
  stem: string,
  typeCode: string,
  kind: string,
  p: BlocFront,
  f: Filled,
  signatures: SignatureBlock[],
  recipients: string[],
): Composed {
  const doc: AdminDocument = {
    stem,
    typeCode,
    meta: meta(m, `${kind}: ${p.trich_yeu}`, p.trich_yeu, m.bloc.issuer.join(" "), p.ngay),
    header: blocHeader(m, typeCode, p.so, p.ngay),
    title: { type: t.front.loai, summary: [p.trich_yeu] },
    ...(p.kinh_gui?.length ? { kinhGui: p.kinh_gui } : {}),
    ...(p.can_cu?.length ? { bases: punctuateList(p.can_cu) } : {}),
    body: f.body,
    signatureLayout: t.front.chu_ky,
    signatures,
    recipients: recipientLines(recipients, p.luu ?? t.front.luu ?? m.bloc.filing),
    appendices: [],
  };
  return { doc, origins: f.origins };
}
