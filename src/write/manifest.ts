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
  /**
   * How many documents the build packs for the document exchange (gui_edxml): their packages are
   * made from files the snapshot does not name (a signed copy in out/), so a build then always decides.
   */
  sends?: number;
  /** What the province's workspace gave the bloc (up-to-date.ts provinceKey); absent for a bloc on its own. */
  province?: string;
}

export interface Manifest {
  version: 1;
  /** The tool's version (package version and a hash of its source). */
  tool: string;
  /** Hash of the font files the PDFs were made with, and of the DOCX shell. */
  fonts: string;
  shell: string;
  documents: Record<string, ManifestEntry>;
  /**
   * The outputs of a whole year (the print bundle), by "<year>/<id>": inputs are the
   * files they are made from (the documents' PDFs), outputs their one file.
   */
  yearOutputs?: Record<string, ManifestEntry>;
  snapshot?: Snapshot;
}

export const MANIFEST_NAME = ".manifest.json";

/**
 * The manifest's shape, checked by hand: this module is on the path of a
 * build with nothing to do, which must not pay for loading a schema library.
 * Returns the path of the first part that is wrong ("(gốc)" for the whole), or undefined.
 */
function shapeProblem(m: unknown): string | undefined {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const isHashes = (v: unknown) => isObj(v) && Object.values(v).every((x) => typeof x === "string");
  if (!isObj(m)) return "";
  if (m.version !== 1) return "version";
  for (const k of ["tool", "fonts", "shell"]) if (typeof m[k] !== "string") return k;
  if (!isObj(m.documents)) return "documents";
  for (const [key, e] of Object.entries(m.documents)) {
    if (!isObj(e)) return `documents.${key}`;
    if (e.key !== key) return `documents.${key}.key`;
    if (typeof e.content !== "string") return `documents.${key}.content`;
    for (const k of ["inputs", "outputs"]) if (!isHashes(e[k])) return `documents.${key}.${k}`;
    for (const k of ["tool", "fonts", "shell"]) if (e[k] !== undefined && typeof e[k] !== "string") return `documents.${key}.${k}`;
  }
  if (m.yearOutputs !== undefined) {
    if (!isObj(m.yearOutputs)) return "yearOutputs";
    for (const [key, e] of Object.entries(m.yearOutputs)) {
      if (!isObj(e) || e.key !== key || typeof e.content !== "string" || typeof e.tool !== "string") return `yearOutputs.${key}`;
      for (const k of ["inputs", "outputs"]) if (!isHashes(e[k])) return `yearOutputs.${key}.${k}`;
    }
  }
  if (m.snapshot !== undefined) {
    const s = m.snapshot;
    if (!isObj(s) || typeof s.dataDir !== "string" || typeof s.fontSource !== "string" || !isHashes(s.reads) || !isHashes(s.listings)) return "snapshot";
    if (!Array.isArray(s.warnings)) return "snapshot.warnings";
    if (s.sends !== undefined && (typeof s.sends !== "number" || !Number.isInteger(s.sends))) return "snapshot.sends";
    if (s.province !== undefined && typeof s.province !== "string") return "snapshot.province";
    for (const [i, d] of s.warnings.entries()) {
      const pos = isObj(d) ? d.pos : undefined;
      if (!isObj(d) || typeof d.code !== "string" || d.severity !== "warning" || !isObj(d.params) || !isObj(pos)) return `snapshot.warnings.${i}`;
      if (typeof pos.file !== "string" || typeof pos.line !== "number" || typeof pos.column !== "number") return `snapshot.warnings.${i}.pos`;
    }
  }
  return undefined;
}

/** What is wrong with a damaged manifest, in both languages, and where (1-based). */
export interface ManifestDamage {
  vi: string;
  en: string;
  line: number;
  column: number;
}

/**
 * The manifest of the last build: `manifest` when it is whole; `damaged`
 * (what is wrong, and where) when it does not parse or has the wrong shape:
 * the record of what the build wrote is lost (see plan-step.ts for what the
 * build then does). A missing manifest is neither: a first build.
 */
export type ManifestRead = { manifest?: Manifest; damaged?: ManifestDamage };

/** The hash recorded for a file kept while its record was lost: never a file's hash, so the file is never taken for the build's own. */
export const UNRECORDED = "unrecorded";
/** The same, for a file kept while the record was whole but had no copy the build wrote there (edited-outputs.ts). */
export const FOREIGN = "foreign";

export async function readManifest(world: World, outDir: string): Promise<ManifestRead> {
  const bytes = await world.readFile(`${outDir}/${MANIFEST_NAME}`);
  if (!bytes) return {};
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { damaged: { vi: "không phải văn bản UTF-8", en: "not UTF-8 text", line: 1, column: 1 } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { damaged: syntaxDamage(text, err) };
  }
  const problem = shapeProblem(json);
  if (problem === undefined) return { manifest: json as Manifest };
  return {
    damaged: problem
      ? { vi: `mục “${problem}” thiếu hoặc sai dạng`, en: `“${problem}” is missing or has the wrong shape`, line: 1, column: 1 }
      : { vi: "không phải một đối tượng JSON", en: "not a JSON object", line: 1, column: 1 },
  };
}

/**
 * Where JSON.parse stopped, from the position in its message (its words are the engine's, in
 * English, and are not repeated): the end of the text when it ran out.
 */
function syntaxDamage(text: string, err: unknown): ManifestDamage {
  const message = err instanceof Error ? err.message : "";
  const at = /position (\d+)/.exec(message);
  const ended = !at && /end of (JSON|data)/i.test(message);
  const pos = at ? Math.min(Number(at[1]), text.length) : ended ? text.length : 0;
  const before = text.slice(0, pos).split("\n");
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return ended || pos >= text.length
    ? { vi: `tệp dừng giữa chừng, không phải JSON đầy đủ (dòng ${line}, cột ${column})`, en: `the file ends part-way, not whole JSON (line ${line}, column ${column})`, line, column }
    : { vi: `không phải JSON hợp lệ từ dòng ${line}, cột ${column}`, en: `not valid JSON from line ${line}, column ${column}`, line, column };
}

export function manifestBytes(m: Manifest): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(JSON.parse(stableJson(m)), null, 2) + "\n");
}

export { sha256 };
