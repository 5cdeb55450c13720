/**
 * The province's report as files (bao-cao-tong-hop-<year>.docx and .pdf), from the workspace's
 * shell (templates/shell.docx: the one page setup and styles of both outputs) and the package's
 * Tinos, through the one arrangement and the two renderers every document of the tool uses.
 */
import { arrangeDocument } from "../arrange/arrange.ts";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { AdminDocument } from "../document/model.ts";
import type { World } from "../io/world.ts";
import { emitPdf } from "../pdf/emit/emit-pdf.ts";
import { FontNotFoundError, loadFontSet } from "../pdf/fonts/load-font-set.ts";
import { missingGlyphs } from "../pdf/layout/check-glyphs.ts";
import { layoutDocument } from "../pdf/layout/document.ts";
import { loadShell } from "../render/docx/load-shell.ts";
import { renderDocx } from "../render/docx/render.ts";
import { prepareSharedFonts } from "../write/shared-fonts.ts";
import { PROVINCE_FILE } from "./settings.ts";

export async function reportFiles(world: World, doc: AdminDocument, fontPackageDir: string | undefined, diags: Diagnostics, tool = "dev"): Promise<{ docx: Uint8Array; pdf: Uint8Array } | undefined> {
  const loaded = await loadShell(world, diags);
  if (!loaded) return undefined;
  let fonts;
  try {
    fonts = await loadFontSet((p) => world.readFile(p), { system: false, ...(fontPackageDir ? { packageDir: fontPackageDir } : {}) });
  } catch (err) {
    if (!(err instanceof FontNotFoundError)) throw err;
    diags.error("pdf/font-not-found", { file: "templates/shell.docx", line: 1, column: 1 }, { detail: err.message });
    return undefined;
  }
  // The shared font subsets, kept in the workspace's out/.cache as a bloc's build keeps its own: made once, not at every view.
  await prepareSharedFonts(world, "out", fonts, tool);
  const arrangement = arrangeDocument(doc, loaded.style, fonts);
  const laid = layoutDocument(doc, loaded.style, fonts, { arrangement });
  const missing = missingGlyphs(laid, fonts);
  for (const m of missing) diags.error("pdf/missing-glyph", { file: PROVINCE_FILE, line: 1, column: 1 }, { char: m.char, page: m.page, document: `${doc.stem}.pdf`, context: m.context });
  if (missing.length) return undefined;
  return { docx: renderDocx(doc, loaded.shell, arrangement, loaded.style), pdf: await emitPdf(laid, fonts) };
}
