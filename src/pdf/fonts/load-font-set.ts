/**
 * Finds and parses the body font of a build: settings, then system, then
 * package (see candidates.ts). Every file is read through the injected reader
 * and parsed once per process: the same bytes at the same paths give the same
 * FontSet object, so a province's blocs and its report share the parsed fonts
 * and the subsets prepared for them (prepared-fonts.ts keeps them by FontSet).
 */
import type { FaceKey } from "../types.ts";
import { FACES, packageCandidate, settingsCandidate, systemCandidates, type FaceFiles, type FamilyCandidate } from "./candidates.ts";
import { FontFileError, parseFontFile, type FontFile } from "./font-file.ts";
import type { FontReader } from "./font-reader.ts";
import { FontSet } from "./font-set.ts";
import { ContentMemo } from "../../write/content-memo.ts";
import { VIETNAMESE_REPERTOIRE, describeChar } from "./vietnamese.ts";

export interface FontSetOptions {
  /** An office's own Times New Roman, one file per face. When given it is used or the load fails: no silent fallback. */
  settings?: FaceFiles;
  /** Look for system fonts (default true). */
  system?: boolean;
  /** The system locations to try, in order (default: systemCandidates()). */
  systemCandidates?: readonly FamilyCandidate[];
  /** The folder of @fontsource/tinos (where its package.json is); absent when the package is not installed. */
  packageDir?: string;
}

export class FontNotFoundError extends Error {
  override name = "FontNotFoundError";
}

/** Not usable; `reason` is absent when none of its files exists (nothing worth reporting). */
type Loaded = { ok: true; faces: Record<FaceKey, FontFile[]> } | { ok: false; reason?: string; absent?: string[] };

/**
 * Candidates already parsed in this process, by their paths and the bytes read there; a few at
 * most, and forgotten with every other memo of the process (forgetContentMemos).
 */
const PARSED = new ContentMemo<Loaded>(4);
/** The font sets made from them, by the parsed faces and what else a FontSet says. */
const SETS = new WeakMap<Record<FaceKey, FontFile[]>, Map<string, FontSet>>();

function fontSet(source: FontSet["source"], label: string, faces: Record<FaceKey, FontFile[]>, skipped: readonly string[]): FontSet {
  let bySet = SETS.get(faces);
  if (!bySet) SETS.set(faces, (bySet = new Map()));
  const key = JSON.stringify([source, label, skipped]);
  let set = bySet.get(key);
  if (!set) bySet.set(key, (set = new FontSet(source, label, faces, skipped)));
  return set;
}

async function loadCandidate(reader: FontReader, c: FamilyCandidate): Promise<Loaded> {
  const paths = [...new Set(FACES.flatMap((f) => c.files[f]))];
  const read = await Promise.all(paths.map((p) => reader(p)));
  const absent = paths.filter((_, i) => read[i] === undefined);
  if (absent.length === paths.length) return { ok: false, absent };
  if (absent.length) return { ok: false, reason: `${c.label}: incomplete, not found: ${absent.join(", ")}` };
  const bytes = read as Uint8Array[];
  return PARSED.get([c.label, JSON.stringify(c.files), ...paths.flatMap((p, i) => [p, bytes[i]!])], async () => parseCandidate(c, paths, bytes));
}

function parseCandidate(c: FamilyCandidate, paths: string[], read: Uint8Array[]): Loaded {
  const parsed = new Map<string, FontFile>();
  try {
    paths.forEach((p, i) => parsed.set(p, parseFontFile(p, read[i]!)));
  } catch (e) {
    if (e instanceof FontFileError) return { ok: false, reason: e.message };
    throw e;
  }
  const faces = {} as Record<FaceKey, FontFile[]>;
  for (const face of FACES) faces[face] = c.files[face].map((p) => parsed.get(p) as FontFile);
  for (const face of FACES) {
    const lacking = [...VIETNAMESE_REPERTOIRE].filter((ch) => !faces[face].some((f) => f.glyphId(ch.codePointAt(0) ?? 0) !== 0));
    if (lacking.length) {
      const shown = lacking.slice(0, 5).map(describeChar).join(", ");
      return { ok: false, reason: `${c.label}: the ${face} face lacks ${lacking.length} Vietnamese character(s): ${shown}${lacking.length > 5 ? ", …" : ""}` };
    }
  }
  return { ok: true, faces };
}

/**
 * The font set of one build. Order: `options.settings` (an error if unusable),
 * the first complete system family with the whole Vietnamese alphabet, then the
 * @fontsource/tinos files. Throws FontNotFoundError when none is usable.
 */
export async function loadFontSet(reader: FontReader, options: FontSetOptions = {}): Promise<FontSet> {
  if (options.settings) {
    const c = settingsCandidate(options.settings);
    const r = await loadCandidate(reader, c);
    if (!r.ok) throw new FontNotFoundError(`The body font named in settings cannot be used: ${r.reason ?? `not found: ${(r.absent ?? []).join(", ")}`}`);
    return fontSet("settings", c.label, r.faces, []);
  }
  const candidates: FamilyCandidate[] = [];
  if (options.system !== false) candidates.push(...(options.systemCandidates ?? systemCandidates()));
  if (options.packageDir !== undefined) candidates.push(packageCandidate(options.packageDir));
  const skipped: string[] = [];
  for (const c of candidates) {
    const r = await loadCandidate(reader, c);
    if (r.ok) return fontSet(c.source, c.label, r.faces, skipped);
    if (r.reason) skipped.push(r.reason);
    // The package's files are expected to be there: name the one looked for.
    else if (c.source === "package" && r.absent?.length) skipped.push(`${c.label}: not found: ${r.absent[0]}${r.absent.length > 1 ? ` (and ${r.absent.length - 1} more)` : ""}`);
  }
  throw new FontNotFoundError(
    "No Times New Roman-metric font with Vietnamese was found. Install fonts-liberation2 (Liberation Serif) or fonts-croscore (Tinos), " +
      "run `npm install` for @fontsource/tinos, or name the office's Times New Roman files in settings." +
      (skipped.length ? `\nTried:\n  ${skipped.join("\n  ")}` : ""),
  );
}
