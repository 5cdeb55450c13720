/**
 * Embeds the font files a document uses, each as a subset named with a
 * deterministic tag, in a fixed order (face, then file) so object numbers are
 * stable.
 */
import type { PDFDocument, PDFFont } from "@cantoo/pdf-lib";
import { FACES } from "../fonts/candidates.ts";
import type { FontFile } from "../fonts/font-file.ts";
import type { FontSet } from "../fonts/font-set.ts";
import type { LaidOutDocument } from "../types.ts";
import { NO_FEATURES } from "./fontkit-bridge.ts";
import { safeFontName, subsetTag } from "./subset-tag.ts";

/** Glyph ids each file will draw; throws MissingCharacterError (with the page) for a character no file has. */
export function glyphsUsed(doc: LaidOutDocument, fonts: FontSet): Map<FontFile, Set<number>> {
  const used = new Map<FontFile, Set<number>>();
  doc.pages.forEach((page, i) => {
    for (const item of page.items) {
      if (item.kind !== "text") continue;
      let runs;
      try {
        runs = fonts.runs(item.text, item.face);
      } catch (e) {
        if (e instanceof Error) e.message = `PDF page ${i + 1}, text "${item.text}": ${e.message}`;
        throw e;
      }
      for (const run of runs) {
        let set = used.get(run.file);
        if (!set) used.set(run.file, (set = new Set()));
        for (const ch of run.text) set.add(run.file.glyphId(ch.codePointAt(0) ?? 0));
      }
    }
  });
  return used;
}

export async function embedFonts(pdf: PDFDocument, fonts: FontSet, used: Map<FontFile, Set<number>>): Promise<Map<FontFile, PDFFont>> {
  const out = new Map<FontFile, PDFFont>();
  for (const face of FACES) {
    for (const file of fonts.faces[face]) {
      const glyphs = used.get(file);
      if (!glyphs || out.has(file)) continue;
      const customName = `${subsetTag(file.sha256, glyphs)}+${safeFontName(file.postscriptName)}`;
      out.set(file, await pdf.embedFont(file.bytes, { subset: true, customName, features: NO_FEATURES }));
    }
  }
  return out;
}
