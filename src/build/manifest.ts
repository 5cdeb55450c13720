import { z } from "zod";
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
}

export interface Manifest {
  version: 1;
  /** The tool's version (package version and a hash of its source). */
  tool: string;
  /** Hash of the font files the PDFs were made with, and of the DOCX shell. */
  fonts: string;
  shell: string;
  documents: Record<string, ManifestEntry>;
}

export const MANIFEST_NAME = ".manifest.json";

const hashes = z.record(z.string(), z.string());
const entrySchema = z.object({ key: z.string(), content: z.string(), inputs: hashes, outputs: hashes });
const manifestSchema = z.object({
  version: z.literal(1),
  tool: z.string(),
  fonts: z.string(),
  shell: z.string(),
  documents: z.record(z.string(), entrySchema),
});

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
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { damaged: `${issue.path.join(".") || "(gốc)"}: ${issue.message}` };
  }
  const m = parsed.data;
  for (const [key, entry] of Object.entries(m.documents)) if (entry.key !== key) return { damaged: `documents.${key}.key: ${entry.key}` };
  return { manifest: m as Manifest };
}

export function manifestBytes(m: Manifest): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(JSON.parse(stableJson(m)), null, 2) + "\n");
}

export { sha256 };
