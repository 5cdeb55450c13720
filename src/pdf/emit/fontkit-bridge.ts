/**
 * The fontkit that pdf-lib is given: it hands back the fonts the FontSet has
 * already parsed (by identity of the bytes), so a build parses each file once;
 * any other bytes are refused.
 */
import type { PDFDocument } from "@cantoo/pdf-lib";
import type { FontSet } from "../fonts/font-set.ts";

/** What PDFDocument.registerFontkit takes (the type is not exported by the package). */
type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];

export function fontkitFor(fonts: FontSet): Fontkit {
  const parsed = new Map<Uint8Array, unknown>();
  for (const files of Object.values(fonts.faces)) for (const f of files) parsed.set(f.bytes, f.font);
  return {
    create(bytes: Uint8Array) {
      const font = parsed.get(bytes);
      if (!font) throw new Error("emit: asked to embed font bytes that are not from the FontSet");
      return font as ReturnType<Fontkit["create"]>;
    },
  };
}

/**
 * Glyph substitution and positioning off: one glyph per character, the one the
 * cmap gives, so what is drawn has exactly the advance widths FontSet.width()
 * measured (Word and LibreOffice set body text without kerning or ligatures).
 */
export const NO_FEATURES: Record<string, boolean> = Object.fromEntries(
  ["liga", "clig", "dlig", "hlig", "calt", "rlig", "ccmp", "locl", "kern", "rclt", "mark", "mkmk", "curs", "ltra", "ltrm", "rvrn", "frac", "numr", "dnom"].map((f) => [f, false]),
);
