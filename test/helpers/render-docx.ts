/** renderDocx as the build calls it: the document arranged first with the package fonts (Tinos, metric-compatible with Times New Roman). */
import { arrangeDocument } from "../../src/arrange/arrange.ts";
import type { AdminDocument } from "../../src/document/model.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { renderDocx } from "../../src/render/docx/render.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";

export const testFonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });

export function renderArranged(doc: AdminDocument, shell: Uint8Array): Uint8Array {
  const style = readShellStyle(shell);
  return renderDocx(doc, shell, arrangeDocument(doc, style, testFonts), style);
}
