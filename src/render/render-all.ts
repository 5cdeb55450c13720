import { arrangeDocument } from "../arrange/arrange.ts";
import type { ComposedDocument } from "../compose/compose-all.ts";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { outputPath } from "./output-paths.ts";
import { RENDERERS, type RenderInputs, type Renderer } from "./renderers.ts";

export type { RenderInputs };

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * Stage 5: every composed document arranged once (src/arrange/) and written by
 * every renderer (DOCX: the shell filled; PDF: laid out, then emitted). Pure
 * apart from the fonts already loaded: nothing is read or written here.
 */
export async function renderAll(
  docs: readonly ComposedDocument[],
  inputs: RenderInputs,
  outDir: string,
  diags: Diagnostics,
  renderers: readonly Renderer[] = RENDERERS,
): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const composed of docs) {
    const arrangement = arrangeDocument(composed.doc, inputs.style, inputs.fonts);
    for (const r of renderers) {
      const bytes = await r.render({ composed, arrangement, inputs, diags });
      if (bytes) files.push({ path: outputPath(outDir, composed.year, composed.doc.stem, r.extension), bytes });
    }
  }
  return files;
}
