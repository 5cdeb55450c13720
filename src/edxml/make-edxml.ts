/**
 * `edxml <document…>`: each named document's edXML package in out/<year>/edxml/<stem>.edxml,
 * through the project transaction (lock, staged writes, all or nothing). The PDF packed is the
 * signed copy (<stem>.signed.pdf) when there is one, else the PDF itself (a warning when it
 * carries no signature). A package there is replaced only when it is the one the tool wrote
 * last (src/write/recorded-folder.ts). Any error and nothing is written.
 */
import { Diagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { checkProject } from "../pipeline.ts";
import { outputPath } from "../render/output-paths.ts";
import { pdfText } from "../cli/pdf-text.ts";
import { MAX_FOREIGN_PDF_BYTES, readForeignPdf, signatureState } from "../sign/signature-state.ts";
import { FAILED } from "../write/guard.ts";
import { stageRecorded, type PlannedFile, type RecordedFolder } from "../write/recorded-folder.ts";
import { inTransaction } from "../write/transaction.ts";
import { edxmlEnvelope } from "./envelope.ts";
import { edxmlInput } from "./package.ts";

export interface EdxmlOptions {
  dataDir: string;
  outDir: string;
  /** Documents by their stem (to-trinh, bien-ban-binh-bau…). */
  names: string[];
  year?: number;
}

export const EDXML_FOLDER: RecordedFolder = {
  dir: (outDir, year) => `${outDir}/${year}/edxml`,
  record: ".edxml.json",
  names: /^[a-z0-9-]+\.edxml$/,
  kept: "edxml/kept-file",
  damaged: "files/record-damaged",
  command: "edxml",
};

export async function makeEdxml(world: World, opts: EdxmlOptions): Promise<{ diagnostics: Diagnostic[]; written: string[]; unchanged: string[]; pending: string[] }> {
  const diags = new Diagnostics();
  const tx = await inTransaction(world, { command: "edxml" }, diags, async (staging) => {
    const checked = await checkProject(world, opts.dataDir);
    for (const d of checked.diagnostics) if (d.severity === "error") diags.add(d);
    if (diags.hasErrors) return undefined;
    const docs = checked.documents.filter((d) => opts.year === undefined || d.year === opts.year);
    const blocFile = `${opts.dataDir}/khoi.yaml`;
    const blocText = new TextDecoder().decode((await world.readFile(blocFile)) ?? new Uint8Array());
    const planned: PlannedFile[] = [];
    for (const name of opts.names) {
      const matches = docs.filter((d) => d.doc.stem === name);
      if (!matches.length) {
        const known = [...new Set(docs.map((d) => d.doc.stem))].join(", ");
        diags.error("edxml/unknown-document", { file: opts.dataDir, line: 0, column: 0 }, { name, known, example: docs.find((d) => d.type === "to-trinh")?.doc.stem ?? "to-trinh", yearVi: opts.year ? ` năm ${opts.year}` : "", yearEn: opts.year ? ` of ${opts.year}` : "" });
        continue;
      }
      for (const doc of matches) {
        const model = checked.models.find((m) => m.year === doc.year)!;
        const signed = outputPath(opts.outDir, doc.year, `${doc.doc.stem}.signed`, "pdf");
        const plain = outputPath(opts.outDir, doc.year, doc.doc.stem, "pdf");
        const signedBytes = await readForeignPdf(world, signed, diags);
        const plainBytes = signedBytes === undefined ? await readForeignPdf(world, plain, diags) : undefined;
        if (signedBytes === FAILED || plainBytes === FAILED) continue;
        const bytes = signedBytes ?? plainBytes;
        if (bytes === undefined) {
          diags.error("edxml/no-pdf", { file: plain, line: 0, column: 0 }, { path: plain });
          continue;
        }
        const path = signedBytes !== undefined ? signed : plain;
        // A PDF in out/ may have been replaced by anything: read by sign's own checks, never trusted.
        const { state, pages } = await signatureState(bytes);
        if (state.kind === "unreadable" || state.kind === "broken") {
          diags.error("edxml/unreadable-pdf", { file: path, line: 0, column: 0 }, { path });
          continue;
        }
        if (state.kind === "unsigned") diags.warning("edxml/unsigned", { file: path, line: 0, column: 0 }, { document: `${doc.doc.stem}.pdf`, path });
        const dataText = new TextDecoder().decode((await world.readFile(doc.source)) ?? new Uint8Array());
        const input = edxmlInput({ doc, model, dataText, blocFile, blocText, pdf: { name: path.slice(path.lastIndexOf("/") + 1), bytes, pages } }, diags);
        if (!input) continue;
        // The envelope's number and date are the data's: the PDF must show them (not an older copy, signed before a change).
        const shown = (await pdfText(bytes, MAX_FOREIGN_PDF_BYTES).catch(() => "")).replace(/\s+/g, " ");
        const expected = [doc.doc.header.number, doc.doc.header.placeDate].filter((x): x is string => !!x).map((x) => x.replace(/\s+/g, " "));
        const missing = expected.find((x) => !shown.includes(x));
        if (missing !== undefined) {
          diags.error("edxml/stale-pdf", { file: path, line: 0, column: 0 }, { path, line: missing });
          continue;
        }
        planned.push({ year: doc.year, name: `${doc.doc.stem}.edxml`, bytes: new TextEncoder().encode(edxmlEnvelope(input)) });
      }
    }
    if (diags.hasErrors) return undefined;
    return stageRecorded(world, opts.outDir, EDXML_FOLDER, planned, diags, staging);
  });
  const r = tx.value ?? { written: [], unchanged: [] };
  return { written: tx.written.filter((p) => !p.endsWith(`/${EDXML_FOLDER.record}`)), unchanged: r.unchanged, pending: tx.pending, diagnostics: diags.sorted() };
}
