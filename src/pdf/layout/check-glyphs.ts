import type { FontMetrics, LaidOutDocument } from "../types.ts";

export interface MissingGlyph {
  char: string;
  page: number;
  /** The text it occurs in, for the message. */
  context: string;
}

/** Characters that no font can draw, with the page and text they occur in (each character once). */
export function missingGlyphs(doc: LaidOutDocument, metrics: FontMetrics): MissingGlyph[] {
  const seen = new Set<string>();
  const out: MissingGlyph[] = [];
  doc.pages.forEach((page, i) => {
    for (const item of page.items) {
      if (item.kind !== "text") continue;
      for (const char of metrics.missing(item.text, item.face)) {
        if (seen.has(char)) continue;
        seen.add(char);
        out.push({ char, page: i + 1, context: item.text });
      }
    }
  });
  return out;
}
