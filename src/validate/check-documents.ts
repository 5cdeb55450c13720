import { keHoach } from "../documents/ke-hoach.ts";
import { SINGLE_DOCS, dataFileOf } from "../documents/registry.ts";
import type { Signer } from "../schema/common.ts";
import type { z } from "zod";
import { checkDate } from "./check-dates.ts";
import type { MarkdownDoc } from "./project.ts";
import type { YearContext } from "./year-context.ts";

/** What the checks below read of any document's front matter. */
interface Front {
  so?: number | null;
  ngay?: string | null;
  ky?: z.infer<typeof Signer>;
}

function singles(ctx: YearContext) {
  return SINGLE_DOCS.flatMap((type) => {
    const doc = ctx.vy.docs.get(type.id) as MarkdownDoc<Front> | undefined;
    return doc ? [{ type, doc }] : [];
  });
}

/** The bloc's documents: the plan in the emulation year, the others in their windows and not before the plan. */
export function checkDocDates(ctx: YearContext): void {
  const y = ctx.vy.year.data;
  const plan = ctx.vy.docs.get(keHoach.id) as MarkdownDoc<Front> | undefined;
  if (plan?.data.ngay && !plan.data.ngay.startsWith(String(y.nam)))
    ctx.diags.error("date/wrong-year", plan.src.locate(["ngay"]), { date: plan.data.ngay, year: y.nam });
  for (const { type, doc } of singles(ctx)) {
    const d = doc.data.ngay;
    if (type.dates && d) checkDate(ctx, doc.src, ["ngay"], d, type.dates.stage, undefined, ctx.planDate, type.dates.what, type.dates.whatEn);
  }
}

/** No two of the bloc's documents share a number in the same calendar year and type code. */
export function checkDocNumbers(ctx: YearContext): void {
  const codes = ctx.bloc.data.ma_loai_van_ban;
  const seen = new Map<string, string>();
  for (const { type, doc } of singles(ctx)) {
    const so = doc.data.so;
    if (so === undefined || so === null) continue;
    const code = codes[type.typeCode];
    // Numbers restart every January: the register is per calendar year of the document's date.
    const year = doc.data.ngay?.slice(0, 4) ?? ctx.vy.folder;
    const key = `${year}:${so}/${code}`;
    const other = seen.get(key);
    if (other) ctx.diags.error("dup/doc-number", doc.src.locate(["so"]), { number: `${so}/${code}-${ctx.bloc.data.ky_hieu}`, other });
    else seen.set(key, dataFileOf(type));
  }
}

/** A signer's first title line starts with the quyền hạn given (TM. KHỐI 8, KT. GIÁM ĐỐC). */
export function checkSigners(ctx: YearContext): void {
  for (const { doc } of singles(ctx)) {
    const ky = doc.data.ky;
    if (!ky?.quyen_han) continue;
    const first = ky.chuc_vu[0] ?? "";
    if (!first.toUpperCase().startsWith(ky.quyen_han.toUpperCase()))
      ctx.diags.error("signer/authority", doc.src.locate(["ky", "chuc_vu", 0]), { authority: ky.quyen_han, line: first });
  }
}

/** The checks each document type declares for itself. */
export function checkTypes(ctx: YearContext): void {
  for (const { type, doc } of singles(ctx)) type.check?.(ctx, doc);
}
