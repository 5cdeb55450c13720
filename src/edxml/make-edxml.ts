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
import { stageRecorded, type PlannedFile } from "../write/recorded-folder.ts";
import { inTransaction } from "../write/transaction.ts";
import { EDXML_FOLDER, packDocument } from "./pack-document.ts";
import type { Issued } from "./package.ts";

export interface EdxmlOptions {
  dataDir: string;
  outDir: string;
  /** Documents by their stem (to-trinh, bien-ban-binh-bau…). */
  names: string[];
  year?: number;
  /** --so/--ngay: the number and date of issuance of the one document named, when its data leaves them blank. */
  issued?: Issued;
}


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
      if (opts.issued && matches.length > 1) {
        diags.error("edxml/issued-ambiguous", { file: opts.dataDir, line: 0, column: 0 }, { name, years: matches.map((d) => d.year).join(", ") });
        continue;
      }
      for (const doc of matches) {
        const file = await packDocument(world, { doc, model: checked.models.find((m) => m.year === doc.year)!, outDir: opts.outDir, blocFile, blocText, ...(opts.issued ? { issued: opts.issued } : {}) }, diags);
        if (file) planned.push(file);
      }
    }
    if (diags.hasErrors) return undefined;
    return stageRecorded(world, opts.outDir, EDXML_FOLDER, planned, diags, staging);
  });
  const r = tx.value ?? { written: [], unchanged: [] };
  return { written: tx.written.filter((p) => !p.endsWith(`/${EDXML_FOLDER.record}`)), unchanged: r.unchanged, pending: tx.pending, diagnostics: diags.sorted() };
}
