import type { ComposedDocument } from "../compose/compose-all.ts";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { emitPdf } from "../pdf/emit/emit-pdf.ts";
import type { FontSet } from "../pdf/fonts/font-set.ts";
import { locateChar } from "../compose/origins.ts";
import { describeChar } from "../pdf/fonts/vietnamese.ts";
import { missingGlyphs } from "../pdf/layout/check-glyphs.ts";
import { layoutDocument } from "../pdf/layout/document.ts";
import { renderDocx } from "./docx/render.ts";
import type { ShellStyle } from "./docx/style.ts";

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

export interface RenderInputs {
  shell: Uint8Array;
  /** Read from the shell: the one source of page setup and styles for both outputs. */
  style: ShellStyle;
  fonts: FontSet;
  sourceDateEpoch?: string;
}

/**
 * Stage 5: every composed document as DOCX (the shell filled) and as PDF
 * (laid out, then emitted). Pure apart from the fonts already loaded: nothing is
 * read or written here.
 */
export async function renderAll(docs: readonly ComposedDocument[], inputs: RenderInputs, outDir: string, diags: Diagnostics): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const { year, doc, source, origins } of docs) {
    const stem = `${outDir}/${year}/${doc.stem}`;
    files.push({ path: `${stem}.docx`, bytes: renderDocx(doc, inputs.shell, inputs.style) });
    const laid = layoutDocument(doc, inputs.style, inputs.fonts);
    const missing = missingGlyphs(laid, inputs.fonts);
    for (const m of missing) {
      // Where the character is written (a template or a data body) or inserted (a value); else the document's data file.
      const pos = locateChar(origins ?? [], m.char) ?? { file: source, line: 1, column: 1 };
      diags.error("pdf/missing-glyph", pos, { char: describeChar(m.char), page: m.page, document: `${doc.stem}.pdf`, context: m.context });
    }
    if (missing.length) continue;
    files.push({ path: `${stem}.pdf`, bytes: await emitPdf(laid, inputs.fonts, inputs.sourceDateEpoch ? { sourceDateEpoch: inputs.sourceDateEpoch } : {}) });
  }
  return files;
}
