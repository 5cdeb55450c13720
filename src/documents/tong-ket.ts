import { blocDocument } from "../compose/bloc-document.ts";
import { fill } from "../compose/fill.ts";
import { blocSigner } from "../compose/parts.ts";
import { scoreTable, yearTables } from "../compose/tables.ts";
import { formatDayMonthYearShort } from "../format/date.ts";
import { docNumber, upperVi } from "../format/text.ts";
import { ReportFront } from "../schema/documents.ts";
import { REPORT } from "./keys.ts";
import { singleDoc } from "./types.ts";

/** Báo cáo tổng kết năm: by the bloc leader; the score table is its appendix (Phụ lục). */
export const tongKet = singleDoc({
  key: REPORT,
  stem: "bao-cao-tong-ket",
  template: "bao-cao-tong-ket",
  typeCode: "bao_cao",
  defaultCode: "BC",
  schema: ReportFront,
  schemaName: "bao-cao",
  dependsOn: ["ket-qua/", "bien-ban.md"],
  dates: { stage: "year-end", what: "Báo cáo tổng kết", whatEn: "The year-end report" },
  signers: (m, front) => [blocSigner(m, front.ky, "leader")],
  compose(input, signatures) {
    const { m, template, ctx, diags, data, typeCode } = input;
    const f = fill(template, ctx, diags, yearTables(m), data);
    if (!f) return undefined;
    const p = data.front;
    const d = blocDocument(input, "Báo cáo", f, signatures);
    if (!d) return undefined;
    const so = p.so ? docNumber({ number: p.so, typeCode, issuerCode: m.bloc.code }) : `      /${typeCode}-${m.bloc.code}`;
    d.doc.appendices.push({
      label: "Phụ lục",
      title: [`BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM ${m.year}`, upperVi(m.bloc.name)],
      attachedTo: `(Kèm theo Báo cáo số ${so} ngày ${p.ngay ? formatDayMonthYearShort(p.ngay) : "     "} của ${m.bloc.shortName})`,
      body: scoreTable(m),
      landscape: true,
    });
    return d;
  },
});
