/**
 * The six-letter tag of an embedded subset ("ABCDEF+Tinos-Regular", ISO 32000
 * 9.6.4): derived from the font file and the glyphs used, so the same input
 * always gives the same name and different subsets different names.
 */
import { createHash } from "node:crypto";

export function subsetTag(fileSha256: string, glyphIds: Iterable<number>): string {
  const ids = [...new Set(glyphIds)].sort((a, b) => a - b);
  const digest = createHash("sha256").update(`${fileSha256}:${ids.join(",")}`).digest();
  let tag = "";
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + ((digest[i] ?? 0) % 26));
  return tag;
}

/** A PostScript name as a PDF name allows it: printable ASCII without delimiters or spaces. */
export function safeFontName(name: string): string {
  return name.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, "");
}
