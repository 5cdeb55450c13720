import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { sha256, stableJson } from "./hash.ts";

/** What a build wrote and what it was made from, kept at out/.manifest.json. */
export interface ManifestEntry {
  /** Year and file stem, e.g. "2020/ke-hoach". */
  key: string;
  /** Hash of the composed document (all its text and structure). */
  content: string;
  /** Declared input files and their hashes, to explain a rebuild. */
  inputs: Record<string, string>;
  /** Written files and their hashes. */
  outputs: Record<string, string>;
  /**
   * The tool, fonts and shell this document's files were made with (a partial
   * build leaves the other documents as they were: their identity is theirs).
   */
  tool?: string;
  fonts?: string;
  shell?: string;
}

/**
 * What the last full build read: every file (hash), every folder listing,
 * and the warnings of the data, so that a build with nothing to do can tell
 * so (and say the warnings again) without loading the data at all.
 */
export interface Snapshot {
  dataDir: string;
  reads: Record<string, string>;
  listings: Record<string, string>;
  fontSource: string;
  warnings: Diagnostic[];
}

export interface Manifest {
  version: 1;
  /** The tool's version (package version and a hash of its source). */
  tool: string;
  /** Hash of the font files the PDFs were made with, and of the DOCX shell. */
  fonts: string;
  shell: string;
  documents: Record<string, ManifestEntry>;
  /** The outputs of whole years (the HTML report), by `<year>/<id>` (src/write/year-output-paths.ts); `inputs` is empty. */
  years?: Record<string, ManifestEntry>;
  snapshot?: Snapshot;
}

export const MANIFEST_NAME = ".manifest.json";

/**
 * The manifest's shape, checked by hand: this module is on the path of a
 * build with nothing to do, which must not pay for loading a schema library.
 * Returns what is wrong, or undefined.
 */
function shapeProblem(m: unknown): string | undefined {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const isHashes = (v: unknown) => isObj(v) && Object.values(v).every((x) => typeof x === "string");
  if (!isObj(m)) return "(gốc): không phải đối tượng JSON";
  if (m.version !== 1) return `version: ${JSON.stringify(m.version)}`;
  for (const k of ["tool", "fonts", "shell"]) if (typeof m[k] !== "string") return `${k}: ${JSON.stringify(m[k])}`;
  if (!isObj(m.documents)) return "documents";
  if (m.years !== undefined && !isObj(m.years)) return "years";
  for (const [group, entries] of [["documents", m.documents], ["years", m.years ?? {}]] as const)
    for (const [key, e] of Object.entries(entries)) {
      if (!isObj(e)) return `${group}.${key}`;
      if (e.key !== key) return `${group}.${key}.key`;
      if (typeof e.content !== "string") return `${group}.${key}.content`;
      for (const k of ["inputs", "outputs"]) if (!isHashes(e[k])) return `${group}.${key}.${k}`;
      for (const k of ["tool", "fonts", "shell"]) if (e[k] !== undefined && typeof e[k] !== "string") return `${group}.${key}.${k}`;
    }
  if (m.snapshot !== undefined) {
    const s = m.snapshot;
    if (!isObj(s) || typeof s.dataDir !== "string" || typeof s.fontSource !== "string" || !isHashes(s.reads) || !isHashes(s.listings)) return "snapshot";
    if (!Array.isArray(s.warnings)) return "snapshot.warnings";
    for (const [i, d] of s.warnings.entries()) {
      const pos = isObj(d) ? d.pos : undefined;
      if (!isObj(d) || typeof d.code !== "string" || d.severity !== "warning" || !isObj(d.params) || !isObj(pos)) return `snapshot.warnings.${i}`;
      if (typeof pos.file !== "string" || typeof pos.line !== "number" || typeof pos.column !== "number") return `snapshot.warnings.${i}.pos`;
    }
  }
  return undefined;
}

/**
 * The manifest of the last build: `manifest` when it is whole; `damaged`
 * (with what is wrong) when it does not parse or has the wrong shape, in
 * which case the build treats it as absent: a full rebuild, and nothing is
 * removed on its word.
 */
export type ManifestRead = { manifest?: Manifest; damaged?: string };

export async function readManifest(world: World, outDir: string): Promise<ManifestRead> {
  const bytes = await world.readFile(`${outDir}/${MANIFEST_NAME}`);
  if (!bytes) return {};
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (err) {
    return { damaged: err instanceof Error ? err.message : String(err) };
  }
  const problem = shapeProblem(json);
  return problem ? { damaged: problem } : { manifest: json as Manifest };
}

export function manifestBytes(m: Manifest): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(JSON.parse(stableJson(m)), null, 2) + "\n");
}

export { sha256 };
