/**
 * The font subsets a build shares: for every file of the font set, one
 * subset holding every character of PDF_REPERTOIRE that the file draws (that
 * the font set takes from it), built and compressed once per font set and
 * kept in the build's byte cache by the font's hash. Every PDF of the build
 * copies them byte for byte.
 *
 * Prepared once per FontSet: emitPdf asks for the font set it was given and
 * gets the same preparation every time. A build that has a cache calls
 * preparePdfFonts(fonts, { cache }) once before rendering.
 */
import { FACES } from "../fonts/candidates.ts";
import type { FontFile } from "../fonts/font-file.ts";
import type { FontSet } from "../fonts/font-set.ts";
import { PDF_REPERTOIRE } from "../fonts/repertoire.ts";
import { buildEmbedding, type EmbeddingOptions, type FontEmbedding } from "./font-embedding.ts";

export interface PreparedFonts {
  readonly fonts: FontSet;
  /** The shared subset of a file, or undefined when the font set takes no character of the repertoire from it. */
  embedding(file: FontFile): FontEmbedding | undefined;
}

const prepared = new WeakMap<FontSet, Promise<PreparedFonts>>();

/** The code points of the repertoire that the font set draws with `file`, in any face. */
export function repertoireOf(fonts: FontSet, file: FontFile): number[] {
  return PDF_REPERTOIRE.filter((cp) => FACES.some((face) => fonts.fileFor(cp, face) === file));
}

async function prepare(fonts: FontSet, options: EmbeddingOptions): Promise<PreparedFonts> {
  const byFile = new Map<FontFile, FontEmbedding>();
  for (const face of FACES) {
    for (const file of fonts.faces[face]) {
      if (byFile.has(file)) continue;
      const cps = repertoireOf(fonts, file);
      if (cps.length) byFile.set(file, await buildEmbedding(file, cps, options));
    }
  }
  return { fonts, embedding: (file) => byFile.get(file) };
}

/**
 * The shared subsets of `fonts`, prepared on the first call for this font set
 * (with `options.cache`, when given, to read and keep the compressed
 * subsets); later calls return the same preparation.
 */
export function preparePdfFonts(fonts: FontSet, options: EmbeddingOptions = {}): Promise<PreparedFonts> {
  let p = prepared.get(fonts);
  if (!p) {
    p = prepare(fonts, options);
    prepared.set(fonts, p);
    // A failed preparation (an unreadable cache) is not kept: the next call tries again.
    p.catch(() => prepared.delete(fonts));
  }
  return p;
}
