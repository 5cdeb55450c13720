/**
 * The year's report as a year output (src/write/year-outputs.ts): out/<year>/index.html.
 * Its inputs are the year's PDFs (each document's page count and signature
 * fields, of the file the page links to, as recorded when it was written:
 * src/pdf/parts/); its content is every
 * other fact it shows (the model's figures, the data's warnings, the
 * documents' titles and files, the bundle's name). A PDF rebuilt to other
 * bytes makes it again; the commit step writes it only when its own bytes
 * changed, so a change that leaves the page counts and fields as they were
 * leaves index.html alone. The bytes never depend on which documents this
 * build happened to rebuild (--only reads the others from disk).
 */
import type { ComposedDocument } from "../compose/compose-all.ts";
import type { YearModel } from "../model/types.ts";
import { OUTPUT_EXTENSIONS, outputPath } from "../render/output-paths.ts";
import { sha256, stableJson } from "../write/hash.ts";
import { pdfParsing } from "../pdf/parts/parts-store.ts";
import type { PdfParts } from "../pdf/parts/parts.ts";
import { BUNDLE_FILE, REPORT_FILE } from "../write/year-output-paths.ts";
import type { YearOutput, YearSources } from "../write/year-outputs.ts";
import { reportFacts, type DocFacts } from "./facts.ts";
import { renderReportHtml } from "./html.ts";
import { ContentMemo } from "../write/content-memo.ts";
import { typeAndSummary } from "../register/register.ts";

/** The page's make-up, in the content (a change of the sources also changes the tool version, which rebuilds it anyway). */
const REPORT_FORMAT = 2;

/** "Kế hoạch Tổ chức và phát động ..."; a unit's document adds the unit: "Bản đăng ký thi đua năm 2020: Sở Y tế". */
export function documentTitle(c: ComposedDocument, model: YearModel): string {
  const title = typeAndSummary(c);
  const unit = c.unit;
  return unit ? `${title}: ${model.unitById.get(unit)?.name ?? unit}` : title;
}

/** What a PDF says of its document: its pages and its signature fields' names, in document order. */
export interface PdfFacts {
  pages: number;
  signatureFields: string[];
}

/** The document's facts but those its PDF gives. */
function docFacts(c: ComposedDocument, model: YearModel, pdf: PdfFacts): DocFacts {
  return { stem: c.doc.stem, title: documentTitle(c, model), ...pdf, files: OUTPUT_EXTENSIONS.filter((ext) => ext === "docx" || ext === "pdf").map((ext) => `${c.doc.stem}.${ext}`) };
}

const factsMemo = new ContentMemo<PdfFacts>(256);

/**
 * A PDF's page count and signature field names: from its recorded parts (src/pdf/parts/), or, for a
 * PDF that is not ours (a signed one keeps its fields' names), read with pdf-lib once per content in a process.
 */
export function pdfFacts(bytes: Uint8Array, parts?: PdfParts): Promise<PdfFacts> {
  if (parts) return Promise.resolve({ pages: parts.pages.length, signatureFields: [...parts.signatureFields] });
  return factsMemo.get([bytes], () => readPdfFacts(bytes));
}

async function readPdfFacts(bytes: Uint8Array): Promise<PdfFacts> {
  const [{ PDFDocument }, { listSignatureFields }] = await Promise.all([import("@cantoo/pdf-lib"), import("../sign/pdf-fields.ts")]);
  pdfParsing.observe?.(sha256(bytes), "pdf-lib");
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return { pages: pdf.getPageCount(), signatureFields: listSignatureFields(pdf).map((f) => f.name) };
}

function needModel(src: YearSources): YearModel {
  if (!src.model) throw new Error(`no model of year ${src.year}`);
  return src.model;
}

/** The page, from the year's sources and each document's PDF facts (in the order of `src.docs`). */
export function reportHtml(src: YearSources, pdfs: readonly PdfFacts[]): string {
  const model = needModel(src);
  const docs = src.docs.map((c, i) => docFacts(c, model, pdfs[i]!));
  return renderReportHtml(reportFacts(model, src.diagnostics, docs, BUNDLE_FILE.file(src.year)));
}

export const report: YearOutput = {
  ...REPORT_FILE,
  inputs: ({ outDir, year, docs }) => docs.map((c) => outputPath(outDir, year, c.doc.stem, "pdf")),
  content: (src) => {
    if (!src.model) return "";
    const model = src.model;
    const unread: PdfFacts = { pages: 0, signatureFields: [] };
    return stableJson({ format: REPORT_FORMAT, facts: reportFacts(model, src.diagnostics, src.docs.map((c) => docFacts(c, model, unread)), BUNDLE_FILE.file(src.year)) });
  },
  async render(job) {
    const pdfs: PdfFacts[] = [];
    for (const path of job.inputs) {
      const bytes = await job.read(path);
      pdfs.push(await pdfFacts(bytes, await job.parts(bytes)));
    }
    return new TextEncoder().encode(reportHtml(job, pdfs));
  },
};
