import { PLAN, PROPOSAL, docOf } from "../documents/keys.ts";
import { singleTypes, type DocTypes, type SingleDocType } from "../documents/types.ts";
import type { Signer } from "../schema/common.ts";
import type { z } from "zod";
import { checkDate } from "./check-dates.ts";
import type { Diagnostics, SourcePos } from "../diagnostics/diagnostic.ts";
import { daysBetween } from "../format/date.ts";
import { docNumber } from "../format/text.ts";
import type { Bloc } from "../schema/bloc.ts";
import type { Located, MarkdownDoc, ValidYear } from "./valid-types.ts";
import type { YearContext } from "./year-context.ts";
import { checkBases, dmy, type Basis } from "./legal-bases.ts";

/** What the checks below read of any document's front matter. */
interface Front {
  so?: number | null;
  ngay?: string | null;
  ky?: z.infer<typeof Signer>;
}

/** The year's single documents, each with its type, in the order of the types. */
export interface Single {
  type: SingleDocType;
  doc: MarkdownDoc<Front>;
}

/** The year's valid single documents: the checks below read only the fields every bloc document's schema has (Front). */
export function singlesOf(types: DocTypes, vy: ValidYear): Single[] {
  return singleTypes(types).flatMap((type) => {
    const doc = vy.docs.get(type.id) as MarkdownDoc<Front> | undefined;
    return doc ? [{ type, doc }] : [];
  });
}

/** The bloc's documents: the plan in the emulation year, the others in their windows and not before the plan. */
export function checkDocDates(ctx: YearContext, singles: readonly Single[]): void {
  const y = ctx.vy.year.data;
  const plan = docOf(ctx.vy.docs, PLAN);
  if (plan?.data.ngay && !plan.data.ngay.startsWith(String(y.nam)))
    ctx.diags.error("date/wrong-year", plan.src.locate(["ngay"]), { date: plan.data.ngay, year: y.nam });
  for (const { type, doc } of singles) {
    const d = doc.data.ngay;
    if (type.dates && d) checkDate(ctx, doc.src, ["ngay"], d, type.dates.stage, undefined, ctx.planDate, type.dates.what, type.dates.whatEn);
  }
}

/**
 * No two of the bloc's documents share a number in one series: the same type code
 * (BC for both reports) and the same calendar year of the document's date (the
 * register restarts every January, so a year-end report dated in January of the next
 * year shares the next year's register with that year's plan: the check runs over
 * every year folder). An undated document counts in its folder's year. Blank numbers
 * are not compared. Units' registrations are numbered in each unit's own series and
 * are not part of the bloc's.
 */
export function checkDocNumbers(types: DocTypes, bloc: Located<Bloc>, years: readonly ValidYear[], diags: Diagnostics): void {
  const codes = bloc.data.ma_loai_van_ban;
  const seen = new Map<string, SourcePos>();
  // With one series for every code (the default), a number is the bloc's once a year whatever the code.
  const oneSeries = bloc.data.so_van_ban !== "theo_loai";
  const inSeries = new Map<string, { at: SourcePos; number: string }>();
  for (const vy of years)
    for (const { type, doc } of singlesOf(types, vy)) {
      const so = doc.data.so;
      if (so === undefined || so === null) continue;
      const code = codes[type.typeCode] ?? type.defaultCode;
      const year = doc.data.ngay?.slice(0, 4) ?? vy.folder;
      const key = `${year}:${code}:${so}`;
      const at = doc.src.locate(["so"]);
      const number = docNumber({ number: so, typeCode: code || undefined, issuerCode: bloc.data.ky_hieu });
      const series = inSeries.get(`${year}:${so}`);
      if (oneSeries && series && series.number !== number)
        diags.warning("dup/series-number", at, { so: String(so).padStart(2, "0"), year, first: series.number, other: `${series.at.file}:${series.at.line}`, number, file: at.file, line: at.line });
      else if (!series) inSeries.set(`${year}:${so}`, { at, number });
      const first = seen.get(key);
      if (!first) {
        seen.set(key, at);
        continue;
      }
      diags.error("dup/doc-number", at, { number, year, other: `${first.file}:${first.line}`, file: at.file, line: at.line });
    }
}

/** A signer's first title line starts with the quyền hạn given (TM. KHỐI 8, KT. GIÁM ĐỐC). */
export function checkSigners(ctx: YearContext, singles: readonly Single[]): void {
  for (const { doc } of singles) {
    const ky = doc.data.ky;
    if (!ky?.quyen_han) continue;
    const first = ky.chuc_vu[0] ?? "";
    if (!first.toUpperCase().startsWith(ky.quyen_han.toUpperCase()))
      ctx.diags.error("signer/authority", doc.src.locate(["ky", "chuc_vu", 0]), { authority: ky.quyen_han, line: first });
  }
}

/** The checks each document type declares for itself. */
export function checkTypes(ctx: YearContext, singles: readonly Single[]): void {
  for (const { type, doc } of singles) type.check?.(ctx, doc);
}

/** Each căn cứ line that cites a legal document not in force on the document's date (legal-bases.ts); an undated document is left to its date. */
export function checkDocBases(ctx: YearContext, singles: readonly Single[], bases: readonly Basis[]): void {
  if (!bases.length) return;
  for (const { type, doc } of singles) {
    const date = doc.data.ngay;
    const lines = (doc.data as { can_cu?: string[] }).can_cu ?? [];
    if (!date || !lines.length) continue;
    // Lines the province gave (tinh.yaml can_cu) are not in this file: said at the document, as the province's.
    const given = ctx.vy.fromProvince?.has(`${type.id}.can_cu`) ?? false;
    const from = given ? { fromVi: " (dòng căn cứ do tinh.yaml của tỉnh đưa vào)", fromEn: " (a căn cứ line given by the province's tinh.yaml)" } : { fromVi: "", fromEn: "" };
    for (const f of checkBases(lines, date, bases)) {
      const at = given ? doc.src.locate([]) : doc.src.locate(["can_cu", f.line]);
      if (f.kind === "expired") ctx.diags.warning("basis/expired", at, { basis: f.basis.so_hieu, end: dmy(f.basis.het_hieu_luc!), date: dmy(date), ...from });
      else ctx.diags.warning("basis/not-yet", at, { basis: f.basis.so_hieu, start: dmy(f.basis.hieu_luc!), date: dmy(date), ...from });
    }
  }
}

/** The proposal dated after the day the province's office must have the bloc's dossier (tinh.yaml han_ho_so): a warning at its date. */
export function checkDossierDue(vy: ValidYear, due: string, diags: Diagnostics): void {
  const doc = docOf(vy.docs, PROPOSAL);
  const date = doc?.data.ngay;
  if (!doc || !date || date <= due) return;
  diags.warning("tinh/dossier-late", doc.src.locate(["ngay"]), { date: dmy(date), due: dmy(due), days: daysBetween(due, date) });
}
