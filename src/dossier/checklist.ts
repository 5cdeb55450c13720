/**
 * The dossier's first page: the checklist (Danh mục hồ sơ), a document of the model like any
 * other, laid out and drawn by the PDF renderer: each item numbered, with its number and date,
 * whether it is there (and which file: the signed copy or the PDF), and its signature state.
 * Pure.
 */
import type { AdminDocument, Run, TableCell } from "../document/model.ts";
import { upperVi } from "../format/text.ts";
import type { YearModel } from "../model/types.ts";
import type { DossierItem } from "./items.ts";
import { stateText, type SignatureState } from "../sign/signature-state.ts";

export interface CheckedItem extends DossierItem {
  /** The file used (the signed copy when there is one), or undefined when missing. */
  file?: string;
  state?: SignatureState;
  pages?: number;
}

const cell = (text: string, align?: TableCell["align"]): TableCell => ({ paragraphs: [[{ text } as Run]], ...(align ? { align } : {}) });
const day = (d: string | null) => (d ? d.split("-").reverse().join("/") : "");

/** The latest date of the items (the dossier is made after its last document), for the checklist's metadata. */
const latestDate = (items: readonly CheckedItem[]) => items.map((i) => i.date).filter((d): d is string => !!d).sort().at(-1);

export function checklistDocument(m: YearModel, items: readonly CheckedItem[]): AdminDocument {
  const present = items.filter((i) => i.file).length;
  const title = `Danh mục hồ sơ đề nghị khen thưởng năm ${m.year}`;
  return {
    stem: `ho-so-de-nghi-${m.year}-danh-muc`,
    typeCode: "",
    meta: { title, subject: `${m.bloc.shortName}: ${present}/${items.length} thành phần hồ sơ`, author: m.bloc.shortName, keywords: ["hồ sơ đề nghị khen thưởng", String(m.year)], lang: "vi-VN", date: latestDate(items) ?? `${m.year}-12-31` },
    header: { ...(m.bloc.parentBody.length ? { parentBody: m.bloc.parentBody.map(upperVi) } : {}), issuer: m.bloc.issuer.map(upperVi), number: "" },
    title: { type: "DANH MỤC HỒ SƠ", summary: [`Đề nghị khen thưởng thi đua năm ${m.year} của ${m.bloc.shortName}`] },
    body: [
      {
        kind: "paragraph",
        runs: [{ text: `Hồ sơ gồm ${items.length} thành phần, đã có ${present}. Bản ghép này là bản để đọc: văn bản có giá trị pháp lý là các tệp PDF đã ký số gửi kèm.` }],
      },
      {
        kind: "table",
        columns: [{ width: 6, align: "center", fixed: true }, { width: 44 }, { width: 16, align: "center" }, { width: 12, align: "center" }, { width: 22 }],
        headerRows: 1,
        rows: [
          { cells: ["STT", "Thành phần hồ sơ", "Số, ký hiệu", "Ngày", "Tình trạng"].map((t) => cell(t, "center")) },
          ...items.map((i) => ({
            cells: [
              cell(String(i.no), "center"),
              cell(i.title),
              cell(i.number, "center"),
              cell(day(i.date), "center"),
              i.file
                ? { paragraphs: [[{ text: i.file.endsWith(".signed.pdf") ? "Có (bản ký số)" : "Có" }], [{ text: stateText(i.state!) }], [{ text: `${i.pages} trang` }]] }
                : // File names are long words a narrow column cannot break: the file's own name here, its folder in the warning.
                  { paragraphs: [[{ text: "Thiếu", bold: true }], [{ text: i.source.kind === "unit-report" ? `${i.source.unit}.pdf` : `${i.source.stem}.pdf` }]] },
            ],
          })),
        ],
      },
    ],
    signatureLayout: "single",
    signatures: [],
    appendices: [],
  };
}
