import { blocDocument } from "../compose/bloc-document.ts";
import { fill } from "../compose/fill.ts";
import { blocSigner } from "../compose/parts.ts";
import { yearTables } from "../compose/tables.ts";
import { ReportFront } from "../schema/documents.ts";
import { singleDoc } from "./types.ts";

/** Báo cáo sơ kết 6 tháng: by the deputy leader, with the units' mid-year results (its body may insert any of the year's tables). */
export const soKet = singleDoc({
  id: "so-ket",
  stem: "bao-cao-so-ket",
  template: "bao-cao-so-ket",
  typeCode: "bao_cao",
  defaultCode: "BC",
  schema: ReportFront,
  schemaName: "bao-cao",
  dependsOn: ["dang-ky/", "ket-qua/"],
  dates: { stage: "year", what: "Báo cáo sơ kết", whatEn: "The mid-year report" },
  signers: (m, front) => [blocSigner(m, front.ky, "deputy")],
  compose(input, signatures) {
    const { m, template, ctx, diags, data } = input;
    const f = fill(template, ctx, diags, yearTables(m), data);
    return f && blocDocument(input, "Báo cáo", f, signatures);
  },
});
