import { composeYear, type Templates } from "../compose/documents.ts";
import { loadTemplate } from "../compose/template-file.ts";
import { Diagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import type { YearModel } from "../model/types.ts";
import { renderDocx } from "./docx/render.ts";

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

const TEMPLATE_NAMES = ["ke-hoach", "dang-ky", "bao-cao-so-ket", "bao-cao-tong-ket", "bien-ban-binh-bau", "to-trinh"] as const;

/** Stages 4–5 for every year: compose the documents from templates, render each to DOCX. Nothing is written here. */
export async function renderAll(world: World, models: YearModel[], outDir: string): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  const diags = new Diagnostics();
  const templates: Partial<Templates> = {};
  for (const name of TEMPLATE_NAMES) {
    const t = await loadTemplate(world, name, diags);
    if (t) templates[name] = t;
  }
  const shell = await world.readFile("templates/shell.docx");
  if (!shell) diags.error("file/missing", { file: "templates/shell.docx", line: 1, column: 1 }, { what: "templates/shell.docx" });
  if (diags.hasErrors || !shell) return { files: [], diagnostics: diags.sorted() };

  const files: OutputFile[] = [];
  for (const m of models) {
    for (const doc of composeYear(m, templates as Templates, diags)) {
      files.push({ path: `${outDir}/${m.year}/${doc.stem}.docx`, bytes: renderDocx(doc, shell) });
    }
  }
  return { files, diagnostics: diags.sorted() };
}
