import type { DocHeader, SignatureBlock } from "../document/model.ts";
import { formatPlaceDate } from "../format/date.ts";
import { numberLine, upperVi } from "../format/text.ts";
import type { UnitInfo, YearModel } from "../model/types.ts";
import type { Signer } from "../schema/common.ts";
import type { z } from "zod";

/** Header of a document the bloc issues (its own number series, K8). */
export function blocHeader(m: YearModel, typeCode: string, so: number | null | undefined, date: string | null | undefined, withDate = true): DocHeader {
  return {
    ...(m.bloc.parentBody.length ? { parentBody: m.bloc.parentBody.map(upperVi) } : {}),
    issuer: m.bloc.issuer.map(upperVi),
    ...(m.bloc.compounds.length ? { compounds: m.bloc.compounds } : {}),
    number: numberLine({ number: so ?? undefined, typeCode: typeCode || undefined, issuerCode: m.bloc.code }),
    ...(withDate ? { placeDate: formatPlaceDate(m.bloc.place, date ?? undefined, { year: m.year }) } : {}),
  };
}

/** Header of a document a member unit issues under its own name and series. */
export function unitHeader(m: YearModel, u: UnitInfo, typeCode: string, so: number | null | undefined, date: string | null | undefined): DocHeader {
  return {
    // The unit's own parent body (a central-line agency's: KHO BẠC NHÀ NƯỚC...), else the bloc's; none for [].
    ...(u.parentBody.length ? { parentBody: u.parentBody.map(upperVi) } : {}),
    // Lines the data gives are kept (the arrangement only mends a break inside a compound or a line too wide);
    // else the name is one line, which the arrangement breaks with the real font metrics at the column's width.
    issuer: u.headerLines ? u.headerLines.map(upperVi) : [upperVi(u.name)],
    ...(m.bloc.compounds.length ? { compounds: m.bloc.compounds } : {}),
    number: numberLine({ number: so ?? undefined, typeCode: typeCode || undefined, issuerCode: u.abbr }),
    placeDate: formatPlaceDate(m.bloc.place, date ?? undefined, { year: m.year }),
  };
}

/** The signer from the data, or by default the leader's head signing for the bloc. */
export function blocSigner(m: YearModel, ky: z.infer<typeof Signer> | undefined, role: "leader" | "deputy" = "leader"): SignatureBlock {
  if (ky) return { role: "signer", lines: ky.chuc_vu.map(upperVi), name: ky.ho_ten };
  const u = role === "leader" ? m.leader : m.deputy;
  return {
    role: "signer",
    lines: [`TM. ${upperVi(m.bloc.shortName)}`, role === "leader" ? "KHỐI TRƯỞNG" : "KHỐI PHÓ", upperVi(u.head.title), upperVi(u.name)],
    name: u.head.name,
  };
}
