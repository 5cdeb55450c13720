/**
 * The font subsets a build shares: for every file of the font set, one
 * subset holding every character of PDF_REPERTOIRE that the file draws (that
 * the font set takes from it), built and compressed once per font set and
 * kept in the build's byte cache by the font's hash. Every PDF of the build
 * copies them byte for byte.
 *
 * Prepared once per FontSet: emitPdf asks for the font set it was given and
 * gets the same preparation every time. A build that has a cache calls
 * preparePdfFonts(fonts, { cache }) once before rendering, and its cache gets
 * every entry, even when the font set was prepared before in the process.
 */
import { FACES } from "../fonts/candidates.ts";
import { hasEntry, type ByteCache } from "../fonts/byte-cache.ts";
import type { FontFile } from "../fonts/font-file.ts";
import type { FontSet } from "../fonts/font-set.ts";
import { PDF_REPERTOIRE } from "../fonts/repertoire.ts";
import { buildEmbedding, subsetCacheKey, type EmbeddingOptions, type FontEmbedding } from "./font-embedding.ts";

export interface PreparedFonts {
  readonly fonts: FontSet;
  /** The shared subset of a file, or undefined when the font set takes no character of the repertoire from it. */
  embedding(file: FontFile): FontEmbedding | undefined;
}

/** A preparation and the cache entry of each of its subsets, to give to a later build's cache. */
interface Preparation {
  readonly done: Promise<PreparedFonts>;
  readonly entries: { file: FontFile; gids: readonly number[]; entry: Uint8Array }[];
}

const prepared = new WeakMap<FontSet, Preparation>();

/**
 * Puts into `cache` each entry it lacks, under the key of the build's tool: a build's cache holds
 * its subsets however the process came by them (prepared with no cache, another one, another tool).
 */
async function keepIn(cache: ByteCache, identity: string | undefined, entries: Preparation["entries"]): Promise<void> {
  for (const { file, gids, entry } of entries) {
    const key = subsetCacheKey(file, gids, identity);
    if (!(await hasEntry(cache, key))) await cache.put(key, entry);
  }
}

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
export async function preparePdfFonts(fonts: FontSet, options: EmbeddingOptions = {}): Promise<PreparedFonts> {
  const p = prepared.get(fonts);
  if (!p) {
    const entries: Preparation["entries"] = [];
    const done = prepare(fonts, { ...options, onEntry: (file, gids, entry) => void entries.push({ file, gids, entry }) });
    prepared.set(fonts, { done, entries });
    // A failed preparation (an unreadable cache) is not kept: the next call tries again.
    done.catch(() => prepared.delete(fonts));
    return done;
  }
  const done = await p.done;
  // Prepared earlier in this process, perhaps for another build (another bloc, a test) or with no cache:
  // this build's cache is given the entries it lacks, so what a build leaves in out/.cache does not
  // depend on what the process did before it.
  if (options.cache) await keepIn(options.cache, options.identity, p.entries);
  return done;
}
